package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.ivr.DialplanContract;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's queue leg, from the IVR's first VarSet (or the queue join) to the hang-up. Mutable and
 * owned by the monitor's one thread; the futures are the monitor's (prefetched earlier cases, the
 * screen-pop the wrap-up must follow).
 */
final class CallLeg {
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
    /** Whose earlier cases {@link #earlier} holds (null: nobody's). */
    ir.line111.core.domain.identity.NationalId earlierOf;
    private Map<String, String> factsFrom;
    private CallerFacts facts;

    CallLeg(String uniqueId) { this.uniqueId = uniqueId; }

    String callId() {
        String v = vars.get(DialplanContract.VAR_CALL_ID);
        return v == null || v.isBlank() ? uniqueId : v;
    }

    /** The IVR's variables, parsed once (again only when one of them has changed since). */
    CallerFacts facts() {
        if (facts == null || !vars.equals(factsFrom)) {
            factsFrom = new HashMap<>(vars);
            facts = CallerFacts.of(factsFrom);
        }
        return facts;
    }

    boolean hasIvrData() {
        return vars.containsKey(DialplanContract.VAR_CALL_ID);
    }

    long waitedSoFar(Instant now) {
        return joinedAt == null ? 0 : Math.max(0, Duration.between(joinedAt, now).toSeconds());
    }
}
