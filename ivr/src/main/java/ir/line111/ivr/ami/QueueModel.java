package ir.line111.ivr.ami;

import ir.line111.ivr.DialplanContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static ir.line111.core.logging.LogValues.bounded;

/**
 * The operators' queue as AMI has told it, and nothing else: no threads, no I/O. Feed it
 * {@link AmiSignal}s in arrival order and read its state; what it decides that others must act on
 * (a screen-pop, a wrap-up, an outcome) goes to its {@link Effects}.
 */
final class QueueModel {

    private static final Logger log = LoggerFactory.getLogger(QueueModel.class);

    /** What follows from the signals; called on the applying thread, so implementations must not block. */
    interface Effects {
        /** The caller's IVR data is known while they wait: the earlier cases can be looked up now. */
        default void callerWaiting(CallLeg c) {}

        default void connected(CallLeg c) {}

        default void wrapUp(CallLeg c, long talkSeconds, String reason) {}

        default void abandoned(CallLeg c) {}

        default void outcome(CallLeg c, QueueOutcome o, long waitSeconds, Long talkSeconds) {}

        /** The call is over and a conversation file may be waiting for the recordings module. */
        default void ended(CallLeg c) {}
    }

    private final Clock clock;
    private final ServiceLevel serviceLevel;
    private final Effects effects;
    private final Supplier<List<AmiSignal>> newHold;
    private final Map<String, CallLeg> calls = new HashMap<>();
    private final Map<String, CallLeg> waiting = new LinkedHashMap<>();
    private final Map<String, AmiSignal.Member> members = new LinkedHashMap<>();
    private final PbxFacts facts = new PbxFacts();
    private List<AmiSignal> held;
    private long generation;
    private boolean connected;
    private boolean synced;
    private boolean changed;

    QueueModel(Clock clock, ServiceLevel serviceLevel, Effects effects, Supplier<List<AmiSignal>> newHold) {
        this.clock = clock;
        this.serviceLevel = serviceLevel;
        this.effects = effects;
        this.newHold = newHold;
    }

    // ------------------------------------------------------------------ reading the state

    boolean connected() { return connected; }

    boolean synced() { return synced; }

    /** Connected and re-synced: only then does the state speak for Asterisk. */
    boolean known() { return connected && synced; }

    Collection<AmiSignal.Member> members() { return members.values(); }

    /** Waiting callers, first in line first. */
    Collection<CallLeg> waiting() { return waiting.values(); }

    CallLeg call(String uniqueId) { return calls.get(uniqueId); }

    ServiceLevel serviceLevel() { return serviceLevel; }

    PbxFacts facts() { return facts; }

