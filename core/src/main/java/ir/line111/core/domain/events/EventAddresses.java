package ir.line111.core.domain.events;

/**
 * Event-bus addresses the modules talk over. The payload of each is one record of this package, encoded
 * as JSON text by {@code ir.line111.core.events.EventJson} (the one codec: plain text travels over a
 * clustered event bus as it does in one process). Plain strings so the domain stays free of Vert.x.
 */
public final class EventAddresses {
    private EventAddresses() {}

    /** {@link ScreenPop}: published by the AMI adapter when an operator is connected to a caller. */
    public static final String SCREEN_POP = "line111.screen-pop";
    /** {@link WrapUp}: published when the operator's leg ends, after the screen-pop of the same call. */
    public static final String CALL_WRAP_UP = "line111.call.wrap-up";
    /** {@link QueueState}: published on every change of queue state (the full snapshot). */
    public static final String QUEUE_STATE = "line111.queue.state";
    /**
     * Request/reply to the AMI adapter from the console: request {@code {action: login|ready|pause|logout,
     * operator, device, reason, ready?}} (a JSON object); reply {@code {ok, action, state (READY|PAUSED|LOGGED_OUT),
     * operator, device, queue, reason, message}} or a failure (400 bad request, 409 Asterisk refused, 503 no AMI link).
     */
    public static final String PRESENCE = "line111.presence";
    /**
     * Request/reply to the AMI adapter, sent by a console when it starts: the reply is the {@link QueueState}
     * last published, so a console that starts after the adapter re-synced does not wait for the queue to
     * change. No handler: the AMI adapter is not running here.
     */
    public static final String QUEUE_STATE_REQUEST = "line111.queue.state.request";
    /** {@link QueueAbandoned}: published when a caller abandons the queue. */
    public static final String QUEUE_ABANDONED = "line111.queue.abandoned";
}
