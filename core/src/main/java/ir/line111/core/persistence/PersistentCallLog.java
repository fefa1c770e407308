package ir.line111.core.persistence;

import ir.line111.core.domain.calls.CallEvent;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.persistence.entity.CallEntity;
import ir.line111.core.persistence.entity.CallStepEntity;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Call ids per {@code in (...)} lookup. */
    private static final int LOOKUP_CHUNK = 500;

    private final Database db;
    private final Clock clock;
    /**
     * Calls that {@link #writeAll} knows to have a row (committed) and that have not ended: their next
     * events need no lookup. Rows are never deleted, so this can only be short of the truth.
     */
    private final Set<String> openCalls = ConcurrentHashMap.newKeySet();

    public PersistentCallLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
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
            remember(db.fromStatelessTransaction(s -> writeBatch(s, valid, true)));
            return;
        } catch (RuntimeException e) {
            if (!reachable()) throw new CallLogUnavailableException("call log: database unreachable: " + e, e);
        }
        try {
            // A call "started" that already had a row (the first try trusts that it has none), or a bad event.
            remember(db.fromStatelessTransaction(s -> writeBatch(s, valid, false)));
            return;
        } catch (RuntimeException e) {
            if (!reachable()) throw new CallLogUnavailableException("call log: database unreachable: " + e, e);
        }
        for (CallEvent one : valid) writeOne(one);
    }

    private void writeOne(CallEvent event) {
        try {
            remember(db.fromStatelessTransaction(s -> writeBatch(s, List.of(event), false)));
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

    /** A {@code call_record} row the batch inserts, with what the batch says of the call folded in. */
    private static final class NewRow {
        final String callId;
        String callerNumber;
        String channelName;
        Instant startedAt;
        Instant endedAt;
        CallOutcome outcome = CallOutcome.IN_PROGRESS;
        String lastStep;
        Long caseId;
        Integer satisfaction;

        NewRow(String callId) {
            this.callId = callId;
        }
    }

    private record Written(Set<String> calls, Set<String> ended) {}

    /**
     * Plain JDBC in the session's transaction: a Hibernate insert per row cost more CPU than the
     * database did. Ids come from the entities' own generators, so they never collide with rows the
     * ORM writes. {@code trustStarted}: a call first seen with "started" has no row yet (no lookup).
     */
    private Written writeBatch(StatelessSession s, List<CallEvent> events, boolean trustStarted) {
        Set<String> known = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (CallEvent e : events) {
            String id = e.callId();
            if (!seen.add(id)) continue;
            if (openCalls.contains(id)) known.add(id);
            else if (!(trustStarted && e instanceof CallEvent.Started)) unknown.add(id);
        }
        Map<String, NewRow> fresh = new LinkedHashMap<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> ends = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        Set<String> ended = new HashSet<>();
        s.doWork(c -> {
            for (int i = 0; i < unknown.size(); i += LOOKUP_CHUNK) {
                List<String> chunk = unknown.subList(i, Math.min(unknown.size(), i + LOOKUP_CHUNK));
                try (PreparedStatement ps = c.prepareStatement("select call_id from call_record where call_id in ("
                        + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                    for (int j = 0; j < chunk.size(); j++) ps.setString(j + 1, chunk.get(j));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) known.add(rs.getString(1));
                    }
                }
            }
        });
        for (CallEvent e : events) {
            String id = e.callId();
            Instant at = e.at() == null ? clock.instant() : e.at();
            boolean has = known.contains(id);
            switch (e) {
                case CallEvent.Started st -> {
                    if (!has && !fresh.containsKey(id)) {
                        NewRow r = new NewRow(id);
                        r.callerNumber = st.callerNumber();
                        r.channelName = st.channelName();
                        r.startedAt = at;
                        fresh.put(id, r);
                    }
                }
                case CallEvent.Step st -> {
                    if (!has) fresh.computeIfAbsent(id, NewRow::new);
                    steps.add(new Object[]{id, at, truncate(st.step(), 100), truncate(st.detail(), 1000), null});
                }
                case CallEvent.RecordingMade r -> {
                    if (!has) fresh.computeIfAbsent(id, NewRow::new);
                    steps.add(new Object[]{id, at, "recording", null, r.recordingId()});
                }
                case CallEvent.CaseLinked cl -> {
                    if (has) links.add(new Object[]{cl.caseId(), id});
                    else fresh.computeIfAbsent(id, NewRow::new).caseId = cl.caseId();
                }
                case CallEvent.Ended en -> {
                    CallOutcome outcome = en.outcome() == null ? CallOutcome.ERROR : en.outcome();
                    String last = truncate(en.lastStep(), 100);
                    if (has) {
                        ends.add(new Object[]{outcome.name(), last, at, id});
                    } else {
                        NewRow r = fresh.computeIfAbsent(id, NewRow::new);
                        r.outcome = outcome;
                        r.lastStep = last;
                        r.endedAt = at;
                    }
                    ended.add(id);
                }
                case CallEvent.Satisfaction sa -> {
                    if (sa.score() < 1 || sa.score() > 5) log.warn("call {}: satisfaction score {} outside 1-5 ignored", id, sa.score());
                    else if (has) scores.add(new Object[]{sa.score(), id});
                    else fresh.computeIfAbsent(id, NewRow::new).satisfaction = sa.score();
                }
            }
        }
        long[] callIds = ids(s, CallEntity.class, fresh.size());
        long[] stepIds = ids(s, CallStepEntity.class, steps.size());
        s.doWork(c -> {
            if (!fresh.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into call_record (id, call_id, caller_number, channel_name, "
                        + "started_at, ended_at, outcome, last_step, case_id, satisfaction) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int i = 0;
                    for (NewRow r : fresh.values()) {
                        ps.setLong(1, callIds[i++]);
                        ps.setString(2, r.callId);
                        ps.setString(3, r.callerNumber);
                        ps.setString(4, r.channelName);
                        setInstant(ps, 5, r.startedAt);
                        setInstant(ps, 6, r.endedAt);
                        ps.setString(7, r.outcome.name());
                        ps.setString(8, r.lastStep);
                        setLong(ps, 9, r.caseId);
                        if (r.satisfaction == null) ps.setNull(10, Types.INTEGER); else ps.setInt(10, r.satisfaction);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!steps.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into call_step (id, call_id, occurred_at, step, detail, recording_id) values (?, ?, ?, ?, ?, ?)")) {
                    int i = 0;
                    for (Object[] st : steps) {
                        ps.setLong(1, stepIds[i++]);
                        ps.setString(2, (String) st[0]);
                        setInstant(ps, 3, (Instant) st[1]);
                        ps.setString(4, (String) st[2]);
                        ps.setString(5, (String) st[3]);
                        setLong(ps, 6, (Long) st[4]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            // Only the columns an event speaks of: a change made elsewhere to the row is kept.
            if (!links.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update call_record set case_id = ? where call_id = ?")) {
                    for (Object[] l : links) {
                        ps.setLong(1, (Long) l[0]);
                        ps.setString(2, (String) l[1]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!ends.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update call_record set outcome = ?, last_step = ?, ended_at = ? where call_id = ?")) {
                    for (Object[] en : ends) {
                        ps.setString(1, (String) en[0]);
                        ps.setString(2, (String) en[1]);
                        setInstant(ps, 3, (Instant) en[2]);
                        ps.setString(4, (String) en[3]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!scores.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update call_record set satisfaction = ? where call_id = ?")) {
                    for (Object[] sc : scores) {
                        ps.setInt(1, (Integer) sc[0]);
                        ps.setString(2, (String) sc[1]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        });
        return new Written(seen, ended);
    }

    /** {@code n} ids from the entity's own generator (its pooled sequence), shared with the ORM. */
    private static long[] ids(StatelessSession s, Class<?> entity, int n) {
        long[] ids = new long[n];
        if (n == 0) return ids;
        SharedSessionContractImplementor session = (SharedSessionContractImplementor) s;
        BeforeExecutionGenerator generator = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entity).getGenerator();
        for (int i = 0; i < n; i++) ids[i] = ((Number) generator.generate(session, null, null, EventType.INSERT)).longValue();
        return ids;
    }

    private static void setInstant(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, v);
    }

    /** After a commit: the batch's calls have rows; those that ended are not expected back. */
    private void remember(Written w) {
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
