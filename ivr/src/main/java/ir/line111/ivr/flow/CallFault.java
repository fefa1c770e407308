package ir.line111.ivr.flow;

/** Asterisk answered something the protocol does not allow, or the link broke: the call cannot go on. */
public final class CallFault extends RuntimeException {
    public CallFault(String detail, Throwable cause) {
        super(detail, cause);
    }
}
