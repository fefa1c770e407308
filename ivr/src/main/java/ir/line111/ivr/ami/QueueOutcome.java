package ir.line111.ivr.ami;

/** How a caller's time in the operators' queue ended, for reports. */
public enum QueueOutcome {
    /** An operator took the call. */
    ANSWERED,
    /** The caller hung up while waiting: goes on the call-back list. */
    ABANDONED,
    /** Queue() gave up after its timeout (QUEUESTATUS=TIMEOUT). */
    TIMEOUT,
    /** The IVR offered a message instead because the queue was busy (told by the IVR, not by AMI). */
    DIVERTED_TO_MESSAGE,
    /** The queue was at its maximum (QUEUESTATUS=FULL). */
    FULL,
    /** No operator was logged in or reachable (JOINEMPTY, LEAVEEMPTY, JOINUNAVAIL, LEAVEUNAVAIL). */
    CLOSED;

    /** Queue()'s QUEUESTATUS value as an outcome; null for CONTINUE or empty (hang-up). */
    static QueueOutcome ofQueueStatus(String status) {
        return switch (status == null ? "" : status.strip().toUpperCase()) {
            case "TIMEOUT" -> TIMEOUT;
            case "FULL" -> FULL;
            case "JOINEMPTY", "LEAVEEMPTY", "JOINUNAVAIL", "LEAVEUNAVAIL" -> CLOSED;
            default -> null;
        };
    }
}
