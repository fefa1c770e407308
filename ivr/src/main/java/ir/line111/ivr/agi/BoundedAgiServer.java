package ir.line111.ivr.agi;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import ir.line111.core.logging.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asterisk-Java's FastAGI server with each call on its own virtual thread instead of its pool (core
 * 10, maximum 500, no queue: the 501st call would be dropped). A connection first reads its agi_
 * environment within {@link AgiLimits#environmentTimeout()} and holds no call slot meanwhile (so
 * stalled sockets cannot crowd out calls; at most {@link AgiLimits#maxConnecting()} may wait). Then at
 * most {@code maxCalls} calls run flows; a call beyond that, or one arriving while the server stops,
 * only runs the refusal script, which tells the dialplan to take it (LINE111_NEXT=FALLBACK).
 */
final class BoundedAgiServer extends DefaultAgiServer {
    private static final Logger log = LoggerFactory.getLogger(BoundedAgiServer.class);

    /** Bound on the thread that runs a refused call, so the mapping picks the refusal script. */
    static final ScopedValue<Boolean> REFUSED = ScopedValue.newInstance();
    /** The connection of the call on this thread, so a script can end the session before Asterisk-Java's epilogue. */
    private static final ScopedValue<LineSockets.Connection> CONNECTION = ScopedValue.newInstance();
    /** Refusing costs a thread too, but far less than a call: enough for a burst, even with a tiny ceiling. */
    private static final int MIN_REFUSING = 100;

    private final InetAddress bindAddress;
    private final int requestedPort;
    private final int maxCalls;
    private final AgiLimits limits;
    private final Semaphore permits;
    private final Semaphore connecting;
    private final AtomicLong stalled = new AtomicLong();
    private final AtomicLong turnedAway = new AtomicLong();
    private final LogLimiter stalledLog = new LogLimiter(Duration.ofMinutes(1), 5);
    private final LogLimiter turnedAwayLog = new LogLimiter(Duration.ofMinutes(1), 5);
    private volatile LineSockets.Listener listener;
    private final AtomicInteger refusing = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicInteger peak = new AtomicInteger();
    private final Map<Thread, LineSockets.Connection> callThreads = new ConcurrentHashMap<>();
    private final ThreadFactory threads = Thread.ofVirtual().name("agi-call-", 0).factory();
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile int boundPort = -1;
    private volatile boolean stopping;
    private final Object idle = new Object();
    private final ThinkTimes thinkTimes = new ThinkTimes();

    BoundedAgiServer(MappingStrategy mapping, InetAddress bindAddress, int port, int maxCalls, AgiLimits limits) {
        super(mapping);
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.maxCalls = maxCalls;
        this.limits = limits;
        this.permits = new Semaphore(maxCalls);
        this.connecting = new Semaphore(limits.maxConnecting());
        setAddress(bindAddress);
        setPort(port);
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(bindAddress, requestedPort), Math.max(200, maxCalls));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        boundPort = server.getLocalPort();
        listener = new LineSockets.Listener(server, limits.replyTimeout(), thinkTimes);
        bound.countDown();
        return listener;
    }

    ThinkTimes thinkTimes() {
        return thinkTimes;
    }

    /** Waits until the socket is bound; -1 when binding failed (startup() then threw). */
    int awaitBound() throws InterruptedException {
        bound.await();
        return boundPort;
    }

    void bindFailed() {
        bound.countDown();
    }

    /** Called by Asterisk-Java's accept loop right after {@code accept()}, on that thread. */
    @Override
    protected void execute(Runnable handler) {
        LineSockets.Connection connection = listener.takeAccepted();
        if (connection == null || !connecting.tryAcquire()) {
            // Thousands of sockets already wait for their environment: a flood, not Asterisk.
            turnedAway.incrementAndGet();
            if (turnedAwayLog.tryAcquire()) {
                log.warn("FastAGI connection closed at once: {} connections are still sending their environment ({} similar suppressed)",
                        limits.maxConnecting(), turnedAwayLog.takeSuppressed());
            }
            close(connection);
            return;
        }
        Thread t = threads.newThread(() -> {
            try {
                LineSockets.Environment env;
                try {
                    env = connection.readEnvironment(limits.environmentTimeout());
                } finally {
                    connecting.release();
                }
                if (env != LineSockets.Environment.COMPLETE) {
                    endIncomplete(connection, env);
                    close(connection);
                    return;
                }
                serve(handler, connection);
            } finally {
                callThreads.remove(Thread.currentThread());
                synchronized (idle) { idle.notifyAll(); }
            }
        });
        callThreads.put(t, connection);
        t.start();
    }

    /** The environment is complete: only now does the call take a slot, or get refused. */
    private void serve(Runnable handler, LineSockets.Connection connection) {
        boolean admit = !stopping && permits.tryAcquire();
        if (!admit && refusing.incrementAndGet() > Math.max(maxCalls, MIN_REFUSING)) {
            // Even refusing costs a thread: past that, close at once (the dialplan sees no decision and takes the fallback).
            refusing.decrementAndGet();
            refused.incrementAndGet();
            if (turnedAwayLog.tryAcquire()) {
                log.warn("call closed at once: {} calls in progress and as many being refused ({} similar suppressed)",
                        maxCalls, turnedAwayLog.takeSuppressed());
            }
            close(connection);
            return;
        }
        if (admit) {
            admitted.incrementAndGet();
            peak.accumulateAndGet(activeCalls(), Math::max);
        } else {
            refused.incrementAndGet();
            // A refusal sets one variable: it must not hold its thread for the length of a recording.
            connection.replyTimeout(limits.environmentTimeout());
        }
        try {
            ScopedValue.Carrier bound = ScopedValue.where(CONNECTION, connection);
            (admit ? bound : bound.where(REFUSED, Boolean.TRUE)).run(handler);
        } finally {
            if (admit) permits.release(); else refusing.decrementAndGet();
        }
    }

    private void endIncomplete(LineSockets.Connection connection, LineSockets.Environment env) {
        stalled.incrementAndGet();
        if (stalledLog.tryAcquire()) {
            String why = switch (env) {
                case TIMED_OUT -> "no complete environment within " + limits.environmentTimeout().toMillis() + " ms";
                case TOO_LARGE -> "environment too large";
                default -> "closed before the environment was complete";
            };
            log.warn("FastAGI connection from {} dropped: {} ({} similar suppressed)",
                    connection.getRemoteAddress(), why, stalledLog.takeSuppressed());
        }
    }

    /** Closes the current call's connection (a script that has said all it will, before Asterisk-Java sets its status). */
    static void endSessionNow() {
        if (!CONNECTION.isBound()) return;
        try {
            CONNECTION.get().close();
        } catch (IOException e) {
            // already closed
        }
    }

    int activeCalls() {
        return maxCalls - permits.availablePermits();
    }

    int peakCalls() {
        return peak.get();
    }

    long refusedCalls() {
        return refused.get();
    }

    long admittedCalls() {
        return admitted.get();
    }

    /** Connections dropped because their environment did not arrive in time, was cut short or was too large. */
    long stalledConnections() {
        return stalled.get();
    }

    /** Connections closed at once because {@link AgiLimits#maxConnecting()} others were still sending their environment. */
    long turnedAwayConnections() {
        return turnedAway.get();
    }

    /** Connections accepted and still sending their environment. */
    int connectingNow() {
        return limits.maxConnecting() - connecting.availablePermits();
    }

    /** Stops accepting; calls in progress go on. New connections already accepted are refused. */
    void stopAccepting() {
        stopping = true;
        shutdown();
    }

    /** Waits until no call thread is left or the deadline passes; true when none is left. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        synchronized (idle) {
            while (!callThreads.isEmpty()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) return false;
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Closes the calls' sockets and wakes their threads: each flow sees the line drop and keeps what was recorded. */
    void cutOffCalls() {
        int n = callThreads.size();
        if (n > 0) log.warn("{} calls still running at the end of the grace period: cutting them off", n);
        callThreads.forEach((thread, connection) -> {
            close(connection);
            thread.interrupt();
        });
    }

    /**
     * Closes the call's socket: the one Asterisk-Java's handler wraps (our listener accepted it), so this is
     * what its handler's own {@code release()} did, without reaching into Asterisk-Java's internal package.
     */
    private static void close(LineSockets.Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (IOException e) {
            log.debug("closing a FastAGI socket: {}", e.toString());
        }
    }
}
