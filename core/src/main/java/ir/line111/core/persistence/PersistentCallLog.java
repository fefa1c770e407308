package ir.line111.core.persistence;

import ir.line111.core.domain.calls.CallEvent;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.persistence.entity.CallEntity;
import ir.line111.core.persistence.entity.CallStepEntity;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The call log in {@code call_record} and {@code call_step}. A storage fault is logged (with the
 * call's id) and swallowed: the caller must not lose the call because the log could not be written.
 * Methods other than {@link #started} create the call's row if it is missing, so an entry that
 * began on another node or before a database outage still ends up complete.
 *
 * <p>{@link #writeAll} is the group commit for a writer behind the calls: many calls' events in one
 * transaction, inserts and updates JDBC-batched, and which calls in progress have rows kept in memory,
 * so a step costs a row in a batch instead of a select and an insert in a transaction of its own.
 */
public class PersistentCallLog implements CallLog {

    private static final Logger log = LoggerFactory.getLogger(PersistentCallLog.class);

    /** Calls in progress whose rows {@link #writeAll} is likely to touch again; beyond this, forget them all. */
    private static final int OPEN_CALLS_MAX = 100_000;

    private final Database db;
    private final Clock clock;
    /**
     * Calls that {@link #writeAll} knows to have a row (committed) and that have not ended: their next
     * events need no lookup. Rows are never deleted, so this can only be short of the truth.
     */
    private final Set<String> openCalls = ConcurrentHashMap.newKeySet();

    private final CallLogBatch batch;

    public PersistentCallLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batch = new CallLogBatch(clock, openCalls);
    }

    public PersistentCallLog(Database db) {
        this(db, Clock.systemUTC());
    }

    @Override
    public void started(String callId, String callerNumber, String channelName, Instant at) {
        write(callId, "started", s -> {
            CallEntity c = find(s, callId);
            if (c == null) s.persist(new CallEntity(callId, callerNumber, channelName, at == null ? clock.instant() : at));
        });
    }

    @Override
    public void step(String callId, String step, String detail) {
        write(callId, "step", s -> {
            ensure(s, callId);
            s.persist(new CallStepEntity(callId, clock.instant(), truncate(step, 100), truncate(detail, 1000), null));
        });
    }

    @Override
    public void recordingMade(String callId, long recordingId) {
        write(callId, "recordingMade", s -> {
            ensure(s, callId);
            s.persist(new CallStepEntity(callId, clock.instant(), "recording", null, recordingId));
        });
    }

    @Override
    public void caseLinked(String callId, long caseId) {
        write(callId, "caseLinked", s -> ensure(s, callId).setCaseId(caseId));
    }

    @Override
    public void ended(String callId, CallOutcome outcome, String lastStep, Instant at) {
        write(callId, "ended", s -> {
            CallEntity c = ensure(s, callId);
            c.setOutcome(outcome == null ? CallOutcome.ERROR : outcome);
            c.setLastStep(truncate(lastStep, 100));
            c.setEndedAt(at == null ? clock.instant() : at);
        });
    }

    @Override
    public void satisfaction(String callId, int score) {
        if (score < 1 || score > 5) {
            log.warn("call {}: satisfaction score {} outside 1-5 ignored", callId, score);
            return;
        }
        write(callId, "satisfaction", s -> ensure(s, callId).setSatisfaction(score));
    }

    /** The call with its path, for the console's case page and support. */
    public java.util.Optional<ir.line111.core.domain.calls.CallRecord> find(String callId) {
        return db.fromTransaction(s -> java.util.Optional.ofNullable(find(s, callId)).map(c -> record(c,
                s.createSelectionQuery("from CallStepEntity s where s.callId = :id order by s.occurredAt, s.id", CallStepEntity.class)
                        .setParameter("id", callId).getResultList().stream()
                        .map(st -> new ir.line111.core.domain.calls.CallRecord.Step(st.getOccurredAt(), st.getStep(), st.getDetail(), st.getRecordingId()))
                        .toList())));
    }

    /**
     * Calls started in [from, to), newest first, optionally of one caller number; without their steps.
     * Either bound may be null.
     */
    public java.util.List<ir.line111.core.domain.calls.CallRecord> between(Instant from, Instant to, String callerNumber, int limit) {
        StringBuilder hql = new StringBuilder("from CallEntity c where 1 = 1");
        if (from != null) hql.append(" and c.startedAt >= :from");
        if (to != null) hql.append(" and c.startedAt < :to");
        if (callerNumber != null && !callerNumber.isBlank()) hql.append(" and c.callerNumber = :caller");
        hql.append(" order by c.startedAt desc nulls last, c.id desc");
        return db.fromTransaction(s -> {
            var q = s.createSelectionQuery(hql.toString(), CallEntity.class);
            if (from != null) q.setParameter("from", from);
            if (to != null) q.setParameter("to", to);
            if (callerNumber != null && !callerNumber.isBlank()) q.setParameter("caller", callerNumber.strip());
            return q.setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList().stream()
                    .map(c -> record(c, java.util.List.of())).toList();
        });
    }

    private static ir.line111.core.domain.calls.CallRecord record(CallEntity c, java.util.List<ir.line111.core.domain.calls.CallRecord.Step> steps) {
        return new ir.line111.core.domain.calls.CallRecord(c.getCallId(), c.getCallerNumber(), c.getChannelName(), c.getStartedAt(),
                c.getEndedAt(), c.getOutcome(), c.getLastStep(), c.getCaseId(), c.getSatisfaction(), steps);
    }

    /**
     * Writes {@code events} (many calls', in order) in one transaction. When that fails and the
     * database answers, the fault was an event's: each is then written on its own and a bad one
     * logged and skipped, as the single methods do. When the database does not answer, throws
     * {@link CallLogUnavailableException} and nothing was written: the caller retries the same list.
     */
    @Override
    public void writeAll(List<? extends CallEvent> events) {
        List<CallEvent> valid = new ArrayList<>(events.size());
        for (CallEvent e : events) {
            if (e.callId() == null || e.callId().isBlank()) log.warn("call log {}: no call id, nothing written", e.getClass().getSimpleName());
            else valid.add(e);
        }
        if (valid.isEmpty()) return;
        try {
            remember(db.fromStatelessTransaction(s -> batch.write(s, valid, true)));
            return;
        } catch (RuntimeException e) {
            if (!reachable()) throw new CallLogUnavailableException("call log: database unreachable: " + e, e);
        }
        try {
            // A call "started" that already had a row (the first try trusts that it has none), or a bad event.
            remember(db.fromStatelessTransaction(s -> batch.write(s, valid, false)));
            return;
        } catch (RuntimeException e) {
            if (!reachable()) throw new CallLogUnavailableException("call log: database unreachable: " + e, e);
        }
        for (CallEvent one : valid) writeOne(one);
    }

    private void writeOne(CallEvent event) {
        try {
            remember(db.fromStatelessTransaction(s -> batch.write(s, List.of(event), false)));
        } catch (RuntimeException e) {
            String previous = MDC.get("callId");
            MDC.put("callId", event.callId());
            try {
                log.error("call log {} for call {} not written: {}", event.getClass().getSimpleName(), event.callId(), e.toString());
            } finally {
                if (previous == null) MDC.remove("callId"); else MDC.put("callId", previous);
            }
        }
    }

    /** After a commit: the batch's calls have rows; those that ended are not expected back. */
    private void remember(CallLogBatch.Written w) {
        if (openCalls.size() > OPEN_CALLS_MAX) openCalls.clear(); // calls that never ended (a crash): only a cache
        for (String id : w.calls()) {
            if (w.ended().contains(id)) openCalls.remove(id);
            else openCalls.add(id);
        }
    }

    private boolean reachable() {
        try (Connection c = db.dataSource().getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void write(String callId, String what, Consumer<Session> work) {
        if (callId == null || callId.isBlank()) {
            log.warn("call log {}: no call id, nothing written", what);
            return;
        }
        try {
            try {
                db.inTransaction(work);
            } catch (RuntimeException first) {
                // two writes for a call not yet logged may both create its row; the loser finds it on a second try
                db.inTransaction(work);
            }
        } catch (RuntimeException e) {
            String previous = MDC.get("callId");
            MDC.put("callId", callId);
            try {
                log.error("call log {} for call {} not written: {}", what, callId, e.toString());
            } finally {
                if (previous == null) MDC.remove("callId"); else MDC.put("callId", previous);
            }
        }
    }

    private static CallEntity find(Session s, String callId) {
        return s.createSelectionQuery("from CallEntity c where c.callId = :id", CallEntity.class)
                .setParameter("id", callId).getResultList().stream().findFirst().orElse(null);
    }

    private CallEntity ensure(Session s, String callId) {
        CallEntity c = find(s, callId);
        if (c == null) {
            c = new CallEntity(callId, null, null, null);
            s.persist(c);
        }
        return c;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
