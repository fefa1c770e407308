package ir.line111.ivr.flow;

/** The caller left (or the channel died): the flow stops and keeps what it has. */
public final class CallerHungUp extends RuntimeException {
    public CallerHungUp(String detail) {
        super(detail, null, false, false);
    }
}
