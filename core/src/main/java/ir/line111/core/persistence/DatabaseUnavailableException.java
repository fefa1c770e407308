package ir.line111.core.persistence;

/**
 * The database cannot be reached or opened. The message is one line a person can act on; it names
 * the URL with any password removed.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    private final String safeUrl;

    public DatabaseUnavailableException(String safeUrl, String problem, Throwable cause) {
        super("cannot open the database at " + safeUrl + ": " + problem, cause);
        this.safeUrl = safeUrl;
    }

    public String safeUrl() {
        return safeUrl;
    }
}
