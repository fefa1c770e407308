package ir.line111.console.store;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.Relation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads cases and their timelines from core's tables for the console's lists and pages. */
public final class CaseQueries {

    /** One timeline entry of {@code case_event}. */
    public record EventRow(long id, Instant at, String actor, String type, String detail, CaseStatus from,
                           CaseStatus to, String callId, Long recordingId, String params) {}

    public record Page(List<CaseRow> items, int page, int size, boolean hasMore) {}

    static final String COLUMNS = "c.id, c.tracking_code, c.kind, c.channel, c.status, c.subject_national_id, "
            + "c.subject_id_verified, c.subject_relation, c.subject_full_name, c.agency_id, a.name as agency_name, "
            + "c.summary, %s as description, c.deadline_class, c.due_at, c.registered_at, c.registered_by, c.caller_number, "
            + "c.call_id, c.spoken_id_recording_id, c.message_recording_id, c.duplicate_of, c.objection_count, "
            + "%s as answer, c.answered_at, c.closed_at, c.row_version";
    private static final String LIST_COLUMNS = COLUMNS.formatted("null", "null");
    private static final String FULL_COLUMNS = COLUMNS.formatted("c.description", "c.answer");
    private static final String FROM = " from case_record c left join agency a on a.id = c.agency_id";

    private final Jdbc jdbc;
    private final Clock clock;

    public CaseQueries(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page search(CaseQuery q) {
        StringBuilder where = new StringBuilder(" where 1=1");
        List<Object> args = new ArrayList<>();
        if (q.trackingCode() != null) { where.append(" and c.tracking_code = ?"); args.add(q.trackingCode()); }
        if (q.nationalId() != null) { where.append(" and c.subject_national_id = ?"); args.add(q.nationalId()); }
        if (q.callerNumber() != null) { where.append(" and c.caller_number = ?"); args.add(q.callerNumber()); }
        if (q.agencyId() != null) { where.append(" and c.agency_id = ?"); args.add(q.agencyId()); }
        if (q.kind() != null) { where.append(" and c.kind = ?"); args.add(q.kind().name()); }
        if (q.status() != null) { where.append(" and c.status = ?"); args.add(q.status().name()); }
        if (q.channel() != null) { where.append(" and c.channel = ?"); args.add(q.channel().name()); }
        if (q.onlyChannel() != null) { where.append(" and c.channel = ?"); args.add(q.onlyChannel().name()); }
        if (q.from() != null) { where.append(" and c.registered_at >= ?"); args.add(q.from()); }
        if (q.to() != null) { where.append(" and c.registered_at < ?"); args.add(q.to()); }
        boolean dueOrder = q.dueBefore() != null || Boolean.TRUE.equals(q.overdue());
        if (q.dueBefore() != null) {
            where.append(" and c.status not in ('CLOSED', 'AWAITING_TRANSCRIPTION') and c.due_at < ?");
            args.add(q.dueBefore());
        }
        if (q.overdue() != null) {
            where.append(q.overdue()
                    ? " and c.status not in ('CLOSED', 'AWAITING_TRANSCRIPTION') and c.due_at < ?"
                    : " and (c.status in ('CLOSED', 'AWAITING_TRANSCRIPTION') or c.due_at is null or c.due_at >= ?)");
            args.add(clock.instant());
        }
        String order = dueOrder ? " order by c.due_at asc, c.id asc" : " order by c.registered_at desc, c.id desc";
        args.add(q.size() + 1);
        args.add((long) q.page() * q.size());
        List<CaseRow> rows = jdbc.list("select " + LIST_COLUMNS + FROM + where + order + " limit ? offset ?",
                CaseQueries::row, args.toArray());
        boolean more = rows.size() > q.size();
        return new Page(more ? rows.subList(0, q.size()) : rows, q.page(), q.size(), more);
    }

    public Optional<CaseRow> find(long id) {
        return jdbc.one("select " + FULL_COLUMNS + FROM + " where c.id = ?", CaseQueries::row, id);
    }

    public List<EventRow> timeline(long caseId) {
        return jdbc.list("select id, occurred_at, actor, event_type, detail, from_status, to_status, call_id, recording_id, params "
                + "from case_event where case_id = ? order by occurred_at, id", rs -> new EventRow(
                rs.getLong("id"), Jdbc.instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("event_type"),
                rs.getString("detail"), status(rs.getString("from_status")), status(rs.getString("to_status")),
                rs.getString("call_id"), Jdbc.longOrNull(rs, "recording_id"), rs.getString("params")), caseId);
    }

    /** The case a recording belongs to (message, spoken ID, or a timeline entry), if any. */
    public Optional<Long> caseOfRecording(long recordingId) {
        return jdbc.one("select id from case_record where message_recording_id = ? or spoken_id_recording_id = ? "
                        + "union select case_id from case_event where recording_id = ?",
                rs -> rs.getLong(1), recordingId, recordingId, recordingId);
    }

    /** The calls a case knows of: the one it was registered from, and those its events came from. */
    public java.util.Set<String> callsOf(long caseId) {
        return new java.util.HashSet<>(jdbc.list("select call_id from case_record where id = ? and call_id is not null "
                + "union select call_id from case_event where case_id = ? and call_id is not null", rs -> rs.getString(1), caseId, caseId));
    }

    static CaseRow row(ResultSet rs) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("tracking_code"), en(CaseKind.class, rs.getString("kind")),
                en(Channel.class, rs.getString("channel")), status(rs.getString("status")),
                rs.getString("subject_national_id"), rs.getBoolean("subject_id_verified"),
                en(Relation.class, rs.getString("subject_relation")), rs.getString("subject_full_name"),
                Jdbc.longOrNull(rs, "agency_id"), rs.getString("agency_name"), rs.getString("summary"),
                rs.getString("description"), en(DeadlineClass.class, rs.getString("deadline_class")),
                Jdbc.instant(rs, "due_at"), Jdbc.instant(rs, "registered_at"), rs.getString("registered_by"),
                rs.getString("caller_number"), rs.getString("call_id"), Jdbc.longOrNull(rs, "spoken_id_recording_id"),
                Jdbc.longOrNull(rs, "message_recording_id"), Jdbc.longOrNull(rs, "duplicate_of"),
                rs.getInt("objection_count"), rs.getString("answer"), Jdbc.instant(rs, "answered_at"),
                Jdbc.instant(rs, "closed_at"), rs.getInt("row_version"));
    }

    static CaseStatus status(String s) { return en(CaseStatus.class, s); }

    static <E extends Enum<E>> E en(Class<E> type, String s) {
        if (s == null) return null;
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