    /** True once after anything the published state shows has changed. */
    boolean takeChanged() {
        boolean c = changed;
        changed = false;
        return c;
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
                changed = true;
            }
            case AmiSignal.ResyncStarted r -> {
                if (r.generation() == generation) held = newHold.get();
            }
            case AmiSignal.Resync r -> {
                if (r.generation() == generation) resync(r);
            }
            case AmiSignal.Tick t -> {
                serviceLevel.rollDay();
                if (!waiting.isEmpty() || !connected) changed = true;
            }
            case AmiSignal.TotalsLoaded t -> serviceLevel.loaded(t.day(), t.totals());
            case AmiSignal.VariablesFetched f -> {
                CallLeg c = calls.get(f.uniqueId());
                if (c != null) f.variables().forEach(c.vars::putIfAbsent);
            }
            case AmiSignal.Republish r -> changed = true;
            default -> {
                if (held != null) held.add(s);
                else event(s);
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
        facts.resynced(r, now);
        members.clear();
        for (AmiSignal.Member m : r.members()) members.put(m.iface(), m);
        waiting.clear();
        for (AmiSignal.Entry e : r.entries()) {
            CallLeg c = calls.computeIfAbsent(e.uniqueId(), CallLeg::new);
            c.channel = e.channel();
            c.callerNumber = e.callerNumber();
            c.callerName = e.callerName();
            c.joinedAt = now.minusSeconds(e.waitSeconds());
            c.waiting = true;
            waiting.put(c.uniqueId, c);
        }
        Set<String> alive = new HashSet<>();
        if (r.channels() != null) for (AmiSignal.LiveChannel ch : r.channels()) alive.add(ch.uniqueId());
        Set<String> settledHere = new HashSet<>();
        for (CallLeg c : List.copyOf(calls.values())) {
            if (r.channels() == null || alive.contains(c.uniqueId)) {
                if (c.waiting && !waiting.containsKey(c.uniqueId)) c.waiting = false;
                continue;
            }
            // Ended while we could not see it: close it so the console does not show a call that is gone.
            try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
                log.info("queue call ended while AMI was down (caller {})", bounded(c.callerNumber));
            }
            ended(c, "ended-during-outage");
            settledHere.add(c.uniqueId);
        }
        synced = true;
        List<AmiSignal> replay = held;
        held = null;
        // What came about a call while the lists were read is older than the lists: a call they show gone is
        // settled above, and its held AgentComplete or Hangup must not open a second leg (a second wrap-up).
        if (replay != null) for (AmiSignal s : replay) if (!settledHere.contains(uniqueIdOf(s))) event(s);
        changed = true;
    }

    private static String uniqueIdOf(AmiSignal s) {
        return s instanceof AmiSignal.OfCall c ? c.uniqueId() : null;
    }

    private void event(AmiSignal s) {
        facts.saw(s);
        switch (s) {
            case AmiSignal.VarSet v -> varSet(v);
            case AmiSignal.CallerJoin j -> {
                CallLeg c = calls.computeIfAbsent(j.uniqueId(), CallLeg::new);
                c.channel = j.channel();
                c.callerNumber = j.callerNumber();
                c.callerName = j.callerName();
                c.vars.putAll(j.variables());
                if (c.joinedAt == null || !c.waiting) c.joinedAt = clock.instant();
                c.waiting = true;
                waiting.put(c.uniqueId, c);
                if (c.hasIvrData()) effects.callerWaiting(c);
                changed = true;
            }
            case AmiSignal.CallerLeave l -> {
                CallLeg c = waiting.remove(l.uniqueId());
                if (c != null) {
                    c.waiting = false;
                    changed = true;
                }
            }
            case AmiSignal.CallerAbandon a -> {
                CallLeg c = calls.computeIfAbsent(a.uniqueId(), CallLeg::new);
                if (c.channel.isEmpty()) c.channel = a.channel();
                if (c.callerNumber.isEmpty()) c.callerNumber = a.callerNumber();
                // Not yet an abandon: Asterisk says the same on a timeout or leave-empty. QUEUESTATUS or the
                // hang-up that follows decides.
                c.abandonedAfter = a.holdSeconds();
                c.waiting = false;
                if (waiting.remove(a.uniqueId()) != null) changed = true;
            }
            case AmiSignal.AgentConnect a -> agentConnect(a);
            case AmiSignal.AgentComplete a -> agentComplete(a);
            case AmiSignal.MemberUpdate u -> {
                members.put(u.member().iface(), u.member());
                changed = true;
            }
            case AmiSignal.MemberRemoved r -> {
                if (members.remove(r.iface()) != null) changed = true;
            }
            case AmiSignal.Hangup h -> {
                CallLeg c = calls.get(h.uniqueId());
                if (c != null) ended(c, "hangup");
            }
            case AmiSignal.MixMonitorStarted m -> {
                CallLeg c = calls.get(m.uniqueId());
                if (c != null) c.recording = true;
            }
            default -> log.debug("AMI signal not handled here: {}", s);
        }
    }

    private void varSet(AmiSignal.VarSet v) {
        CallLeg c = calls.get(v.uniqueId());
        if (c == null) {
            // Only the IVR's own variables open a call record; QUEUESTATUS of a stranger's channel is not ours.
            if (!v.variable().startsWith("LINE111_")) return;
            c = new CallLeg(v.uniqueId());
            calls.put(c.uniqueId, c);
        }
        if (v.channel() != null && !v.channel().isEmpty()) c.channel = v.channel();
        c.vars.put(v.variable(), v.value());
        if (v.variable().equals("QUEUESTATUS")) {
            QueueOutcome o = QueueOutcome.ofQueueStatus(v.value());
            if (o != null) {
                long wait = c.abandonedAfter != null ? c.abandonedAfter : c.waitedSoFar(clock.instant());
                c.abandonedAfter = null;
                c.waiting = false;
                if (waiting.remove(c.uniqueId) != null) changed = true;
                record(c, o, wait, null);
            }
        }
    }

    private void agentConnect(AmiSignal.AgentConnect a) {
        CallLeg c = calls.computeIfAbsent(a.uniqueId(), CallLeg::new);
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
        effects.connected(c);
        changed = true;
    }

    private void agentComplete(AmiSignal.AgentComplete a) {
        CallLeg c = calls.computeIfAbsent(a.uniqueId(), CallLeg::new);
        if (c.operator == null) {
            c.operator = a.iface();
            c.operatorName = a.memberName();
        }
        wrapUp(c, a.talkSeconds(), a.reason());
        record(c, QueueOutcome.ANSWERED, a.holdSeconds(), a.talkSeconds());
    }

    /** The caller's channel is gone: settle what is still open about the call and forget it. */
    private void ended(CallLeg c, String why) {
        calls.remove(c.uniqueId);
        if (waiting.remove(c.uniqueId) != null) changed = true;
        if (c.abandonedAfter != null && !c.outcomeRecorded) {
            record(c, QueueOutcome.ABANDONED, c.abandonedAfter, null);
            effects.abandoned(c);
        } else if (c.connectedAt != null && !c.wrappedUp) {
            long talk = Math.max(0, Duration.between(c.connectedAt, clock.instant()).toSeconds());
            wrapUp(c, talk, why);
            record(c, QueueOutcome.ANSWERED, c.holdSeconds, talk);
        }
        String file = c.vars.get(DialplanContract.VAR_CONVERSATION_FILE);
        if (file != null && !file.isBlank() && (c.recording || c.connectedAt != null)) effects.ended(c);
    }

    private void wrapUp(CallLeg c, long talkSeconds, String reason) {
        if (c.wrappedUp) return;
        c.wrappedUp = true;
        effects.wrapUp(c, talkSeconds, reason);
    }

    private void record(CallLeg c, QueueOutcome o, long waitSeconds, Long talkSeconds) {
        if (c.outcomeRecorded) return;
        c.outcomeRecorded = true;
        switch (o) {
            case ANSWERED -> serviceLevel.answered(waitSeconds, talkSeconds);
            case ABANDONED -> serviceLevel.abandoned();
            default -> { }
        }
        try (var _ = MDC.putCloseable("callId", bounded(c.uniqueId))) {
            log.info("queue call outcome {} after {} s in the queue", o, waitSeconds);
        }
        effects.outcome(c, o, waitSeconds, talkSeconds);
    }

    /** A hold list for tests and anything without an inbox: unbounded. */
    static Supplier<List<AmiSignal>> unboundedHold() {
        return ArrayList::new;
    }
}
