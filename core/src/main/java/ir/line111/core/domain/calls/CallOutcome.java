package ir.line111.core.domain.calls;

/** How a call through the IVR ended. */
public enum CallOutcome {
    IN_PROGRESS,
    MESSAGE_LEFT,
    HANDED_TO_QUEUE,
    ANSWERED_BY_OPERATOR,
    ABANDONED_IN_QUEUE,
    FOLLOW_UP_HEARD,
    OBJECTION_REGISTERED,
    CALLER_HUNG_UP,
    NO_INPUT,
    REFUSED_AT_CAPACITY,
    ERROR
}
