package ir.line111.ivr.agi;

import java.nio.charset.StandardCharsets;

/**
 * The one way an AGI command line is built from its arguments. res_agi reads a command up to '\n'
 * with at most 2047 bytes (AGI_BUF_LEN - 1) at once, cuts it at a NUL, then splits it with parse_args
 * (spaces and tabs separate, double quotes group, a backslash escapes the next character). So a
 * newline in a value would end the command and start another, and a long line would be cut in two:
 * there is no escape for a line break in AGI, so every control character (0x00-0x1F, 0x7F) becomes
 * '?', quotes and backslashes are escaped, and a line too long for Asterisk's buffer is refused.
 * Arguments that need no quoting are written bare, exactly as Asterisk's usage and the traces show them.
 */
final class AgiCommandLine {
    /** What res_agi reads as one command. */
    static final int MAX_BYTES = 2047;

    private final StringBuilder line;

    private AgiCommandLine(String command) {
        this.line = new StringBuilder(command);
    }

    /** The command words, e.g. "STREAM FILE": constants of ours, never caller data. */
    static AgiCommandLine of(String command) {
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c == ' ')) throw new IllegalArgumentException("not an AGI command: " + command);
        }
        return new AgiCommandLine(command);
    }

    /** An argument written bare when it can be (a sound name, a path, a format), quoted otherwise. */
    AgiCommandLine arg(String value) {
        line.append(' ');
        if (needsQuotes(value)) appendQuoted(value);
        else line.append(value);
        return this;
    }

    /** An argument always in double quotes (escape digits, variable values), as the traces show them. */
    AgiCommandLine quoted(String value) {
        line.append(' ');
        appendQuoted(value);
        return this;
    }

    AgiCommandLine arg(long number) {
        line.append(' ').append(number);
        return this;
    }

    /** The line without its '\n'; refused when Asterisk would read it as more than one command. */
    String build() {
        String s = line.toString();
        int bytes = s.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("AGI command of " + bytes + " bytes: Asterisk reads at most " + MAX_BYTES + " at once");
        }
        return s;
    }

    @Override
    public String toString() {
        return line.toString();
    }

    private static boolean needsQuotes(String v) {
        if (v.isEmpty()) return true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ' ' || c == '"' || c == '\\' || control(c)) return true;
        }
        return false;
    }

    private void appendQuoted(String v) {
        line.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (control(c)) line.append('?');
            else {
                if (c == '"' || c == '\\') line.append('\\');
                line.append(c);
            }
        }
        line.append('"');
    }

    private static boolean control(char c) {
        return c < 0x20 || c == 0x7f;
    }
}
