package ir.line111.app;

/**
 * Exit codes, so scripts and systemd can tell a bad configuration from a database that is down, and a
 * person's ordinary mistake from either. The README lists them; every non-zero exit says why in one line.
 */
public final class ExitCodes {
    private ExitCodes() {}
    public static final int OK = 0;
    /** A wrong argument: unknown option or role, missing name, invalid username or device, passwords that differ. */
    public static final int USAGE = 1;
    public static final int CONFIG = 2;
    public static final int DATABASE = 3;
    public static final int LISTENER = 4;
    /** {@code user add}: that username exists already. */
    public static final int DUPLICATE = 5;
    /** {@code user passwd}: no such user. */
    public static final int NOT_FOUND = 6;
    /** The password breaks a rule (too short, or more than 72 bytes). */
    public static final int WEAK_PASSWORD = 7;
}
