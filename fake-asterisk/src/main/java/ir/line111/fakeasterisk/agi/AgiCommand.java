package ir.line111.fakeasterisk.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command line as the FastAGI server sent it, split into arguments the way Asterisk's
 * {@code parse_args} does (double quotes group and are removed, a backslash escapes the next
 * character, spaces and tabs separate), so {@code STREAM FILE x ""} has an empty fourth argument.
 *
 * @param number 1-based position of the command in the call
 * @param line   the line without its terminating newline
 * @param args   argv as Asterisk sees it; {@code args.get(0)} is the first word of the command
 * @param verb   the recognised command words in upper case ("STREAM FILE"), or the first word
 *               upper-cased when Asterisk does not know the command
 * @param known  whether Asterisk 22 has this command (otherwise it answers 510)
 */
public record AgiCommand(int number, String line, List<String> args, String verb, boolean known) {

    public AgiCommand {
        args = List.copyOf(args);
    }

    /** argv[i] (0 is the first word), or null when the command has fewer arguments. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    public int argc() {
        return args.size();
    }

    /** True when this is the given command, e.g. {@code is("GET DATA")}, case-insensitive. */
    public boolean is(String command) {
        return verb.equalsIgnoreCase(command.trim().replaceAll("\\s+", " "));
    }

    static AgiCommand parse(int number, String line) {
        List<String> argv = parseArgs(line);
        AgiCommandTable.Entry entry = AgiCommandTable.find(argv);
        String verb = entry != null ? entry.name()
                : argv.isEmpty() ? "" : argv.get(0).toUpperCase(Locale.ROOT);
        return new AgiCommand(number, line, argv, verb, entry != null);
    }

    /** Asterisk's parse_args (res_agi.c), character for character. */
    static List<String> parseArgs(String s) {
        List<StringBuilder> argv = new ArrayList<>();
        boolean quoted = false;
        boolean escaped = false;
        boolean whitespace = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && !escaped) {
                quoted = !quoted;
                if (quoted && whitespace) {
                    // a quote after white space starts a word, even an empty one
                    argv.add(new StringBuilder());
                    whitespace = false;
                }
            } else if ((c == ' ' || c == '\t') && !quoted && !escaped) {
                whitespace = true;
            } else if (c == '\\' && !escaped) {
                escaped = true;
            } else {
                if (whitespace) {
                    argv.add(new StringBuilder());
                    whitespace = false;
                }
                argv.getLast().append(c);
                escaped = false;
            }
        }
        return argv.stream().map(StringBuilder::toString).toList();
    }
}
