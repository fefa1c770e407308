package ir.line111.ivr.agi;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.internal.AgiConnectionHandler;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asterisk-Java's FastAGI server with each call on its own virtual thread instead of its pool (core
 * 10, maximum 500, no queue: the 501st call would be dropped). At most {@code maxCalls} calls run
 * flows; a call beyond that, or one arriving while the server stops, still gets a thread of its own
 * but only runs the refusal script, which tells the dialplan to take it (LINE111_NEXT=FALLBACK).
 */
final class BoundedAgiServer extends DefaultAgiServer {
    private static final Logger log = LoggerFactory.getLogger(BoundedAgiServer.class);
    /** Long enough for the longest RECORD FILE; short enough that a half-open socket does not live forever. */
    static final int READ_TIMEOUT_MILLIS = 15 * 60 * 1000;

    /** Bound on the thread that runs a refused call, so the mapping picks the refusal script. */
    static final ScopedValue<Boolean> REFUSED = ScopedValue.newInstance();

    private final InetAddress bindAddress;
    private final int requestedPort;
    private final int maxCalls;
    private final Semaphore permits;
    private final AtomicInteger refusing = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicInteger peak = new AtomicInteger();
    private final Map<Thread, Runnable> callThreads = new ConcurrentHashMap<>();
    private final ThreadFactory threads = Thread.ofVirtual().name("agi-call-", 0).factory();
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile int boundPort = -1;
    private volatile boolean stopping;
    private final Object idle = new Object();

    BoundedAgiServer(MappingStrategy mapping, InetAddress bindAddress, int port, int maxCalls) {
        super(mapping);
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.maxCalls = maxCalls;
        this.permits = new Semaphore(maxCalls);
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
        bound.countDown();
        return new LineSockets.Listener(server, READ_TIMEOUT_MILLIS);
    }

    /** Waits until the socket is bound; -1 when binding failed (startup() then threw). */
    int awaitBound() throws InterruptedException {
        bound.await();
        return boundPort;
    }

    void bindFailed() {
        bound.countDown();
    }

    @Override
    protected void execute(Runnable handler) {
        boolean admit = !stopping && permits.tryAcquire();
        if (!admit && refusing.get() >= maxCalls) {
            // Even refusing costs a thread: past twice the ceiling, close at once (the dialplan sees a failure).
            refused.incrementAndGet();
            if (handler instanceof AgiConnectionHandler h) h.release();
            return;
        }
        if (admit) {
            admitted.incrementAndGet();
            peak.accumulateAndGet(activeCalls(), Math::max);
        } else { refused.incrementAndGet(); refusing.incrementAndGet(); }
        Thread t = threads.newThread(() -> {
            try {
                if (admit) handler.run();
                else ScopedValue.where(REFUSED, Boolean.TRUE).run(handler);
            } finally {
                if (admit) permits.release(); else refusing.decrementAndGet();
                callThreads.remove(Thread.currentThread());
                synchronized (idle) { idle.notifyAll(); }
            }
        });
        callThreads.put(t, handler);
        t.start();
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
        callThreads.forEach((thread, handler) -> {
            if (handler instanceof AgiConnectionHandler h) h.release();
            thread.interrupt();
        });
    }
}
