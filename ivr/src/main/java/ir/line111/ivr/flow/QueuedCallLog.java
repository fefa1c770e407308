package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the call record behind the call instead of in its way: a caller waiting for the next prompt
 * should not wait for a database transaction per step. Each call's events go to one writer (chosen by
 * its call id), so they are written in the order they happened; {@link #close} writes what is left.
 * The registry calls that the caller must hear the result of (a tracking code) stay synchronous.
 */
public final class QueuedCallLog implements CallLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueuedCallLog.class);
    private static final Runnable STOP = () -> {};

    private final CallLog delegate;
    private final LinkedBlockingQueue<Runnable>[] queues;
    private final Thread[] writers;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    @SuppressWarnings("unchecked")
    public QueuedCallLog(CallLog delegate, int writers) {
        this.delegate = delegate;
        this.queues = new LinkedBlockingQueue[writers];
        this.writers = new Thread[writers];
        for (int i = 0; i < writers; i++) {
            LinkedBlockingQueue<Runnable> q = new LinkedBlockingQueue<>();
            queues[i] = q;
            this.writers[i] = Thread.ofVirtual().name("call-log-writer-" + i).start(() -> drain(q));
        }
    }

    private void drain(LinkedBlockingQueue<Runnable> q) {
        while (true) {
            Runnable r;
            try {
                r = q.take();
            } catch (InterruptedException e) {
                return;
            }
            if (r == STOP) return;
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("call log write failed", e);
            } finally {
                written.incrementAndGet();
                synchronized (written) { written.notifyAll(); }
            }
        }
    }

    private void submit(String callId, Runnable r) {
        queued.incrementAndGet();
        // The writer logs with the call's id, as the call itself would.
        Runnable withId = () -> {
            MDC.put("callId", callId);
            try {
                r.run();
            } finally {
                MDC.remove("callId");
            }
        };
        queues[Math.floorMod(callId == null ? 0 : callId.hashCode(), queues.length)].add(withId);
    }

    @Override
    public void started(String callId, String callerNumber, String channelName, Instant at) {
        submit(callId, () -> delegate.started(callId, callerNumber, channelName, at));
    }

    @Override
    public void step(String callId, String step, String detail) {
        submit(callId, () -> delegate.step(callId, step, detail));
    }

    @Override
    public void recordingMade(String callId, long recordingId) {
        submit(callId, () -> delegate.recordingMade(callId, recordingId));
    }

    @Override
    public void caseLinked(String callId, long caseId) {
        submit(callId, () -> delegate.caseLinked(callId, caseId));
    }

    @Override
    public void ended(String callId, CallOutcome outcome, String lastStep, Instant at) {
        submit(callId, () -> delegate.ended(callId, outcome, lastStep, at));
    }

    @Override
    public void satisfaction(String callId, int score) {
        submit(callId, () -> delegate.satisfaction(callId, score));
    }

    /** Waits until everything queued so far is written; false on timeout. */
    public boolean flush(Duration timeout) {
        long target = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (written) {
            while (written.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    TimeUnit.NANOSECONDS.timedWait(written, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes what is queued, then stops the writers. */
    @Override
    public void close() {
        if (!flush(Duration.ofSeconds(30))) log.warn("call log: {} events not written at stop", queued.get() - written.get());
        for (LinkedBlockingQueue<Runnable> q : queues) q.add(STOP);
        for (Thread t : writers) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
