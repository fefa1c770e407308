package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallEvent;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import ir.line111.core.retry.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the call record behind the calls instead of in their way, as a group commit: every call's
 * events go to one bounded queue, and one writer takes what has gathered and writes it in one go
 * ({@link CallLog#writeAll}: one transaction, batched inserts). Under load the batches grow by
 * themselves, so a step costs a row in a batch rather than a transaction. One queue and one writer
 * keep each call's events in the order they happened; an event's time is taken when it happens.
 *
 * <p>A call's end is written at once; other events wait at most {@code linger} for company. When the
 * store is unreachable the batch is kept and retried on core's back-off (logged once per outage,
 * not per event), and new events wait in the queue. A full queue holds a call back for at most
 * {@code maxWait}; only then is an event dropped (counted, logged once per episode) — the call goes on.
 * {@link #close} writes everything queued before it returns.
 */
public final class QueuedCallLog implements CallLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueuedCallLog.class);
    public static final int DEFAULT_CAPACITY = 200_000;
    public static final int DEFAULT_MAX_BATCH = 1_000;
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(10);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(200);
    private static final Duration RETRY_FIRST = Duration.ofMillis(100);
    private static final Duration RETRY_MAX = Duration.ofSeconds(5);

    private final CallLog delegate;
    private final Clock clock;
    private final ArrayBlockingQueue<CallEvent> queue;
    private final int maxBatch;
    private final long lingerNanos;
    private final long maxWaitNanos;
    private final Thread writer;
    private final AtomicLong queued = new AtomicLong();
    /** Written, or given up on (dropped on a full queue, failed for good): what {@link #flush} waits for. */
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean full = new AtomicBoolean();
    private final Object progress = new Object();
    private volatile boolean stopping;
    private volatile boolean abandon;

    public QueuedCallLog(CallLog delegate, Clock clock) {
        this(delegate, clock, DEFAULT_CAPACITY, DEFAULT_MAX_BATCH, DEFAULT_LINGER, DEFAULT_MAX_WAIT);
    }

    public QueuedCallLog(CallLog delegate, Clock clock, int capacity, int maxBatch, Duration linger, Duration maxWait) {
        this.delegate = delegate;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.writer = Thread.ofPlatform().name("call-log-writer").daemon(true).start(this::drain);
    }

    @Override
    public void started(String callId, String callerNumber, String channelName, Instant at) {
        submit(new CallEvent.Started(callId, callerNumber, channelName, at == null ? clock.instant() : at));
    }

    @Override
    public void step(String callId, String step, String detail) {
        submit(new CallEvent.Step(callId, step, detail, clock.instant()));
    }

    @Override
    public void recordingMade(String callId, long recordingId) {
        submit(new CallEvent.RecordingMade(callId, recordingId, clock.instant()));
    }

    @Override
    public void caseLinked(String callId, long caseId) {
        submit(new CallEvent.CaseLinked(callId, caseId, clock.instant()));
    }

    @Override
    public void ended(String callId, CallOutcome outcome, String lastStep, Instant at) {
        submit(new CallEvent.Ended(callId, outcome, lastStep, at == null ? clock.instant() : at));
    }

    @Override
    public void satisfaction(String callId, int score) {
        submit(new CallEvent.Satisfaction(callId, score, clock.instant()));
    }

    /** Never throws and never holds the call longer than {@code maxWait}. */
    private void submit(CallEvent event) {
        queued.incrementAndGet();
        if (queue.offer(event)) return;
        boolean in = false;
        try {
            in = queue.offer(event, maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            in = queue.offer(event); // a call being cut off still leaves its last events if there is room
            Thread.currentThread().interrupt();
        }
        if (in) return;
        long n = dropped.incrementAndGet();
        if (full.compareAndSet(false, true)) {
            log.error("call log: queue full ({} events waiting for the database), events dropped so the calls go on; {} so far",
                    queue.size(), n);
        }
        settle(1);
    }

    /**
     * The store's writes, retried on core's back-off (Failsafe): only an outage is retried (the store away,
     * or an Error, which PostgreSQL's driver raises on a cut connection under -ea, and a writer that died of
     * it would lose the record of every later call), said once per outage; {@link #close} gives up by
     * cancelling the pending retry, so no thread that may be in the middle of a write is ever interrupted.
     */
    private final RetryPolicy<Object> writes = Retries.backoff(RETRY_FIRST, RETRY_MAX)
            .handleIf(e -> e instanceof CallLogUnavailableException || (e instanceof Error && !(e instanceof VirtualMachineError)))
            .abortIf((r, e) -> abandon)
            .onFailedAttempt(e -> {
                if (e.getAttemptCount() == 1) {
                    log.error("call log: {}; keeping {} events and retrying", e.getLastException().getMessage(), pendingCount());
                }
            })
            .build();
    private final ExecutorService writing = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("call-log-write-", 0).factory());
    private volatile CompletableFuture<Void> writingNow;
    private volatile int inBatch;

    private int pendingCount() {
        return inBatch + queue.size();
    }

    private void drain() {
        List<CallEvent> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                if (batch.isEmpty() && !gather(batch)) return;
                inBatch = batch.size();
                CompletableFuture<Void> w = Failsafe.with(writes).with(writing).onSuccess(e -> {
                    if (e.getAttemptCount() > 1) log.info("call log: database reachable again; {} events still queued", queue.size());
                }).runAsync(() -> delegate.writeAll(batch));
                writingNow = w;
                if (abandon) w.cancel(false);
                w.get();
                settle(batch.size());
                batch.clear();
                if (full.get() && queue.remainingCapacity() > queue.size()) {
                    full.set(false);
                    log.warn("call log: queue has room again; {} events dropped in all", dropped.get());
                }
            } catch (CancellationException e) {
                log.error("call log: stopping with the database unreachable: {} events not written", batch.size() + queue.size());
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof VirtualMachineError vme) throw vme;
                if (abandon && (cause instanceof CallLogUnavailableException || cause instanceof Error)) {
                    log.error("call log: stopping with the database unreachable: {} events not written", batch.size() + queue.size());
                    return;
                }
                // Not the store being away (the delegate settles those itself): retrying would not help.
                log.error("call log: {} events not written", batch.size(), cause);
                settle(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                return; // nobody interrupts it but the JVM going down
            }
        }
    }

    /** Waits for events and takes what has gathered; false once stopping with nothing left. */
    private boolean gather(List<CallEvent> batch) throws InterruptedException {
        CallEvent first;
        do {
            if (stopping && queue.isEmpty()) return false;
            first = queue.poll(100, TimeUnit.MILLISECONDS);
        } while (first == null);
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        long deadline = System.nanoTime() + lingerNanos;
        // A call that ended is written at once (a caller's record is complete as soon as possible).
        while (batch.size() < maxBatch && !stopping && !hasEnd(batch)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            CallEvent next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) break;
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
        return true;
    }

    private static boolean hasEnd(List<CallEvent> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) if (batch.get(i) instanceof CallEvent.Ended) return true;
        return false;
    }

    private void settle(int n) {
        settled.addAndGet(n);
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Events dropped because the queue stayed full. */
    public long dropped() {
        return dropped.get();
    }

    /** Waits until everything queued so far is written; false on timeout. */
    public boolean flush(Duration timeout) {
        long target = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (settled.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes what is queued (waiting up to 30 s for an unreachable database), then stops the writer. */
    @Override
    public void close() {
        boolean done = flush(Duration.ofSeconds(30));
        stopping = true;
        if (!done) {
            abandon = true;
            CompletableFuture<Void> w = writingNow;
            if (w != null) w.cancel(false);
            synchronized (progress) {
                progress.notifyAll();
            }
        }
        try {
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writing.shutdown();
    }
}
