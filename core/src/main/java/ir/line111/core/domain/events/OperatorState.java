package ir.line111.core.domain.events;

/**
 * A queue member's state, in the names the console shows (the console adds WRAP_UP and LOGGED_OUT, which
 * Asterisk's queue does not know).
 */
public enum OperatorState {
    /** Logged in, not paused, not on a call: Asterisk may ring the member. */
    READY,
    ON_CALL,
    PAUSED,
    /** The device is gone or invalid: Asterisk will not ring it. */
    UNAVAILABLE
}
