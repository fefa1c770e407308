package ir.line111.console.security;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where password hashes are checked: a few low-priority platform threads with a short queue. bcrypt
 * is made to be slow (a quarter of a second of one core at cost 12); on virtual threads sixteen
 * sign-ins at once took every core from the calls for tens of seconds. Here at most {@code threads}
 * hashes run at a time, at most {@code queue} wait, and the rest are refused at once so the client
 * can come back ({@link Busy}, answered 429 with Retry-After). Thread priority is only a hint on
 * Linux; the bound on threads is what keeps the CPU for the calls.
 */
public final class PasswordChecks implements AutoCloseable {

    /** Every thread busy and the queue full. */
    public static final class Busy extends Exception {
        public Busy() { super("password checks are all busy", null, false, false); }
    }

    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** {@code threads} 0: one per four cores, at least one (one on the usual two-core box). */
    public PasswordChecks(int threads, int queue) {
        int n = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
        this.pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)),
                Thread.ofPlatform().name("console-password-", 0).daemon(true).priority(Thread.MIN_PRIORITY).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    public int threads() { return pool.getMaximumPoolSize(); }

    /** The most checks that ever ran at the same time (for tests and the metrics). */
    public int mostAtOnce() { return mostAtOnce.get(); }

    /** Runs {@code check} on the pool and waits for it (the caller is a virtual thread). */
    public <T> T run(Callable<T> check) throws Busy {
        Future<T> f;
        try {
            f = pool.submit(() -> {
                int now = running.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                try {
                    return check.call();
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking a password", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
