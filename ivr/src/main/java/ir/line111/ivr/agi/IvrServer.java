package ir.line111.ivr.agi;

import ir.line111.core.config.Line111Config;
import ir.line111.ivr.IvrDependencies;
import ir.line111.ivr.flow.CallFlows;
import ir.line111.ivr.flow.IvrSettings;
import ir.line111.ivr.flow.QueuedCallLog;
import ir.line111.ivr.prompts.PromptCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * The IVR's lifecycle, for the composition root: {@code new IvrServer(config, deps)}, {@link #start()}
 * (returns once the FastAGI port listens on {@code agi.bind}:{@code agi.port}), {@link #stop()}
 * (no new calls; calls in progress finish, or after the grace period are cut off and keep what they recorded).
 */
public final class IvrServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IvrServer.class);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private final BoundedAgiServer server;
    private final QueuedCallLog callLog;
    private final String bind;
    private final int maxCalls;
    private final Runnable warmUp;
    private Thread acceptor;
    private volatile int port = -1;

    public IvrServer(Line111Config config, IvrDependencies deps) {
        this(config, deps, PromptCatalogue.load());
    }

    public IvrServer(Line111Config config, IvrDependencies deps, PromptCatalogue catalogue) {
        IvrSettings settings = IvrSettings.from(config);
        this.bind = config.string("agi.bind");
        this.maxCalls = config.integer("agi.max-calls", 1, 1_000_000);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (IOException e) {
            throw new IllegalArgumentException("agi.bind: not an address: " + bind, e);
        }
        // agi.warm-up=false only to measure what a cold start costs the first callers (./line111 bench ivr think).
        this.warmUp = !config.bool("agi.warm-up") ? null
                : new StartupWarmup(deps.cases(), deps.clock());
        this.callLog = new QueuedCallLog(deps.callLog(), deps.clock());
        IvrDependencies queued = new IvrDependencies(deps.cases(), callLog, deps.recordings(), deps.recognizer(), deps.queueLoad(),
                deps.officeHours(), deps.clock(), deps.canTakeMessages());
        CallFlows flows = new CallFlows(queued, settings, catalogue);
        Line111Scripts scripts = new Line111Scripts(flows, catalogue, callLog, deps.clock(), deps.canTakeMessages());
        this.server = new BoundedAgiServer(scripts, address, config.port("agi.port"), maxCalls, AgiLimits.from(config));
    }

    /** Binds and starts accepting calls; throws when the port cannot be bound. */
    public synchronized void start() throws IOException {
        if (acceptor != null) throw new IllegalStateException("already started");
        if (warmUp != null) warmUp.run();
        IOException[] failure = new IOException[1];
        acceptor = Thread.ofPlatform().name("agi-accept").daemon(true).start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                failure[0] = e;
                server.bindFailed();
            } catch (RuntimeException e) {
                log.error("FastAGI server stopped unexpectedly", e);
                server.bindFailed();
            }
        });
        try {
            port = server.awaitBound();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding the FastAGI port", e);
        }
        if (port < 0) {
            acceptor.interrupt();
            throw failure[0] != null ? new IOException("cannot listen for FastAGI on " + bind + ": " + failure[0].getMessage(), failure[0])
                    : new IOException("cannot listen for FastAGI on " + bind);
        }
        log.info("FastAGI listening on {}:{} (at most {} calls at once)", bind, port, maxCalls);
    }

    /** The bound port (the real one when {@code agi.port} was 0). */
    public int port() {
        return port;
    }

    public int activeCalls() {
        return server.activeCalls();
    }

    /** The most calls that were in progress at once since start. */
    public int peakCalls() {
        return server.peakCalls();
    }

    /** The backend's own time per command, from reading Asterisk's reply to writing the next command (issue 13.9). */
    public ThinkTimes thinkTimes() {
        return server.thinkTimes();
    }

    public long refusedCalls() {
        return server.refusedCalls();
    }

    public long admittedCalls() {
        return server.admittedCalls();
    }

    /** Connections dropped before their agi_ environment was complete (stalled, cut short, too large). */
    public long stalledConnections() {
        return server.stalledConnections();
    }

    /** Connections closed at once because agi.max-connecting others were still sending their environment. */
    public long turnedAwayConnections() {
        return server.turnedAwayConnections();
    }

    /** Connections accepted that are still sending their environment (they hold no call slot). */
    public int connectingNow() {
        return server.connectingNow();
    }

    /** Waits until the call records of calls so far are written (they are written behind the calls). */
    public boolean flushCallLog(Duration timeout) {
        return callLog.flush(timeout);
    }

    public void stop() {
        stop(DEFAULT_GRACE);
    }

    /** Graceful: stop accepting, let calls finish for {@code grace}, then cut off the rest (they settle what they recorded). */
    public synchronized void stop(Duration grace) {
        if (acceptor == null) return;
        server.stopAccepting();
        try {
            long deadline = System.nanoTime() + grace.toNanos();
            if (!server.awaitIdle(deadline)) {
                server.cutOffCalls();
                server.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos());
            }
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        callLog.close();
        acceptor = null;
        log.info("FastAGI server stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
