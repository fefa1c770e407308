package ir.line111.core.domain.cases;

/** No case has this id (or tracking code); distinct from a code whose check digit is wrong. */
public final class NoSuchCaseException extends RuntimeException {
    public NoSuchCaseException(String what) {
        super("no such case: " + what);
    }
}
