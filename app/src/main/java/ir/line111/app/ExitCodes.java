package ir.line111.app;

/** Exit codes, so scripts and systemd can tell a bad configuration from a database that is down. */
public final class ExitCodes {
    private ExitCodes() {}
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int CONFIG = 2;
    public static final int DATABASE = 3;
    public static final int LISTENER = 4;
}
