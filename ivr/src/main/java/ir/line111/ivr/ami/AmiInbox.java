package ir.line111.ivr.ami;

import ir.line111.core.logging.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue monitor's intake. A flood (10,000 events/s took the heap from 0.29 to 1.33 GB) must cost
 * counted drops, not memory: at most {@code capacity} events wait, and so many may be held while the
 * lists are re-read; beyond that an event is dropped, counted and said in a rate-limited line. The
 * link's own signals (connected, lost, re-sync, tick) are never dropped. A dropped event may have
 * changed the queue, so once the burst has drained the state is read again ({@link #onEventsLost}).
 */
final class AmiInbox {
    private static final Logger log = LoggerFactory.getLogger(AmiInbox.class);

    private final int capacity;
    private final LinkedBlockingQueue<AmiSignal> queue = new LinkedBlockingQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger highWater = new AtomicInteger();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final LogLimiter dropLog = new LogLimiter(Duration.ofMinutes(1), 2);
    private final LogLimiter failLog = new LogLimiter(Duration.ofMinutes(1), 3);
    private volatile Runnable onEventsLost = () -> {};

    AmiInbox(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
    }

    /** What to do once events were dropped and the inbox has drained (AmiLink re-reads the lists). */
    void onEventsLost(Runnable action) {
        this.onEventsLost = action;
    }

    /** Never blocks (the AMI dispatch thread calls this). */
    void offer(AmiSignal s) {
        if (droppable(s) && queue.size() >= capacity) {
            drop("waiting");
            return;
        }
        queue.add(s);
        int size = queue.size();
        if (size > highWater.get()) highWater.accumulateAndGet(size, Math::max);
    }

    AmiSignal take() throws InterruptedException {
        return queue.take();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The monitor found the inbox empty: if events were lost since the last time, have the state read again. */
    void drained() {
        if (lost.compareAndSet(true, false)) {
            log.info("AMI burst over: {} events dropped so far; reading the queue state again", dropped.get());
            onEventsLost.run();
        }
    }

    /** A list for the events that arrive while the lists are re-read, bounded like the inbox. */
    List<AmiSignal> newHold() {
        return new ArrayList<>() {
            @Override
            public boolean add(AmiSignal s) {
                if (size() >= capacity) {
                    drop("held during a re-sync");
                    return false;
                }
                return super.add(s);
            }
        };
    }

    /** One odd event must not stop the monitor, nor write a stack trace for each of a thousand like it. */
    void failed(AmiSignal s, RuntimeException e) {
        if (failLog.tryAcquire()) {
            log.error("AMI signal {} could not be applied ({} similar suppressed)", s.getClass().getSimpleName(), failLog.takeSuppressed(), e);
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** The most signals that waited at once. */
    int highWater() {
        return highWater.get();
    }

    int capacity() {
        return capacity;
    }

    private void drop(String where) {
        long n = dropped.incrementAndGet();
        lost.set(true);
        if (dropLog.tryAcquire()) {
            log.warn("AMI events arrive faster than they can be applied: dropped one {} ({} dropped in all, at most {} wait; {} similar lines suppressed)",
                    where, n, capacity, dropLog.takeSuppressed());
        }
    }

    /** Events can be dropped (the state is read again after); the link's own signals cannot. */
    static boolean droppable(AmiSignal s) {
        return switch (s) {
            case AmiSignal.VarSet v -> true;
            case AmiSignal.CallerJoin j -> true;
            case AmiSignal.CallerLeave l -> true;
            case AmiSignal.CallerAbandon a -> true;
            case AmiSignal.AgentConnect a -> true;
            case AmiSignal.AgentComplete a -> true;
            case AmiSignal.MemberUpdate u -> true;
            case AmiSignal.MemberRemoved r -> true;
            case AmiSignal.Hangup h -> true;
            case AmiSignal.MixMonitorStarted m -> true;
            case AmiSignal.Republish r -> true;
            case AmiSignal.Connected c -> false;
            case AmiSignal.Lost l -> false;
            case AmiSignal.ResyncStarted r -> false;
            case AmiSignal.Resync r -> false;
            case AmiSignal.VariablesFetched f -> false;
            case AmiSignal.Tick t -> false;
            case AmiSignal.TotalsLoaded t -> false;
        };
    }
}
