package ir.line111.app;

import ir.line111.core.files.FileModes;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Tells the first admin's password once without letting it land in a log: on a terminal it is
 * shown there; when the output goes elsewhere (a service's journal, a redirected file) it is
 * written to a file only this user can read, and only that file's path is printed.
 */
final class FirstAdminPassword {
    static final String FILE = "first-admin-password.txt";

    private FirstAdminPassword() {}

    /** {@code console}: {@link System#console()}; a terminal only when it says so. */
    static void tell(String password, Path dataDir, Console console, PrintStream out) {
        if (console != null && console.isTerminal()) {
            console.printf("""
                    ------------------------------------------------------------------
                    First start: created user 'admin' with password  %s
                    It is shown only this once. Sign in at the console and change it.
                    ------------------------------------------------------------------%n""", password);
            console.flush();
            return;
        }
        Path file = dataDir.resolve(FILE).toAbsolutePath().normalize();
        try {
            FileModes.writePrivate(file, ("user: admin\npassword: " + password + "\n"
                    + "Sign in at the console, change the password, then delete this file.\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StartupException("cannot write the first admin's password to " + file + ": " + e.getMessage(), ExitCodes.CONFIG, e);
        }
        out.println("""
                ------------------------------------------------------------------
                First start: created user 'admin'. Its password is in
                  %s
                (readable by this user only). Sign in, change it, delete the file.
                ------------------------------------------------------------------""".formatted(file));
        out.flush();
    }
}
