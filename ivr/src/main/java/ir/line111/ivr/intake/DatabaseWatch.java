package ir.line111.ivr.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Whether the database answers, probed on a short timeout every {@code interval}, so that a call
 * during an outage does not wait on the pool's connection timeout at every step: while it is away
 * the IVR's reads fail fast and its messages go to the intake journal. A failure seen by a call
 * ({@link #suspect}) probes at once. Listeners run on the watch's thread after every probe.
 */
public final class DatabaseWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

    private final BooleanSupplier reachable;
    private final Duration interval;
    private final Semaphore wake = new Semaphore(0);
    private final List<Runnable> afterProbe = new CopyOnWriteArrayList<>();
    private volatile boolean up = true;
    private volatile boolean stopping;
    private Thread thread;

    public DatabaseWatch(BooleanSupplier reachable, Duration interval) {
        this.reachable = reachable;
        this.interval = interval;
    }

    public boolean isUp() {
        return up;
    }

    /** Runs after every probe, on the watch's thread (replay, refill). */
    public void afterProbe(Runnable r) {
        afterProbe.add(r);
    }

    /** A call saw the database fail: probe now instead of at the next tick. */
    public void suspect() {
        wake.release();
    }

    /** Probes once, now, on the caller's thread. */
    public boolean probe() {
        boolean now;
        try {
            now = reachable.getAsBoolean();
        } catch (RuntimeException e) {
            now = false;
        }
        if (now != up) {
            if (now) log.warn("the database is back");
            else log.warn("the database is away: messages are taken with reserved codes into the local intake journal");
        }
        up = now;
        return now;
    }

    public synchronized void start() {
        if (thread != null) return;
        probe();
        thread = Thread.ofPlatform().name("database-watch").daemon(true).start(this::loop);
    }

    private void loop() {
        while (!stopping) {
            try {
                if (wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (stopping) return;
            probe();
            for (Runnable r : afterProbe) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("after the database probe: {}", e.toString());
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
