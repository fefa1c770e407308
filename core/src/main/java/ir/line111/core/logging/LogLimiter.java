package ir.line111.core.logging;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rate limit for one repeated log line (a flood of stalled sockets, dropped AMI events, refused calls):
 * at most {@code perWindow} lines per window; the first line after a quiet spell says how many were
 * left out, so the count is never lost, only the repetition.
 *
 * <pre>{@code
 * if (limiter.tryAcquire()) log.warn("... ({} similar lines suppressed)", ..., limiter.takeSuppressed());
 * }</pre>
 */
public final class LogLimiter {
    private final long windowNanos;
    private final int perWindow;
    private final LongSupplier nanoClock;
    private final AtomicLong suppressed = new AtomicLong();
    private long windowStart;
    private int inWindow;

    public LogLimiter(java.time.Duration window, int perWindow) {
        this(window, perWindow, System::nanoTime);
    }

    LogLimiter(java.time.Duration window, int perWindow, LongSupplier nanoClock) {
        if (perWindow < 1 || window.isNegative() || window.isZero()) throw new IllegalArgumentException("window and count must be positive");
        this.windowNanos = window.toNanos();
        this.perWindow = perWindow;
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** True when this line may be written; false counts it as suppressed. */
    public synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow < perWindow) {
            inWindow++;
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    /** How many lines were suppressed since the last call, and resets that count. */
    public long takeSuppressed() {
        return suppressed.getAndSet(0);
    }
}
