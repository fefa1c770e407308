package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.queue.QueueLoad;
import ir.line111.ivr.DialplanContract;
import ir.line111.core.domain.events.QueueState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static ir.line111.core.logging.LogValues.bounded;

/**
 * Runs the {@link QueueModel} on one thread: applies {@link AmiSignal}s in arrival order (so no locks)
 * and carries out what the model decides: screen-pops with the caller's earlier cases, wrap-ups,
 * outcomes, conversation recordings, and the queue state once a burst has drained. Anything that
 * blocks (GetVar, the case search, the store, the recordings module) runs on the blocking executor,
 * never here and never on the AMI reader.
 */
final class QueueMonitor implements QueueModel.Effects {

    private static final Logger log = LoggerFactory.getLogger(QueueMonitor.class);

    /** The channel variables the IVR sets before Queue(), fetched with GetVar when their VarSet was missed. */
    static final List<String> CALL_VARIABLES = List.of(DialplanContract.VAR_CALL_ID, DialplanContract.VAR_NATIONAL_ID,
            DialplanContract.VAR_NATIONAL_ID_VERIFIED, DialplanContract.VAR_SPOKEN_ID_RECORDING,
            DialplanContract.VAR_SUBJECT_NATIONAL_ID, DialplanContract.VAR_RELATION, DialplanContract.VAR_DRAFT_CASE,
            DialplanContract.VAR_CONVERSATION_FILE);

    /** Reads channel variables over AMI (blocking); returns what it found, empty when the channel is gone. */
    @FunctionalInterface
    interface VariableFetcher {
        Map<String, String> fetch(String channel, List<String> names);
    }

    private final String queue;
    private final Clock clock;
    private final QueueModel model;
    private final QueueJson json;
    private final QueuePublisher publisher;
    private final VariableFetcher fetcher;
    private final EarlierCases earlierCases;
    private final Consumer<QueueCallStore.QueueCall> outcomes;
    private final ConversationRecordingSink recordings;
    private final Executor blocking;
    private final AmiInbox inbox;
    private volatile Thread thread;
    private volatile boolean running;

    QueueMonitor(AmiSettings settings, Clock clock, BiConsumer<String, String> bus, VariableFetcher fetcher,
                 EarlierCases earlierCases, Consumer<QueueCallStore.QueueCall> outcomes,
                 ConversationRecordingSink recordings, Executor blocking, AmiInbox inbox) {
        this.inbox = inbox;
        this.queue = settings.queue();
        this.clock = clock;
        this.json = new QueueJson(queue);
        this.publisher = new QueuePublisher(bus, queue, clock.instant());
        this.model = new QueueModel(clock, new ServiceLevel(settings.serviceLevelSeconds(), settings.zone(), clock), this,
                inbox::newHold);
        this.fetcher = fetcher;
        this.earlierCases = earlierCases;
        this.outcomes = outcomes;
        this.recordings = recordings;
        this.blocking = blocking;
    }

    /** Thread-safe, never blocks: the AMI dispatch thread calls this. */
    void submit(AmiSignal s) {
        inbox.offer(s);
    }

    QueueLoad.Snapshot load() {
        return publisher.load();
    }

    /** Another node holds AMI and published this state: keep it for {@link #load()}, publish nothing. */
    void follow(QueueState state) {
        publisher.remember(state);
    }

    /** The queue state last published; a console that starts later asks for it. */
    QueueState lastState() {
        return publisher.lastState();
    }

