package ir.line111.core.persistence;

import ir.line111.core.domain.calls.CallEvent;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.persistence.entity.CallEntity;
import ir.line111.core.persistence.entity.CallStepEntity;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The group commit of {@link PersistentCallLog#writeAll}: many calls' events folded into JDBC batches
 * in one transaction. {@code openCalls} is the log's memory of calls known to have a row.
 */
final class CallLogBatch {

    private static final Logger log = LoggerFactory.getLogger(PersistentCallLog.class);
    /** Call ids per {@code in (...)} lookup. */
    private static final int LOOKUP_CHUNK = 500;

    private final Clock clock;
    private final Set<String> openCalls;

    CallLogBatch(Clock clock, Set<String> openCalls) {
        this.clock = clock;
        this.openCalls = openCalls;
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

    record Written(Set<String> calls, Set<String> ended) {}

    /**
     * Plain JDBC in the session's transaction: a Hibernate insert per row cost more CPU than the
     * database did. Ids come from the entities' own generators, so they never collide with rows the
     * ORM writes. {@code trustStarted}: a call first seen with "started" has no row yet (no lookup).
     */
    Written write(StatelessSession s, List<CallEvent> events, boolean trustStarted) {
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


    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
