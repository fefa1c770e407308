package ir.line111.app;

/** A start-up failure with a message meant for the person at the terminal. */
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
