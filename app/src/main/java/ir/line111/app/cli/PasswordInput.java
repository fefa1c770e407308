package ir.line111.app.cli;

import ir.line111.app.ExitCodes;
import ir.line111.app.StartupException;
import ir.line111.core.domain.users.UserDirectory;

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

    static char[] read(String prompt) {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("%s (again): ", prompt);
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                throw new StartupException("the two passwords differ", ExitCodes.USAGE, null);
            }
            return check(first);
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) throw new StartupException("no password on standard input", ExitCodes.USAGE, null);
            return check(line.toCharArray());
        } catch (IOException e) {
            throw new StartupException("cannot read the password: " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /** Before the database is opened: the rules of {@link UserDirectory#checkPassword}, exit code 7. */
    private static char[] check(char[] pw) {
        UserDirectory.checkPassword(pw);
        return pw;
    }
}
