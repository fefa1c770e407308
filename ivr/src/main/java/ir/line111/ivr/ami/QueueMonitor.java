package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.queue.QueueLoad;
import ir.line111.ivr.DialplanContract;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import static ir.line111.core.logging.LogValues.bounded;

/**
 * The operators' queue as seen over AMI. One thread applies {@link AmiSignal}s in arrival order (so no
 * locks), keeps callers, members and live calls, and publishes what changed: queue state, screen-pops,
 * wrap-ups, abandoned calls, outcomes. Anything that blocks (GetVar, the case search, the store, the
 * recordings module) runs on the blocking executor, never here and never on the AMI reader.
 */
final class QueueMonitor {

    private static final Logger log = LoggerFactory.getLogger(QueueMonitor.class);

    /** Before any call was answered: a plausible talk time for the estimate (seconds). */
    static final double DEFAULT_TALK_SECONDS = 180;
    /** The estimate is capped: beyond an hour the number means "not today". */
    static final long MAX_ESTIMATE_SECONDS = 3600;
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

    private static final class Member {
        AmiSignal.Member m;

        Member(AmiSignal.Member m) { this.m = m; }

        boolean loggedIn() { return m.status() != 4 && m.status() != 5; }

        boolean available() { return loggedIn() && !m.paused() && !m.inCall() && (m.status() == 1 || m.status() == 0); }

        boolean busy() {
            int s = m.status();
            return loggedIn() && !m.paused() && (m.inCall() || s == 2 || s == 3 || s == 6 || s == 7 || s == 8);
        }

        String state() {
            if (!loggedIn()) return "unavailable";
            if (m.paused()) return "paused";
            if (busy()) return "busy";
            return "available";
        }
    }

    /** One caller's queue leg, from the IVR's first VarSet (or the queue join) to the hang-up. */
    private static final class Call {
        final String uniqueId;
        String channel = "";
        String callerNumber = "";
        String callerName = "";
        final Map<String, String> vars = new HashMap<>();
        Instant joinedAt;
        Instant connectedAt;
        String operator;
        String operatorName;
        long holdSeconds;
        Long abandonedAfter;
        boolean waiting;
        boolean outcomeRecorded;
        boolean wrappedUp;
        boolean recording;
        CompletableFuture<?> pop;
        CompletableFuture<List<CaseSummary>> earlier;
        String earlierKey;

        Call(String uniqueId) { this.uniqueId = uniqueId; }

        String callId() {
            String v = vars.get(DialplanContract.VAR_CALL_ID);
            return v == null || v.isBlank() ? uniqueId : v;
        }
    }

    private final String queue;
    private final int serviceLevelSeconds;
    private final java.time.ZoneId zone;
    private final Clock clock;
    private final BiConsumer<String, JsonObject> publisher;
    private final VariableFetcher fetcher;
    private final EarlierCases earlierCases;
    private final Consumer<QueueCallStore.QueueCall> outcomes;
    private final ConversationRecordingSink recordings;
    private final Executor blocking;
    private final AmiInbox inbox;

    private final Map<String, Call> calls = new HashMap<>();
    private final Map<String, Call> waiting = new LinkedHashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private List<AmiSignal> held;
    private long generation;
    private boolean connected;
    private boolean synced;
    private double avgTalkSeconds = DEFAULT_TALK_SECONDS;
    private LocalDate day;
    private long answered, answeredWithin, abandoned;
    private volatile QueueLoad.Snapshot load = QueueLoad.Snapshot.UNKNOWN;
    private boolean dirty;
    private volatile Thread thread;
    private volatile boolean running;

    QueueMonitor(AmiSettings settings, Clock clock, BiConsumer<String, JsonObject> publisher, VariableFetcher fetcher,
                 EarlierCases earlierCases, Consumer<QueueCallStore.QueueCall> outcomes,
                 ConversationRecordingSink recordings, Executor blocking, AmiInbox inbox) {
        this.inbox = inbox;
        this.queue = settings.queue();
        this.serviceLevelSeconds = settings.serviceLevelSeconds();
        this.zone = settings.zone();
        this.clock = clock;
        this.publisher = publisher;
        this.fetcher = fetcher;
        this.earlierCases = earlierCases;
        this.outcomes = outcomes;
        this.recordings = recordings;
        this.blocking = blocking;
        this.day = LocalDate.now(clock.withZone(zone));
    }

