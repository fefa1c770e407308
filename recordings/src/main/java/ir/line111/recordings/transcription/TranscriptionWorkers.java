package ir.line111.recordings.transcription;

import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.store.AudioStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transcription workers of this process: each claims a job from the {@link TranscriptionQueue},
 * keeps its lease alive while the decoder works, and stores the draft. Workers on other machines
 * can claim from the same PostgreSQL queue; nothing here assumes it is alone.
 */
public final class TranscriptionWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TranscriptionWorkers.class);

    private final TranscriptionQueue queue;
    private final AudioStore store;
    private final Transcriber transcriber;
    private final int count;
    private final Duration lease;
    private final Duration idlePoll;
    private final String node;
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("transcription-leases").daemon(true).factory());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final AtomicLong doneHere = new AtomicLong();
    private final AtomicLong audioMillisDone = new AtomicLong();
    private volatile long startedNanos;
    private volatile boolean stopping;

    public TranscriptionWorkers(TranscriptionQueue queue, AudioStore store, Transcriber transcriber, int count,
                                Duration lease, Duration idlePoll, String node) {
        this.queue = queue;
        this.store = store;
        this.transcriber = transcriber;
        this.count = count;
        this.lease = lease;
        this.idlePoll = idlePoll;
        this.node = node;
    }

    public synchronized void start() {
        startedNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String name = node + "/transcriber-" + i;
            threads.add(Thread.ofVirtual().name(name).start(() -> loop(name)));
        }
        log.info("{} transcription worker(s) started with model {}", count, transcriber.model());
    }

    /** New jobs were queued: idle workers look now instead of at their next poll. */
    public void wake() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public TranscriptionProgress progress() {
        return progress(queue, doneHere.get(), audioMillisDone.get(), startedNanos);
    }

    /** Progress from the queue alone, when no workers run in this process (no pace, so no ETA). */
    public static TranscriptionProgress progressOf(TranscriptionQueue queue) {
        return progress(queue, 0, 0, 0);
    }

    static TranscriptionProgress progress(TranscriptionQueue queue, long doneHere, long audioMillisDone, long startedNanos) {
        TranscriptionQueue.Counts c = queue.counts();
        double elapsed = startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1e9;
        double pace = elapsed > 0 && doneHere > 0 ? (audioMillisDone / 1000.0) / elapsed : 0;   // audio s per wall s
        Duration eta = pace > 0 ? Duration.ofSeconds((long) (c.queuedAudioSeconds() / pace)) : null;
        return new TranscriptionProgress(c.done(), c.queued() + c.running(), c.running(), c.failed(), eta, pace);
    }

    private void loop(String name) {
        while (!stopping) {
            try {
                var job = queue.claim(name, lease);
                if (job.isEmpty()) {
                    idle();
                    continue;
                }
                run(job.get());
            } catch (RuntimeException e) {
                // The database was away a moment: wait and go on, the lease covers what we held.
                log.warn("transcription worker {}: {}", name, e.getMessage());
                idle();
            }
        }
    }

    private void idle() {
        lock.lock();
        try {
            if (!stopping) work.await(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private void run(TranscriptionQueue.Job job) {
        var row = store.byId(job.recordingId()).orElse(null);
        if (row == null || row.recording().flagged() != null || row.purgedAt() != null) {
            queue.fail(job, row == null ? "recording row is missing"
                    : row.purgedAt() != null ? "recording was purged" : "recording is flagged: " + row.recording().flagged(), true);
            return;
        }
        MDC.put("callId", row.recording().callId());
        ScheduledFuture<?> renewal = leases.scheduleAtFixedRate(() -> {
            if (!queue.renew(job, lease)) log.warn("lease on transcription job {} was lost", job.id());
        }, lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            Duration limit = Duration.ofSeconds(60).plusMillis((long) (job.audioSeconds() * 3000));
            Hypothesis draft = transcriber.transcribe(row.recording().file(), limit);
            renewal.cancel(false);
            if (queue.complete(job, draft, transcriber.model())) {
                doneHere.incrementAndGet();
                audioMillisDone.addAndGet((long) (job.audioSeconds() * 1000));
                log.info("recording {} transcribed ({} words); transcription: {}", job.recordingId(), draft.words().size(), progress().describe());
            } else {
                log.warn("transcription job {} finished after its lease passed to another worker; draft dropped", job.id());
            }
        } catch (Exception e) {
            renewal.cancel(false);
            queue.fail(job, e.getMessage() == null ? e.toString() : e.getMessage(), false);
        } finally {
            MDC.remove("callId");
        }
    }

    @Override
    public void close() {
        stopping = true;
        wake();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leases.shutdownNow();
    }
}
