package ir.line111.ivr.ami;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import ir.line111.core.retry.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static ir.line111.core.logging.LogValues.bounded;

/**
 * Keeps one AMI connection up: logs in, re-reads queue and channel state after every (re)connect (events
 * during an outage are lost), pings to find a half-open socket, and reconnects with back-off. While
 * Asterisk is down it says so once, not on every attempt. Events go to {@code sink} without waiting.
 */
final class AmiLink {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5000;
    private static final String LOST = "lost", RESYNC = "resync";

    /** Thrown to callers of {@link #send} while there is no connection. */
    static final class NotConnected extends IOException {
        NotConnected() {
            super("Asterisk is not connected (AMI link down); try again shortly");
        }
    }

    /** Asterisk answered a list action with an error (permission, unknown queue). */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private static final long STABLE_NANOS = 10_000_000_000L;

    private volatile boolean channelsRefusedSaid;
    private final AmiSettings settings;
    private final Consumer<AmiSignal> sink;
    private final AmiEventMapper mapper;
    private final AtomicLong generations = new AtomicLong();
    private final AmiInput.Counters input = new AmiInput.Counters();
    private volatile LinkConnection current;
    /** The running connection's wake-up queue, for a re-sync asked from outside. */
    private volatile BlockingQueue<String> currentWake;
    private volatile boolean running;
    private volatile Thread supervisor;

    AmiLink(AmiSettings settings, Consumer<AmiSignal> sink) {
        this.settings = settings;
        this.sink = sink;
        this.mapper = new AmiEventMapper(settings.queue());
    }

    void start() {
        running = true;
        supervisor = Thread.ofVirtual().name("ami-link").start(this::supervise);
    }

    void stop() {
        running = false;
        Thread t = supervisor;
        if (t != null) t.interrupt();
        LinkConnection c = current;
        if (c != null) {
            try {
                if (c.isConnected()) c.logoff();
            } catch (RuntimeException e) {
                log.debug("AMI logoff at stop failed: {}", e.toString());
            }
            c.abandon();
        }
        if (t != null) {
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the queue and channel lists again (events were dropped): at once when connected, else at the next login anyway. */
    void requestResync() {
        BlockingQueue<String> w = currentWake;
        if (w != null) w.add(RESYNC);
    }

    /** AMI messages that could not be read as sent (left out or completed), since start. */
    long malformedMessages() {
        return input.malformed.get();
    }

    boolean connected() {
        LinkConnection c = current;
        return c != null && c.isConnected();
    }

    /** Sends an action and waits for its response (never call this on the AMI dispatch thread). */
    ManagerResponse send(ManagerAction action) throws IOException, TimeoutException {
        LinkConnection c = current;
        if (c == null || !c.isConnected()) throw new NotConnected();
        try {
            return c.sendAction(action, settings.actionTimeout().toMillis());
        } catch (IllegalStateException e) {
            throw new NotConnected();
        }
    }

    /** GetVar for each name; stops at the first error (the channel hung up) and returns what it got. */
    Map<String, String> fetchVariables(String channel, List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            try {
                ManagerResponse r = send(new GetVarAction(channel, n));
                if (r instanceof ManagerError) break;
                String v = r instanceof GetVarResponse g ? g.getValue() : r.getAttribute("value");
                if (v != null && !v.isEmpty()) out.put(n, v);
            } catch (IOException | TimeoutException e) {
                log.warn("GetVar {} on {} failed: {}", n, bounded(channel), bounded(e.getMessage()));
                break;
            }
        }
        return out;
    }

    /** How many times the link has tried to connect since it started: tests wait on it instead of on the clock. */
    long connectAttempts() {
        return generations.get();
    }

    /** A connection that failed or dropped soon after login: the next attempt waits the back-off. */
    private static class LinkDown extends RuntimeException {
        LinkDown() { super(null, null, false, false); }
    }

    /** Asterisk refused the login: the next attempt waits the longest back-off (a wrong password stays wrong). */
    private static final class LoginRefused extends LinkDown {}

    /** What the attempts of one outage have said, so that it is said once. */
    private static final class Said {
        boolean down;
        String loginError;
    }

    /**
     * One Failsafe execution is one connection's life (core's back-off, {@link Retries#backoff}): it fails,
     * and the next attempt waits 100 ms doubling to 5 s (5 s at once after a refused login), when the connect
     * failed or the link dropped soon after login, so a flapping peer cannot make it spin; it succeeds when
     * the link had stayed up a while, and the next one starts at once with the back-off reset.
     */
    private void supervise() {
        RetryPolicy<Object> policy = Retries.backoff(Duration.ofMillis(FIRST_BACKOFF_MS), Duration.ofMillis(MAX_BACKOFF_MS))
                .handle(LinkDown.class)
                // a refused login waits the longest at once; Failsafe takes no null delay, so only that failure has a function
                .withDelayFnOn(ctx -> Duration.ofMillis(MAX_BACKOFF_MS), LoginRefused.class)
                .abortIf((r, e) -> !running)
                .build();
        Said said = new Said();
        while (running) {
            try {
                Failsafe.with(policy).run(() -> connection(said));
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || !running) {
                    running = false;
                    return;
                }
                log.error("AMI link supervisor: unexpected failure, reconnecting", e);
            }
        }
    }