    /** Thread-safe, never blocks: the AMI dispatch thread calls this. */
    void submit(AmiSignal s) {
        inbox.offer(s);
    }

    QueueLoad.Snapshot load() {
        return load;
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
                apply(s);
                if (inbox.isEmpty()) { if (dirty) publishNow(); inbox.drained(); }
            } catch (RuntimeException e) {
                // One odd event must not stop the monitor: log it and go on with the next.
                inbox.failed(s, e);
            }
        }
    }

    // ------------------------------------------------------------------ applying signals

    void apply(AmiSignal s) {
        switch (s) {
            case AmiSignal.Connected c -> {
                generation = c.generation();
                connected = true;
                synced = false;
            }
            case AmiSignal.Lost l -> {
                if (l.generation() != generation) return;
                connected = false;
                synced = false;
                held = null;
                publishState();
            }
            case AmiSignal.ResyncStarted r -> {
                if (r.generation() == generation) held = inbox.newHold();
            }
            case AmiSignal.Resync r -> {
                if (r.generation() != generation) return;
                resync(r);
            }
            case AmiSignal.Tick t -> {
                rollDay();
                if (!waiting.isEmpty() || !connected) publishState();
            }
            case AmiSignal.TotalsLoaded t -> {
                if (t.day().equals(day)) {
                    answered = Math.max(answered, t.totals().answered());
                    answeredWithin = Math.max(answeredWithin, t.totals().answeredWithin());
                    abandoned = Math.max(abandoned, t.totals().abandoned());
                }
            }
            case AmiSignal.VariablesFetched f -> {
                Call c = calls.get(f.uniqueId());
                if (c != null) f.variables().forEach(c.vars::putIfAbsent);
            }
            default -> {
                if (held != null) {
                    held.add(s);
                    return;
                }
                event(s);
            }
        }
    }

    /**
     * The lists read after a (re)connect replace what we believed; the events that came while they were
     * read are applied on top. Each event carries absolute state (a member's full status, a caller's
     * join or leave), so replaying ones older than the lists still ends in the true state.
     */
    private void resync(AmiSignal.Resync r) {
        Instant now = clock.instant();
        members.clear();
        for (AmiSignal.Member m : r.members()) members.put(m.iface(), new Member(m));
        waiting.clear();
        for (AmiSignal.Entry e : r.entries()) {
            Call c = calls.computeIfAbsent(e.uniqueId(), Call::new);
            c.channel = e.channel();
            c.callerNumber = e.callerNumber();
            c.callerName = e.callerName();
            c.joinedAt = now.minusSeconds(e.waitSeconds());
            c.waiting = true;
            waiting.put(c.uniqueId, c);
        }
        java.util.Set<String> alive = new java.util.HashSet<>();
        if (r.channels() != null) for (AmiSignal.LiveChannel ch : r.channels()) alive.add(ch.uniqueId());
        for (Call c : List.copyOf(calls.values())) {
            if (r.channels() == null || alive.contains(c.uniqueId)) {
                if (c.waiting && !waiting.containsKey(c.uniqueId)) c.waiting = false;
                continue;
            }
            // Ended while we could not see it: close it so the console does not show a call that is gone.
            try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
                log.info("queue call ended while AMI was down (caller {})", bounded(c.callerNumber));
            }
            ended(c, "ended-during-outage");
        }
        synced = true;
        List<AmiSignal> replay = held;
        held = null;
        if (replay != null) for (AmiSignal s : replay) event(s);
        publishState();
    }

    private void event(AmiSignal s) {
        switch (s) {
            case AmiSignal.VarSet v -> varSet(v);
            case AmiSignal.CallerJoin j -> {
                Call c = calls.computeIfAbsent(j.uniqueId(), Call::new);
                c.channel = j.channel();
                c.callerNumber = j.callerNumber();
                c.callerName = j.callerName();
                c.vars.putAll(j.variables());
                if (c.joinedAt == null || !c.waiting) c.joinedAt = clock.instant();
                c.waiting = true;
                waiting.put(c.uniqueId, c);
                if (c.vars.containsKey(DialplanContract.VAR_CALL_ID)) prefetchEarlierCases(c);
                publishState();
            }
            case AmiSignal.CallerLeave l -> {
                Call c = waiting.remove(l.uniqueId());
                if (c != null) {
                    c.waiting = false;
                    publishState();
                }
            }
            case AmiSignal.CallerAbandon a -> {
                Call c = calls.computeIfAbsent(a.uniqueId(), Call::new);
                if (c.channel.isEmpty()) c.channel = a.channel();
                if (c.callerNumber.isEmpty()) c.callerNumber = a.callerNumber();
                // Not yet an abandon: Asterisk says the same on a timeout or leave-empty. QUEUESTATUS or the
                // hang-up that follows decides.
                c.abandonedAfter = a.holdSeconds();
                c.waiting = false;
                if (waiting.remove(a.uniqueId()) != null) publishState();
            }
            case AmiSignal.AgentConnect a -> agentConnect(a);
            case AmiSignal.AgentComplete a -> agentComplete(a);
            case AmiSignal.MemberUpdate u -> {
                members.put(u.member().iface(), new Member(u.member()));
                publishState();
            }
            case AmiSignal.MemberRemoved r -> {
                if (members.remove(r.iface()) != null) publishState();
            }
            case AmiSignal.Hangup h -> {
                Call c = calls.get(h.uniqueId());
                if (c != null) ended(c, "hangup");
            }
            case AmiSignal.MixMonitorStarted m -> {
                Call c = calls.get(m.uniqueId());
                if (c != null) c.recording = true;
            }
            default -> log.debug("AMI signal not handled here: {}", s);
        }
    }

    private void varSet(AmiSignal.VarSet v) {
        Call c = calls.get(v.uniqueId());
        if (c == null) {
            // Only the IVR's own variables open a call record; QUEUESTATUS of a stranger's channel is not ours.
            if (!v.variable().startsWith("LINE111_")) return;
            c = new Call(v.uniqueId());
            calls.put(c.uniqueId, c);
        }
        if (v.channel() != null && !v.channel().isEmpty()) c.channel = v.channel();
        c.vars.put(v.variable(), v.value());
        if (v.variable().equals("QUEUESTATUS")) {
            QueueOutcome o = QueueOutcome.ofQueueStatus(v.value());
            if (o != null) {
                long wait = c.abandonedAfter != null ? c.abandonedAfter : waitedSoFar(c);
                c.abandonedAfter = null;
                c.waiting = false;
                if (waiting.remove(c.uniqueId) != null) publishState();
                record(c, o, wait, null);
            }
        }
    }

    private void agentConnect(AmiSignal.AgentConnect a) {
        Call c = calls.computeIfAbsent(a.uniqueId(), Call::new);
        c.channel = a.channel();
        if (!a.callerNumber().isEmpty()) c.callerNumber = a.callerNumber();
        if (!a.callerName().isEmpty()) c.callerName = a.callerName();
        c.vars.putAll(a.variables());
        c.operator = a.iface();
        c.operatorName = a.memberName();
        c.connectedAt = clock.instant();
        c.holdSeconds = a.holdSeconds();
        c.waiting = false;
        waiting.remove(c.uniqueId);
        try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
            log.info("operator {} connected to caller {} after {} s", bounded(c.operator), bounded(c.callerNumber), c.holdSeconds);
        }
        c.pop = screenPop(c);
        publishState();
    }

    private void agentComplete(AmiSignal.AgentComplete a) {
        Call c = calls.computeIfAbsent(a.uniqueId(), Call::new);
        if (c.operator == null) {
            c.operator = a.iface();
            c.operatorName = a.memberName();
        }
        wrapUp(c, a.talkSeconds(), a.reason());
        record(c, QueueOutcome.ANSWERED, a.holdSeconds(), a.talkSeconds());
    }

    /** The caller's channel is gone: settle what is still open about the call and forget it. */
    private void ended(Call c, String why) {
        calls.remove(c.uniqueId);
        if (waiting.remove(c.uniqueId) != null) publishState();
        if (c.abandonedAfter != null && !c.outcomeRecorded) {
            record(c, QueueOutcome.ABANDONED, c.abandonedAfter, null);
            JsonObject ab = new JsonObject().put("callId", c.callId()).put("uniqueId", c.uniqueId)
                    .put("callerNumber", c.callerNumber).put("waitSeconds", c.abandonedAfter)
                    .put("queue", queue).put("at", clock.instant().toString());
            publisher.accept(EventAddresses.QUEUE_ABANDONED, ab);
        } else if (c.connectedAt != null && !c.wrappedUp) {
            long talk = Math.max(0, Duration.between(c.connectedAt, clock.instant()).toSeconds());
            wrapUp(c, talk, why);
            record(c, QueueOutcome.ANSWERED, c.holdSeconds, talk);
        }
        String file = c.vars.get(DialplanContract.VAR_CONVERSATION_FILE);
        if (file != null && !file.isBlank() && (c.recording || c.connectedAt != null)) {
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
    }

    private long waitedSoFar(Call c) {
        return c.joinedAt == null ? 0 : Math.max(0, Duration.between(c.joinedAt, clock.instant()).toSeconds());
    }

    private void record(Call c, QueueOutcome o, long waitSeconds, Long talkSeconds) {
        if (c.outcomeRecorded) return;
        c.outcomeRecorded = true;
        rollDay();
        switch (o) {
            case ANSWERED -> {
                answered++;
                if (waitSeconds <= serviceLevelSeconds) answeredWithin++;
                if (talkSeconds != null && talkSeconds > 0) avgTalkSeconds = 0.8 * avgTalkSeconds + 0.2 * talkSeconds;
            }
            case ABANDONED -> abandoned++;
            default -> { }
        }
        try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
            log.info("queue call outcome {} after {} s in the queue", o, waitSeconds);
        }
        outcomes.accept(new QueueCallStore.QueueCall(c.uniqueId, c.callId(), queue, c.callerNumber, o, c.operator,
                c.operatorName, waitSeconds, talkSeconds, clock.instant()));
    }

    private void rollDay() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (!today.equals(day)) {
            day = today;
            answered = answeredWithin = abandoned = 0;
        }
    }

    // ------------------------------------------------------------------ screen-pop and wrap-up

    /**
     * Looks the caller's earlier cases up while they wait (from the queue join on), so the screen-pop can
     * leave the moment the operator answers instead of waiting for the database then.
     */
    private void prefetchEarlierCases(Call c) {
        NationalId nid = parseId(c.vars.get(DialplanContract.VAR_NATIONAL_ID));
        String key = c.callerNumber + "/" + (nid == null ? "" : nid.digits());
        if (c.earlier != null && key.equals(c.earlierKey)) return;
        c.earlierKey = key;
        if (earlierCases == EarlierCases.NONE) {
            c.earlier = CompletableFuture.completedFuture(List.of());
            return;
        }
        String number = c.callerNumber, uniqueId = c.uniqueId;
        c.earlier = CompletableFuture.supplyAsync(() -> lookUpEarlierCases(uniqueId, number, nid), blocking);
    }

    private List<CaseSummary> lookUpEarlierCases(String uniqueId, String number, NationalId nid) {
        try (var _ = MDC.putCloseable("callId", bounded(uniqueId))) {
            return earlierCases.find(number, nid);
        } catch (RuntimeException e) {
            log.warn("earlier cases unavailable for the screen-pop: {}", e.toString());
            return List.of();
        }
    }

    private CompletableFuture<?> screenPop(Call c) {
        String uniqueId = c.uniqueId, channel = c.channel, number = c.callerNumber, name = c.callerName;
        String operator = c.operator, operatorName = c.operatorName;
        long hold = c.holdSeconds;
        Instant at = c.connectedAt;
        if (c.vars.containsKey(DialplanContract.VAR_CALL_ID)) {
            prefetchEarlierCases(c);
            if (c.earlier.isDone()) {
                // Everything is at hand: publish from here, no extra thread hop on the way to the operator.
                publishPop(uniqueId, channel, number, name, operator, operatorName, hold, at, Map.copyOf(c.vars), c.earlier.join());
                return CompletableFuture.completedFuture(null);
            }
        }
        Map<String, String> known = Map.copyOf(c.vars);
        CompletableFuture<List<CaseSummary>> prefetched = c.vars.containsKey(DialplanContract.VAR_CALL_ID) ? c.earlier : null;
        return CompletableFuture.runAsync(() -> {
            try (var _ = MDC.putCloseable("callId", bounded(uniqueId))) {
                Map<String, String> vars = new HashMap<>(known);
                List<CaseSummary> earlier;
                if (prefetched != null) {
                    earlier = prefetched.join();
                } else {
                    // The VarSet events were missed (the caller queued while AMI was down): ask the channel.
                    Map<String, String> fetched = fetcher.fetch(channel, CALL_VARIABLES);
                    fetched.forEach(vars::putIfAbsent);
                    if (!fetched.isEmpty()) submit(new AmiSignal.VariablesFetched(uniqueId, fetched));
                    earlier = lookUpEarlierCases(uniqueId, number, parseId(vars.get(DialplanContract.VAR_NATIONAL_ID)));
                }
                publishPop(uniqueId, channel, number, name, operator, operatorName, hold, at, vars, earlier);
            }
        }, blocking).exceptionally(e -> {
            log.error("screen-pop failed for {}: {}", bounded(uniqueId), bounded(e));
            return null;
        });
    }

    private void publishPop(String uniqueId, String channel, String number, String name, String operator,
                            String operatorName, long hold, Instant at, Map<String, String> vars, List<CaseSummary> earlier) {
        JsonObject pop = screenPopJson(uniqueId, channel, number, name, operator, operatorName, hold, at, vars, earlier);
        publisher.accept(EventAddresses.SCREEN_POP, pop);
        try (var _ = MDC.putCloseable("callId", bounded(uniqueId))) {
            NationalId nid = parseId(vars.get(DialplanContract.VAR_NATIONAL_ID));
            log.info("screen-pop for operator {} (national ID {})", bounded(operator), nid == null ? "none" : nid.masked());
        }
    }

    JsonObject screenPopJson(String uniqueId, String channel, String number, String name, String operator,
                             String operatorName, long hold, Instant at, Map<String, String> vars,
                             List<CaseSummary> earlier) {
        String callId = blankToNull(vars.get(DialplanContract.VAR_CALL_ID));
        JsonArray cases = new JsonArray();
        for (CaseSummary cs : earlier) {
            cases.add(new JsonObject().put("id", cs.id())
                    .put("trackingCode", cs.trackingCode() == null ? null : cs.trackingCode().digits())
                    .put("kind", cs.kind() == null ? null : cs.kind().name())
                    .put("channel", cs.channel() == null ? null : cs.channel().name())
                    .put("status", cs.status() == null ? null : cs.status().name())
                    .put("agency", cs.agencyName())
                    .put("registeredAt", cs.registeredAt() == null ? null : cs.registeredAt().toString())
                    .put("dueAt", cs.dueAt() == null ? null : cs.dueAt().toString()));
        }
        return new JsonObject()
                .put("callId", callId == null ? uniqueId : callId)
                .put("uniqueId", uniqueId)
                .put("channel", channel)
                .put("queue", queue)
                .put("operator", operator)
                .put("operatorName", operatorName)
                .put("callerNumber", number)
                .put("callerName", name)
                .put("nationalId", blankToNull(vars.get(DialplanContract.VAR_NATIONAL_ID)))
                .put("nationalIdVerified", truthy(vars.get(DialplanContract.VAR_NATIONAL_ID_VERIFIED)))
                .put("spokenIdRecordingId", numberOrText(vars.get(DialplanContract.VAR_SPOKEN_ID_RECORDING)))
                .put("subjectNationalId", blankToNull(vars.get(DialplanContract.VAR_SUBJECT_NATIONAL_ID)))
                .put("relation", blankToNull(vars.get(DialplanContract.VAR_RELATION)))
                .put("draftCaseId", numberOrText(vars.get(DialplanContract.VAR_DRAFT_CASE)))
                .put("conversationFile", blankToNull(vars.get(DialplanContract.VAR_CONVERSATION_FILE)))
                .put("waitSeconds", hold)
                .put("connectedAt", at == null ? null : at.toString())
                .put("earlierCases", cases);
    }

    private void wrapUp(Call c, long talkSeconds, String reason) {
        if (c.wrappedUp) return;
        c.wrappedUp = true;
        JsonObject w = new JsonObject().put("callId", c.callId()).put("uniqueId", c.uniqueId)
                .put("operator", c.operator).put("operatorName", c.operatorName)
                .put("callerNumber", c.callerNumber).put("talkSeconds", talkSeconds)
                .put("waitSeconds", c.holdSeconds).put("reason", reason)
                .put("conversationFile", blankToNull(c.vars.get(DialplanContract.VAR_CONVERSATION_FILE)))
                .put("at", clock.instant().toString());
        try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
            log.info("wrap-up for operator {} after {} s talk ({})", bounded(c.operator), talkSeconds, bounded(reason));
        }
        // After the screen-pop, never before it: the console pairs them.
        if (c.pop != null) c.pop.whenComplete((r, e) -> publisher.accept(EventAddresses.CALL_WRAP_UP, w));
        else publisher.accept(EventAddresses.CALL_WRAP_UP, w);
    }

    // ------------------------------------------------------------------ the queue state

    /** The state changed: published once the inbox is drained, so a burst of events yields one snapshot. */
    private void publishState() {
        dirty = true;
    }

    private void publishNow() {
        dirty = false;
        Instant now = clock.instant();
        rollDay();
        int loggedIn = 0, available = 0, busy = 0, paused = 0;
        JsonArray ms = new JsonArray();
        for (Member m : members.values()) {
            if (m.loggedIn()) loggedIn++;
            if (m.available()) available++;
            if (m.busy()) busy++;
            if (m.loggedIn() && m.m.paused()) paused++;
            // "operator" is the device, as in the screen-pop (the console matches it to the signed-in operator).
            ms.add(new JsonObject().put("interface", m.m.iface()).put("operator", m.m.iface()).put("name", m.m.name())
                    .put("state", m.state()).put("status", m.m.status()).put("paused", m.m.paused())
                    .put("pausedReason", blankToNull(m.m.pausedReason())).put("reason", blankToNull(m.m.pausedReason()))
                    .put("inCall", m.m.inCall()).put("callsTaken", m.m.callsTaken()));
        }
        JsonArray cs = new JsonArray();
        long longest = 0;
        int pos = 0;
        for (Call c : waiting.values()) {
            long w = waitedSoFar(c);
            longest = Math.max(longest, w);
            cs.add(new JsonObject().put("uniqueId", c.uniqueId).put("callId", c.callId()).put("position", ++pos)
                    .put("callerNumber", c.callerNumber).put("callerName", c.callerName).put("waitSeconds", w)
                    // Full on the bus; the console masks it before any browser sees the queue.
                    .put("nationalId", blankToNull(c.vars.get(DialplanContract.VAR_NATIONAL_ID)))
                    .put("joinedAt", c.joinedAt == null ? null : c.joinedAt.toString()));
        }
        int staffed = available + busy;
        long estimate = estimateWaitSeconds(waiting.size(), available, staffed, avgTalkSeconds, longest);
        boolean known = connected && synced;
        load = known ? new QueueLoad.Snapshot(true, waiting.size(), loggedIn, available, Duration.ofSeconds(estimate))
                : QueueLoad.Snapshot.UNKNOWN;
        long handled = answered + abandoned;
        JsonObject sl = new JsonObject().put("thresholdSeconds", serviceLevelSeconds).put("answered", answered)
                .put("answeredWithin", answeredWithin).put("abandoned", abandoned)
                .put("percent", handled == 0 ? null : Math.round(1000.0 * answeredWithin / handled) / 10.0)
                .put("day", day.toString());
        JsonObject state = new JsonObject().put("queue", queue).put("known", known).put("connected", connected).put("synced", synced)
                .put("at", now.toString()).put("callers", cs).put("members", ms)
                .put("callersWaiting", waiting.size()).put("operatorsLoggedIn", loggedIn)
                .put("operatorsAvailable", available).put("operatorsBusy", busy).put("operatorsPaused", paused)
                .put("longestWaitSeconds", longest).put("estimatedWaitSeconds", estimate)
                .put("averageTalkSeconds", Math.round(avgTalkSeconds)).put("serviceLevel", sl);
        publisher.accept(EventAddresses.QUEUE_STATE, state);
    }

    /**
     * Our estimate of a new caller's wait. Asterisk's own is smoothed, only updated on answer and reset
     * on restart; this one uses who is staffed now and a running average of talk time: the callers ahead
     * of the new one, beyond the free operators, each take one talk time spread over the staffed operators.
     */
    static long estimateWaitSeconds(int waiting, int available, int staffed, double avgTalkSeconds, long longestWait) {
        if (waiting < available) return 0;
        if (staffed <= 0) return MAX_ESTIMATE_SECONDS;
        double ahead = waiting - available + 1;
        long est = (long) Math.ceil(ahead * avgTalkSeconds / staffed);
        return Math.min(MAX_ESTIMATE_SECONDS, Math.max(0, est));
    }

    // ------------------------------------------------------------------ small helpers

    private static NationalId parseId(String s) {
        if (s == null || s.isBlank()) return null;
        return NationalId.parse(s) instanceof NationalId.Parsed.Valid v ? v.id() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static boolean truthy(String s) {
        return s != null && switch (s.strip().toLowerCase()) {
            case "1", "true", "yes", "y", "verified" -> true;
            default -> false;
        };
    }

    private static Object numberOrText(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
