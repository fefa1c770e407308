package ir.line111.core.domain.queue;

import java.time.Duration;

/** The operators' queue as the IVR needs it for the busy-queue diversion (implemented by the AMI adapter). */
public interface QueueLoad {

    /** {@code known} is false when the AMI link is down: the IVR then offers the queue without an estimate. */
    record Snapshot(boolean known, int callersWaiting, int operatorsLoggedIn, int operatorsAvailable, Duration estimatedWait) {
        public static final Snapshot UNKNOWN = new Snapshot(false, 0, 0, 0, Duration.ZERO);
    }

    Snapshot snapshot();

    /**
     * The IVR offered a recorded message instead of the queue because it was busy: a queue outcome AMI
     * never sees, reported as "diverted to message". Default: not recorded.
     */
    default void divertedToMessage(String callId, String callerNumber, Duration estimatedWait) {}
}
