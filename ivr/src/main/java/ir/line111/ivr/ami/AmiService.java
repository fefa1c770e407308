package ir.line111.ivr.ami;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.events.QueueState;
import ir.line111.core.events.EventJson;
import ir.line111.core.domain.queue.QueueLoad;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The AMI adapter's lifecycle: one connection to Asterisk (reconnecting by itself), the queue monitor
 * behind {@link QueueLoad}, the presence consumer, and the events for the console (screen-pop, wrap-up,
 * queue state, abandoned calls). Built by the composition root with the shared {@link Vertx}:
 *
 * <pre>{@code
 * AmiService ami = new AmiService(config, vertx, new AmiService.Dependencies(
 *         earlierCases, conversationSink, new JdbcQueueCallStore(database.dataSource()), Clock.systemUTC()));
 * ami.start();            // returns at once; connects in the background
 * QueueLoad load = ami;   // for the IVR's busy-queue diversion
 * ami.stop();
 * }</pre>
 */
public final class AmiService implements QueueLoad, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiService.class);
    private static final long TICK_MS = 5000;

    /** What the adapter needs from other modules; every one has a do-nothing default. */
    public record Dependencies(EarlierCases earlierCases, ConversationRecordingSink recordings,
                               QueueCallStore queueCalls, Clock clock) {
        public Dependencies {
            Objects.requireNonNull(earlierCases, "earlierCases");
            Objects.requireNonNull(recordings, "recordings");
            Objects.requireNonNull(queueCalls, "queueCalls");
            Objects.requireNonNull(clock, "clock");
        }

        public static Dependencies none() {
            return new Dependencies(EarlierCases.NONE, ConversationRecordingSink.NONE, QueueCallStore.NONE, Clock.systemUTC());
        }
    }

    private final AmiSettings settings;
    private final Vertx vertx;
    private final Dependencies deps;
    private final ExecutorService blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ami-work-", 0).factory());
    private final QueueMonitor monitor;
    private final AmiLink link;
    private final AmiInbox inbox;
    private final ConcurrentLinkedQueue<QueueCallStore.QueueCall> unstored = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean storeDownSaid = new AtomicBoolean();
    private MessageConsumer<Object> presence;
    private MessageConsumer<Object> stateRequests;
    private MessageConsumer<Object> follower;
    private AmiLease lease;
    private long tickTimer = -1;
    private volatile boolean started;

    public AmiService(Line111Config config, Vertx vertx, Dependencies deps) {
        this(AmiSettings.from(config), vertx, deps);
    }

    AmiService(AmiSettings settings, Vertx vertx, Dependencies deps) {
        this.settings = settings;
        this.vertx = vertx;
        this.deps = deps;
        AmiLink[] linkRef = new AmiLink[1];
        this.inbox = new AmiInbox(settings.eventQueue());
        this.monitor = new QueueMonitor(settings, deps.clock(), (address, body) -> vertx.eventBus().publish(address, body),
                (channel, names) -> linkRef[0] == null ? java.util.Map.of() : linkRef[0].fetchVariables(channel, names),
                deps.earlierCases(), this::store, deps.recordings(), blocking, inbox);
        this.link = new AmiLink(settings, monitor::submit);
        linkRef[0] = link;
        inbox.onEventsLost(link::requestResync);
    }

    /**
     * Starts in the background and returns at once. With no ami.username the client stays off (said once).
     * On a clustered Vert.x only the node holding the AMI lease connects; the others follow the queue
     * state it publishes (for {@link #snapshot()}) and take the lease over when its holder leaves.
     */
    public synchronized void start() {
        if (started) return;
        started = true;
        if (!settings.enabled()) {
            stateRequests = vertx.eventBus().consumer(EventAddresses.QUEUE_STATE_REQUEST, m -> m.reply(EventJson.encode(monitor.lastState())));
            log.info("AMI client off: ami.username is empty (set ami.username and ami.password to follow the queue)");
            presence = vertx.eventBus().consumer(EventAddresses.PRESENCE,
                    m -> m.fail(PresenceHandler.UNAVAILABLE, "the AMI client is off (ami.username is not configured), so presence cannot be changed"));
            return;
        }
        if (vertx.isClustered()) {
            follower = vertx.eventBus().consumer(EventAddresses.QUEUE_STATE, m -> {
                if (m.body() instanceof String json) monitor.follow(EventJson.decode(json, QueueState.class));
            });
            lease = new AmiLease(vertx, AmiLease.nameFor(settings), this::hold);
            lease.start();
            return;
        }
        hold();
    }

    /** This node holds the AMI connection: answer the console's requests, connect, follow the queue. */
    private synchronized void hold() {
        if (!started) return;
        if (follower != null) follower.unregister();
        follower = null;
        // A console that starts after the re-sync asks; the reply is the state it would otherwise wait for.
        stateRequests = vertx.eventBus().consumer(EventAddresses.QUEUE_STATE_REQUEST, m -> {
            m.reply(EventJson.encode(monitor.lastState()));
            monitor.submit(new AmiSignal.Republish());
        });
        monitor.start();
        PresenceHandler handler = new PresenceHandler(settings.queue(), link::send, blocking);
        presence = vertx.eventBus().consumer(EventAddresses.PRESENCE, handler::handle);
        tickTimer = vertx.setPeriodic(TICK_MS, id -> {
            monitor.submit(new AmiSignal.Tick());
            flushUnstored();
        });
        blocking.execute(this::loadTodaysTotals);
        link.start();
    }

    /** Whether this node holds the AMI connection: always on a single node, the lease holder's in a cluster. */
    public boolean holdsAmi() {
        return settings.enabled() && (lease == null || lease.held());
    }

    public synchronized void stop() {
        if (!started) return;
        started = false;
        if (tickTimer >= 0) vertx.cancelTimer(tickTimer);
        if (presence != null) presence.unregister();
        if (stateRequests != null) stateRequests.unregister();
        if (follower != null) follower.unregister();
        link.stop();
        monitor.stop();
        if (lease != null) lease.stop();
        flushUnstored();
        blocking.shutdown();
    }

    @Override
    public void close() {
        stop();
    }

    /** How many times the AMI link has tried to connect (each reconnect attempt counts). */
    long linkAttempts() {
        return link.connectAttempts();
    }

    /** The queue for the IVR; {@code known} is false while the AMI link is down or not yet re-synced. */
    @Override
    public Snapshot snapshot() {
        return monitor.load();
    }

    /** What AMI showed of the PBX (the queue, its members, the dialplan's applications) and what it cannot show. */
    public java.util.Map<String, Object> pbxFacts() {
        return monitor.pbxFacts();
    }

    public boolean connected() {
        return link.connected();
    }

    /** AMI events dropped because they came faster than they could be applied (the state is re-read after), since start. */
    public long droppedEvents() {
        return inbox.dropped();
    }

    /** The most AMI events that waited at once, never above {@code ami.event-queue}. */
    public int eventQueueHighWater() {
        return inbox.highWater();
    }

    /** AMI messages from Asterisk that could not be taken as sent (skipped or completed), since start. */
    public long malformedMessages() {
        return link.malformedMessages();
    }

    public QueueCallStore queueCalls() {
        return deps.queueCalls();
    }

    /**
     * The IVR offered a message instead of the queue (busy): AMI never sees this, so the IVR tells us
     * through {@link QueueLoad}, and the outcome goes into the same report table as the queue's own.
     */
    @Override
    public void divertedToMessage(String callId, String callerNumber, java.time.Duration estimatedWait) {
        if (callId == null || callId.isBlank()) return;
        store(new QueueCallStore.QueueCall(callId, callId, settings.queue(), callerNumber == null ? "" : callerNumber,
                QueueOutcome.DIVERTED_TO_MESSAGE, null, null, 0, null, deps.clock().instant()));
        log.info("diverted to message with an estimated wait of {} s", estimatedWait == null ? 0 : estimatedWait.toSeconds());
    }

    /** Queue outcomes held in memory because the store refused them; they go in when it is back. */
    public int pendingOutcomes() {
        return unstored.size();
    }

    /** Never throws into the monitor: a store that is down keeps the outcome in memory and retries on the tick. */
    private void store(QueueCallStore.QueueCall call) {
        unstored.add(call);
        blocking.execute(this::flushUnstored);
    }

    private synchronized void flushUnstored() {
        QueueCallStore.QueueCall c;
        while ((c = unstored.peek()) != null) {
            try {
                deps.queueCalls().record(c);
                unstored.poll();
                if (storeDownSaid.compareAndSet(true, false)) log.info("queue call store is back; pending outcomes stored");
            } catch (RuntimeException e) {
                if (storeDownSaid.compareAndSet(false, true)) {
                    log.warn("queue call outcomes cannot be stored ({}); keeping them and retrying", e.getMessage());
                }
                return;
            }
        }
    }

    private void loadTodaysTotals() {
        try {
            LocalDate today = LocalDate.now(deps.clock().withZone(settings.zone()));
            Instant since = today.atStartOfDay(settings.zone()).toInstant();
            monitor.submit(new AmiSignal.TotalsLoaded(today, deps.queueCalls().totalsSince(since, settings.serviceLevelSeconds())));
        } catch (RuntimeException e) {
            log.warn("today's queue totals could not be read ({}); the service level starts from zero", e.getMessage());
        }
    }
}
