package ir.line111.asteriskconf.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Splitting of application arguments the way Asterisk's ast_app_separate_args does it. */
public final class Args {
    private Args() {}

    /** Splits on {@code sep} outside quotes, (), [] and {} (so ${...} and $[...] stay whole). */
    public static List<String> split(String text, char sep) {
        var out = new ArrayList<String>();
        var cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '(' || c == '[' || c == '{')) depth++;
            else if (!quoted && (c == ')' || c == ']' || c == '}')) depth = Math.max(0, depth - 1);
            if (c == sep && depth == 0 && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Index of the first {@code c} outside quotes and brackets, as GotoIf finds its '?'. */
    public static OptionalInt indexOutside(String text, char wanted) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '(' || c == '[' || c == '{')) depth++;
            else if (!quoted && (c == ')' || c == ']' || c == '}')) depth = Math.max(0, depth - 1);
            else if (c == wanted && depth == 0 && !quoted) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    /**
     * Why a dialplan expression would not substitute as written: an unclosed ${ or $[, or a
     * parenthesis or bracket without its partner. Empty when balanced.
     */
    public static java.util.Optional<String> unbalanced(String text) {
        var stack = new CharStack();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '"') { quoted = !quoted; continue; }
            if (c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '[')) {
                stack.push(text.charAt(i + 1) == '{' ? '}' : ']');
                i++;
            } else if (quoted) {
                // Quoted text (a REGEX pattern) may hold any bracket; only a ${ or $[ opened inside
                // it is closed inside it.
                if ((c == '}' || c == ']') && !stack.isEmpty() && stack.peek() == c) stack.pop();
            } else if (c == '(') {
                stack.push(')');
            } else if (c == '[') {
                stack.push(']');
            } else if (c == ')' || c == ']' || c == '}') {
                if (stack.isEmpty()) return java.util.Optional.of("'" + c + "' at column " + (i + 1) + " closes nothing");
                char expected = stack.pop();
                if (expected != c) {
                    return java.util.Optional.of("'" + c + "' at column " + (i + 1) + " where '" + expected + "' was expected");
                }
            }
        }
        if (quoted) return java.util.Optional.of("a \" is never closed");
        if (!stack.isEmpty()) return java.util.Optional.of("'" + stack.peek() + "' is missing at the end");
        return java.util.Optional.empty();
    }

    /** A small stack of expected closing characters. */
    private static final class CharStack {
        private char[] items = new char[16];
        private int size;

        void push(char c) {
            if (size == items.length) items = java.util.Arrays.copyOf(items, size * 2);
            items[size++] = c;
        }

        char pop() { return items[--size]; }

        char peek() { return items[size - 1]; }

        boolean isEmpty() { return size == 0; }
    }
}
