package ir.line111.ivr.testing;

import ir.line111.core.domain.queue.QueueLoad;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Queue load set by the test (the real one follows the queue over AMI). */
public final class FakeQueueLoad implements QueueLoad {
    private volatile Snapshot snapshot = Snapshot.UNKNOWN;
    /** Call ids the IVR reported as sent from the busy queue to a message. */
    public final List<String> diverted = new CopyOnWriteArrayList<>();

    public void set(Snapshot s) {
        this.snapshot = s;
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public void divertedToMessage(String callId, String callerNumber, Duration estimatedWait) {
        diverted.add(callId);
    }
}
