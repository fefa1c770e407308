package ir.line111.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a password from the terminal without echo, or from standard input when piped
 * ({@code printf 'secret\n' | line111 user add ali --role operator}). Never from arguments: they
 * end up in shell history and in {@code ps}.
 */
final class PasswordInput {
    private PasswordInput() {}

    static final int MIN_LENGTH = 10;

    static char[] read(String prompt) {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("%s (again): ", prompt);
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return check(first);
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) throw new IllegalArgumentException("no password on standard input");
            return check(line.toCharArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password: " + e.getMessage());
        }
    }

    private static char[] check(char[] pw) {
        if (pw.length < MIN_LENGTH) throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        return pw;
    }
}
