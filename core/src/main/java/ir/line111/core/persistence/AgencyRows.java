package ir.line111.core.persistence;

import ir.line111.core.domain.agencydesk.Attachment;
import ir.line111.core.domain.agencydesk.CaseFlags;
import ir.line111.core.domain.agencydesk.DeskOrder;
import ir.line111.core.domain.agencydesk.ExtensionRequest;
import ir.line111.core.domain.agencydesk.InboxItem;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.tracking.TrackingCode;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plain SQL over the issue-16 tables (case_flag, case_extension_request, case_attachment, board_*), inside a Hibernate session. */
final class AgencyRows {
    private AgencyRows() {}

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Session s, String sql, Mapper<T> mapper, Object... args) {
        s.flush();
        return s.doReturningWork(conn -> {
            try (PreparedStatement ps = prepare(conn, sql, args); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(mapper.map(rs));
                return out;
            }
        });
    }

    static int update(Session s, String sql, Object... args) {
        s.flush();
        return s.doReturningWork(conn -> {
            try (PreparedStatement ps = prepare(conn, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    /** An insert into a table with an identity id; returns the id. */
    static long insert(Session s, String sql, Object... args) {
        s.flush();
        return s.doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql, new String[]{"id"})) {
                bind(ps, args);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static PreparedStatement prepare(Connection conn, String sql, Object[] args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        bind(ps, args);
        return ps;
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            else if (a instanceof Enum<?> e) ps.setString(i + 1, e.name());
            else ps.setObject(i + 1, a);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String v) {
        return v == null ? null : Enum.valueOf(type, v);
    }

    // ---------------------------------------------------------------- flags

    static CaseFlags flags(Session s, long caseId) {
        return query(s, "select * from case_flag where case_id = ?", rs -> new CaseFlags(rs.getBoolean("urgent"), rs.getString("urgent_reason"),
                instant(rs, "urgent_at"), rs.getBoolean("recordings_shared"), rs.getBoolean("national_id_needed"), instant(rs, "escalated_at")),
                caseId).stream().findFirst().orElse(CaseFlags.NONE);
    }

    static void saveFlags(Session s, long caseId, CaseFlags f, Instant now) {
        Object[] values = {f.urgent(), f.urgentReason(), f.urgentAt(), f.recordingsShared(), f.nationalIdNeeded(), f.escalatedAt(), now, caseId};
        int n = update(s, "update case_flag set urgent = ?, urgent_reason = ?, urgent_at = ?, recordings_shared = ?, national_id_needed = ?, "
                + "escalated_at = ?, updated_at = ? where case_id = ?", values);
        if (n == 0) {
            update(s, "insert into case_flag (urgent, urgent_reason, urgent_at, recordings_shared, national_id_needed, escalated_at, updated_at, case_id) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    // ---------------------------------------------------------------- work lists

    /** The statuses in which the agency owes an answer (the board's own answer is the board's). */
    static final List<CaseStatus> AT_AGENCY = List.of(CaseStatus.REFERRED, CaseStatus.OBJECTION_1);

    static String inList(List<CaseStatus> statuses) {
        return statuses.stream().map(st -> "'" + st.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** Cases referred to their agency: still with it and with a referral on the timeline. */
    static final String REFERRED_TO_AGENCY = "c.agency_id is not null and exists (select 1 from case_event e where e.case_id = c.id and e.event_type = 'REFERRED')";

    static final String PENDING_COMPLIANCE = "exists (select 1 from board_agenda_item b where b.case_id = c.id and b.verdict is not null and b.complied_at is null)";

    private static final String ITEM_SELECT = "select c.id, c.tracking_code, c.kind, c.status, c.summary, c.agency_id, a.name as agency_name, "
            + "c.deadline_class, c.registered_at, c.due_at, f.urgent, f.urgent_reason, "
            + "(select max(b.comply_by) from board_agenda_item b where b.case_id = c.id and b.verdict is not null and b.complied_at is null) as comply_by "
            + "from case_record c left join agency a on a.id = c.agency_id left join case_flag f on f.case_id = c.id where ";

    /** The cases matching {@code where}, at most 1000, in {@link DeskOrder}. */
    static List<InboxItem> items(Session s, Instant now, String where, Object... args) {
        List<InboxItem> items = new ArrayList<>(query(s, ITEM_SELECT + where, rs -> item(rs, now), args));
        items.sort(DeskOrder.comparator(now));
        return items.size() > 1000 ? List.copyOf(items.subList(0, 1000)) : items;
    }

    private static InboxItem item(ResultSet rs, Instant now) throws SQLException {
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        Instant due = instant(rs, "due_at");
        return new InboxItem(rs.getLong("id"), new TrackingCode(rs.getString("tracking_code")), enumOrNull(CaseKind.class, rs.getString("kind")),
                status, rs.getString("summary"), longOrNull(rs, "agency_id"), rs.getString("agency_name"),
                enumOrNull(DeadlineClass.class, rs.getString("deadline_class")), instant(rs, "registered_at"), due,
                rs.getBoolean("urgent"), rs.getString("urgent_reason"), CaseRules.overdue(status, due, now), instant(rs, "comply_by"));
    }

    // ---------------------------------------------------------------- attachments and extension requests

    static List<Attachment> attachments(Session s, String where, Object... args) {
        return query(s, "select * from case_attachment where " + where + " order by id", rs -> new Attachment(rs.getLong("id"), rs.getLong("case_id"),
                rs.getLong("agency_id"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("stored_name"),
                rs.getString("sha256"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")), args);
    }

    static List<ExtensionRequest> extensions(Session s, String where, Object... args) {
        return query(s, "select r.*, c.tracking_code, a.name as agency_name from case_extension_request r join case_record c on c.id = r.case_id "
                + "left join agency a on a.id = r.agency_id where " + where + " order by r.requested_at, r.id", rs -> new ExtensionRequest(rs.getLong("id"),
                rs.getLong("case_id"), new TrackingCode(rs.getString("tracking_code")), rs.getLong("agency_id"), rs.getString("agency_name"),
                DeadlineClass.valueOf(rs.getString("from_class")), DeadlineClass.valueOf(rs.getString("requested_class")), rs.getString("reason"),
                rs.getString("requested_by"), instant(rs, "requested_at"), enumOrNull(ExtensionRequest.Decision.class, rs.getString("decision")),
                rs.getString("decided_by"), instant(rs, "decided_at")), args);
    }

    static Optional<ExtensionRequest> extension(Session s, long id) {
        return extensions(s, "r.id = ?", id).stream().findFirst();
    }
}
