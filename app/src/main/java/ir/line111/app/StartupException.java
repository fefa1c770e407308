package ir.line111.app;

/** A failure (at start-up, or a command's) with a one-line message meant for the person at the terminal, and its exit code. */
public final class StartupException extends RuntimeException {
    private final int exitCode;

    public StartupException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
