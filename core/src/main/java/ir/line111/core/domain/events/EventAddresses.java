package ir.line111.core.domain.events;

/**
 * Event-bus addresses the modules talk over (payloads are JSON objects; fields documented at each).
 * Plain strings so the domain stays free of Vert.x.
 */
public final class EventAddresses {
    private EventAddresses() {}

    /** Published by the AMI adapter when an operator is connected to a caller. Fields: callId, operator (device/interface), callerNumber, nationalId, nationalIdVerified, spokenIdRecordingId, subjectNationalId, relation, draftCaseId, earlierCases[]. */
    public static final String SCREEN_POP = "line111.screen-pop";
    /** Published when the operator's leg ends: callId, operator, talkSeconds. */
    public static final String CALL_WRAP_UP = "line111.call.wrap-up";
    /** Published on every change of queue state: the full snapshot (callers[], members[], estimatedWaitSeconds, serviceLevel). */
    public static final String QUEUE_STATE = "line111.queue.state";
    /** Request/reply to the AMI adapter from the console: {action: login|ready|pause|logout, operator, device, reason}. */
    public static final String PRESENCE = "line111.presence";
    /**
     * Request/reply to the AMI adapter, sent by a console when it starts: the reply is the queue state
     * last published (as on {@link #QUEUE_STATE}), so a console that starts after the adapter re-synced
     * does not wait for the queue to change. No handler: the AMI adapter is not running here.
     */
    public static final String QUEUE_STATE_REQUEST = "line111.queue.state.request";
    /** Published when a caller abandons the queue: callId, callerNumber, waitSeconds. */
    public static final String QUEUE_ABANDONED = "line111.queue.abandoned";
}
