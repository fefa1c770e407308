package ir.line111.ivr.testing;

import ir.line111.core.domain.queue.QueueLoad;

/** Queue load set by the test (the real one follows the queue over AMI). */
public final class FakeQueueLoad implements QueueLoad {
    private volatile Snapshot snapshot = Snapshot.UNKNOWN;

    public void set(Snapshot s) {
        this.snapshot = s;
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }
}
