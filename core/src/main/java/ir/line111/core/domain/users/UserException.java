package ir.line111.core.domain.users;

/** A user-directory request that cannot be done; {@link #problem()} says which kind, the message says it for people. */
public final class UserException extends RuntimeException {
    public enum Problem { INVALID_USERNAME, WEAK_PASSWORD, NO_ROLES, EXISTS, NO_SUCH_USER, INVALID_DEVICE }

    private final Problem problem;

    public UserException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