    /** Connects, logs in, re-syncs and watches until the link ends; throws {@link LinkDown} when the next try must wait. */
    private void connection(Said said) {
        long gen = generations.incrementAndGet();
        BlockingQueue<String> wake = new LinkedBlockingQueue<>();
        currentWake = wake;
        LinkConnection c = new LinkConnection(() -> wake.add(LOST), input);
        c.setHostname(settings.host());
        c.setPort(settings.port());
        c.setUsername(settings.username());
        c.setPassword(settings.password());
        c.setDefaultResponseTimeout(settings.actionTimeout().toMillis());
        c.setDefaultEventTimeout(settings.actionTimeout().toMillis());
        c.setSocketReadTimeout((int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
        c.setKeepAliveAfterAuthenticationFailure(false);
        ManagerEventListener listener = e -> {
            // After a restart Asterisk accepts the login before it has loaded the queues; FullyBooted
            // says it has: read the lists again then.
            if (e instanceof FullyBootedEvent) wake.add(RESYNC);
            if (e instanceof ShutdownEvent sd) {
                log.warn("Asterisk is {} (Shutdown: {}); the link will reconnect when it is back",
                        Boolean.TRUE.equals(sd.getRestart()) ? "restarting" : "shutting down", sd.getShutdown());
            }
            AmiSignal s = mapper.map(e);
            if (s != null) sink.accept(s);
        };
        c.addEventListener(listener);
        try {
            c.login("on");
        } catch (AuthenticationFailedException e) {
            if (!e.getMessage().equals(said.loginError)) {
                log.error("AMI login refused for user '{}' at {}:{}: {}; check ami.username/ami.password, retrying",
                        settings.username(), settings.host(), settings.port(), e.getMessage());
                said.loginError = e.getMessage();
            }
            said.down = true;
            close(c, listener);
            throw new LoginRefused();
        } catch (IOException | TimeoutException | RuntimeException e) {
            if (!said.down) {
                log.warn("Asterisk not reachable at {}:{} ({}), retrying", settings.host(), settings.port(), e.toString());
                said.down = true;
            }
            close(c, listener);
            throw new LinkDown();
        }
        log.info(said.down ? "Asterisk reachable again at {}:{}, AMI logged in" : "AMI logged in at {}:{}",
                settings.host(), settings.port());
        said.down = false;
        said.loginError = null;
        long upSince = System.nanoTime();
        current = c;
        sink.accept(new AmiSignal.Connected(gen));
        sink.accept(new AmiSignal.ResyncStarted(gen));
        String why = "connection closed";
        try {
            sink.accept(resync(c, gen));
            why = watch(c, gen, wake);
        } catch (IOException | TimeoutException | RuntimeException e) {
            why = "re-sync failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            why = "stopping";
        }
        current = null;
        close(c, listener);
        sink.accept(new AmiSignal.Lost(gen, why));
        if (running) {
            log.warn("AMI connection to {}:{} lost ({}); reconnecting", settings.host(), settings.port(), why);
            // A link that keeps dropping right after login (a refused list, a flapping peer) must not
            // spin: keep backing off unless it stayed up a while.
            if (System.nanoTime() - upSince <= STABLE_NANOS) throw new LinkDown();
        }
    }

    /** Waits while the link is up, pinging, re-reading the lists when Asterisk says it has booted; returns why it ended. */
    private String watch(LinkConnection c, long gen, BlockingQueue<String> wake)
            throws InterruptedException, IOException, TimeoutException {
        long ping = settings.pingInterval().toMillis();
        while (running) {
            String w = wake.poll(ping, TimeUnit.MILLISECONDS);
            if (LOST.equals(w)) return "connection closed by Asterisk";
            if (RESYNC.equals(w)) {
                sink.accept(new AmiSignal.ResyncStarted(gen));
                sink.accept(resync(c, gen));
                continue;
            }
            try {
                ManagerResponse r = c.sendAction(new PingAction(), settings.actionTimeout().toMillis());
                if (r instanceof ManagerError) return "ping refused: " + r.getMessage();
            } catch (TimeoutException e) {
                // Under a burst the answer waits behind thousands of events: only silence means a half-open socket.
                if (c.heardWithin(settings.actionTimeout())) continue;
                return "no answer to ping within " + settings.actionTimeout().toMillis() + " ms (half-open socket)";
            } catch (IOException | IllegalStateException e) {
                return "ping failed: " + e.getMessage();
            }
        }
        return "stopping";
    }

    @SuppressWarnings("deprecation") // QueueMember's Location/Name differ from the events' Interface/MemberName
    private AmiSignal.Resync resync(LinkConnection c, long gen) throws IOException, TimeoutException {
        QueueStatusAction qs = new QueueStatusAction();
        qs.setQueue(settings.queue());
        List<AmiSignal.Member> members = new ArrayList<>();
        List<AmiSignal.Entry> entries = new ArrayList<>();
        boolean queueFound = false;
        for (ResponseEvent e : list(c, qs)) {
            if (e instanceof QueueParamsEvent p && settings.queue().equals(p.getQueue())) {
                queueFound = true;
            } else if (e instanceof QueueMemberEvent m && settings.queue().equals(m.getQueue())) {
                members.add(new AmiSignal.Member(first(m.getInterface(), m.getLocation()), first(m.getName(), m.getMemberName()),
                        n(m.getStatus()), Boolean.TRUE.equals(m.getPaused()), first(m.getPausedreason(), ""),
                        n(m.getIncall()) > 0, n(m.getCallsTaken()), n(m.getWrapuptime())));
            } else if (e instanceof QueueEntryEvent q && settings.queue().equals(q.getQueue())) {
                entries.add(new AmiSignal.Entry(q.getUniqueId(), q.getChannel(), first(q.getCallerIdNum(), q.getCallerId()),
                        first(q.getCallerIdName(), ""), n(q.getPosition()), q.getWait() == null ? 0 : q.getWait()));
            }
        }
        List<AmiSignal.LiveChannel> channels = new ArrayList<>();
        try {
            for (ResponseEvent e : list(c, new CoreShowChannelsAction())) {
                if (e instanceof CoreShowChannelEvent ch) {
                    channels.add(new AmiSignal.LiveChannel(ch.getUniqueid(), ch.getChannel(), first(ch.getBridgeid(), "")));
                }
            }
        } catch (Refused e) {
            // Without the channel list we cannot tell which calls ended unseen; the queue lists still stand.
            if (!channelsRefusedSaid) {
                log.warn("{}: calls that ended while AMI was down stay open until their hang-up (manager.conf write needs 'reporting')",
                        e.getMessage());
                channelsRefusedSaid = true;
            }
            channels = null;
        }
        log.info("AMI re-sync: {} members, {} callers waiting, {} channels", members.size(), entries.size(),
                channels == null ? "unknown" : channels.size());
        return new AmiSignal.Resync(gen, members, entries, channels, queueFound);
    }

    private List<ResponseEvent> list(LinkConnection c, EventGeneratingAction a) throws IOException, TimeoutException {
        ResponseEvents r = c.sendEventGeneratingAction(a, settings.actionTimeout().toMillis());
        if (r.getResponse() instanceof ManagerError err) {
            throw new Refused(a.getAction() + " refused by Asterisk: " + err.getMessage());
        }
        return new ArrayList<>(r.getEvents());
    }

    private static void close(LinkConnection c, ManagerEventListener l) {
        c.removeEventListener(l);
        c.abandon();
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : (b == null ? "" : b);
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