    /** For /health: what AMI showed of the PBX (safe to read from any thread). */
    Map<String, Object> pbxFacts() {
        return model.facts().describe(queue, publisher.lastState().members().size());
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("ami-queue-monitor").start(this::loop);
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            AmiSignal s;
            try {
                s = inbox.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                model.apply(s);
                // A burst of events yields one snapshot, published once the inbox is drained.
                if (inbox.isEmpty()) {
                    if (model.takeChanged()) publisher.state(json.state(model, clock.instant()));
                    inbox.drained();
                }
            } catch (RuntimeException e) {
                // One odd event must not stop the monitor: log it and go on with the next.
                inbox.failed(s, e);
            }
        }
    }

    // ------------------------------------------------------------------ the model's effects

    @Override
    public void callerWaiting(CallLeg c) {
        prefetchEarlierCases(c);
    }

    @Override
    public void connected(CallLeg c) {
        c.pop = screenPop(c);
    }

    @Override
    public void wrapUp(CallLeg c, long talkSeconds, String reason) {
        Integer seconds = QueueJson.wrapUpSeconds(memberOf(c.operator));
        try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
            log.info("wrap-up for operator {} after {} s talk ({})", bounded(c.operator), talkSeconds, bounded(reason));
        }
        publisher.wrapUp(json.wrapUp(c, talkSeconds, reason, seconds, clock.instant()), c.pop);
    }

    @Override
    public void abandoned(CallLeg c) {
        publisher.abandoned(json.abandoned(c, clock.instant()));
    }

    @Override
    public void outcome(CallLeg c, QueueOutcome o, long waitSeconds, Long talkSeconds) {
        outcomes.accept(new QueueCallStore.QueueCall(c.uniqueId, c.callId(), queue, c.callerNumber, o, c.operator,
                c.operatorName, waitSeconds, talkSeconds, clock.instant()));
    }

    @Override
    public void ended(CallLeg c) {
        String file = c.vars.get(DialplanContract.VAR_CONVERSATION_FILE);
        var rec = new ConversationRecordingSink.ConversationRecording(c.callId(), c.uniqueId, Path.of(file),
                c.operator, clock.instant());
        blocking.execute(() -> {
            try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
                recordings.conversationEnded(rec);
            } catch (RuntimeException e) {
                log.error("the recordings module refused conversation {}: {}", bounded(file), bounded(e));
            }
        });
    }

    private AmiSignal.Member memberOf(String iface) {
        if (iface == null) return null;
        for (AmiSignal.Member m : model.members()) if (iface.equals(m.iface())) return m;
        return null;
    }

    // ------------------------------------------------------------------ screen-pop

    /**
     * Looks the subject's earlier cases up while the caller waits (from the queue join on), once, by the
     * subject's ID, so the screen-pop can leave the moment the operator answers instead of waiting for the
     * database then. Looked up again only if the subject changes (a VarSet after the join).
     */
    private void prefetchEarlierCases(CallLeg c) {
        NationalId subject = c.facts().subject();
        if (c.earlier != null && java.util.Objects.equals(subject, c.earlierOf)) return;
        c.earlierOf = subject;
        c.earlier = subject == null || earlierCases == EarlierCases.NONE ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> lookUpEarlierCases(c.uniqueId, subject), blocking);
    }

    private List<CaseSummary> lookUpEarlierCases(String uniqueId, NationalId subject) {
        if (subject == null) return List.of();
        try (var _ = MDC.putCloseable("callId", bounded(uniqueId))) {
            return earlierCases.find(subject);
        } catch (RuntimeException e) {
            log.warn("earlier cases unavailable for the screen-pop: {}", e.toString());
            return List.of();
        }
    }

    private CompletableFuture<?> screenPop(CallLeg c) {
        String uniqueId = c.uniqueId, channel = c.channel, number = c.callerNumber, name = c.callerName;
        String operator = c.operator, operatorName = c.operatorName;
        long hold = c.holdSeconds;
        Instant at = c.connectedAt;
        if (c.hasIvrData()) {
            prefetchEarlierCases(c);
            if (c.earlier.isDone()) {
                // Everything is at hand: publish from here, no extra thread hop on the way to the operator.
                publishPop(uniqueId, channel, number, name, operator, operatorName, hold, at, c.callId(), c.facts(), c.earlier.join());
                return CompletableFuture.completedFuture(null);
            }
        }
        Map<String, String> known = Map.copyOf(c.vars);
        CallerFacts knownFacts = c.facts();
        CompletableFuture<List<CaseSummary>> prefetched = c.hasIvrData() ? c.earlier : null;
        return CompletableFuture.runAsync(() -> {
            try (var _ = MDC.putCloseable("callId", bounded(uniqueId))) {
                List<CaseSummary> earlier;
                CallerFacts facts = knownFacts;
                String callId = QueueJson.blankToNull(known.get(DialplanContract.VAR_CALL_ID));
                if (prefetched != null) {
                    earlier = prefetched.join();
                } else {
                    // The VarSet events were missed (the caller queued while AMI was down): ask the channel.
                    Map<String, String> vars = new HashMap<>(known);
                    Map<String, String> fetched = fetcher.fetch(channel, CALL_VARIABLES);
                    fetched.forEach(vars::putIfAbsent);
                    if (!fetched.isEmpty()) submit(new AmiSignal.VariablesFetched(uniqueId, fetched));
                    facts = CallerFacts.of(vars);
                    callId = QueueJson.blankToNull(vars.get(DialplanContract.VAR_CALL_ID));
                    earlier = lookUpEarlierCases(uniqueId, facts.subject());
                }
                publishPop(uniqueId, channel, number, name, operator, operatorName, hold, at, callId, facts, earlier);
            }
        }, blocking).exceptionally(e -> {
            log.error("screen-pop failed for {}: {}", bounded(uniqueId), bounded(e));
            return null;
        });
    }

    private void publishPop(String uniqueId, String channel, String number, String name, String operator, String operatorName,
                            long hold, Instant at, String callId, CallerFacts facts, List<CaseSummary> earlier) {
        publisher.screenPop(json.screenPop(uniqueId, channel, number, name, operator, operatorName, hold, at, callId, facts,
                earlier, clock.instant()));
        try (var _ = MDC.putCloseable("callId", bounded(uniqueId))) {
            NationalId nid = facts.nationalId();
            log.info("screen-pop for operator {} (national ID {})", bounded(operator), nid == null ? "none" : nid.masked());
        }
    }
}
