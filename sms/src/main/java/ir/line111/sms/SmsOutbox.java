package ir.line111.sms;

import ir.line111.core.domain.calls.MobileNumber;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.SqlTransactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
 * The outbox tables ({@code sms_outbox}, {@code sms_segment}, {@code sms_receipt}; migration V400),
 * owned by this class alone. Rows are claimed with a conditional update, so two senders over one
 * database (two nodes, or a restart while the old one still runs) never submit the same row.
 */
public final class SmsOutbox {

    public enum State { PENDING, SUBMITTED, DELIVERED, FAILED }

    /** A claimed row: what to send, and which parts the centre already accepted in an earlier attempt. */
    public record Claimed(long id, SmsKind kind, String destination, TrackingCode code, int attempts, Set<Integer> acceptedParts) {}

    /** A row for the supervisors' list: the number masked, no text. */
    public record Listed(long id, long caseId, String trackingCode, SmsKind kind, String destination, State state,
                         int attempts, String lastError, Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {}

    private final DataSource ds;

    public SmsOutbox(DataSource ds) {
        this.ds = ds;
    }

    /** Adds a row on {@code c}, in the caller's transaction; false when the event already has one of this kind. */
    public static boolean enqueue(Connection c, long caseEventId, long caseId, SmsKind kind, MobileNumber to,
                                  TrackingCode code, int parts, Instant now) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("select 1 from sms_outbox where case_event_id = ? and kind = ?")) {
            exists.setLong(1, caseEventId);
            exists.setString(2, kind.name());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into sms_outbox (case_event_id, case_id, kind, destination, tracking_code, "
                + "state, attempts, next_attempt_at, parts, created_at, updated_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)")) {
            ps.setLong(1, caseEventId);
            ps.setLong(2, caseId);
            ps.setString(3, kind.name());
            ps.setString(4, to.international());
            ps.setString(5, code.digits());
            ps.setObject(6, ts(now));
            ps.setInt(7, parts);
            ps.setObject(8, ts(now));
            ps.setObject(9, ts(now));
            ps.executeUpdate();
            return true;
        }
    }

    /**
     * Claims up to {@code limit} rows that are due: each gets one more attempt and is hidden from other
     * senders for {@code lease} (a sender that dies mid-submit leaves it due again after that).
     */
    public List<Claimed> claimDue(Instant now, int limit, Duration lease) throws SQLException {
        List<Long> due = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from sms_outbox where state = 'PENDING' and next_attempt_at <= ? "
                     + "order by next_attempt_at, id fetch first " + limit + " rows only")) {
            ps.setObject(1, ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) due.add(rs.getLong(1));
            }
        }
        List<Claimed> out = new ArrayList<>();
        for (long id : due) {
            Claimed claimed = SqlTransactions.inTransaction(ds, c -> {
                try (PreparedStatement up = c.prepareStatement("update sms_outbox set attempts = attempts + 1, next_attempt_at = ?, updated_at = ? "
                        + "where id = ? and state = 'PENDING' and next_attempt_at <= ?")) {
                    up.setObject(1, ts(now.plus(lease)));
                    up.setObject(2, ts(now));
                    up.setLong(3, id);
                    up.setObject(4, ts(now));
                    if (up.executeUpdate() != 1) return null; // another sender took it
                }
                return load(c, id);
            });
            if (claimed != null) out.add(claimed);
        }
        return out;
    }

    private static Claimed load(Connection c, long id) throws SQLException {
        Set<Integer> accepted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select part_no from sms_segment where outbox_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) accepted.add(rs.getInt(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select kind, destination, tracking_code, attempts from sms_outbox where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new Claimed(id, SmsKind.valueOf(rs.getString(1)), rs.getString(2), new TrackingCode(rs.getString(3)),
                        rs.getInt(4), Set.copyOf(accepted));
            }
        }
    }

    /** The centre accepted part {@code partNo} and named it {@code messageId}. */
    public void partAccepted(long id, int partNo, String messageId, Instant submittedAt) throws SQLException {
        SqlTransactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into sms_segment (outbox_id, part_no, message_id, submitted_at) values (?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setInt(2, partNo);
                ps.setString(3, messageId);
                ps.setObject(4, ts(submittedAt));
                return ps.executeUpdate();
            }
        });
    }

    /** Every part was accepted: SUBMITTED, then whatever receipts are already in. */
    public void submitted(long id, int parts, Instant now) throws SQLException {
        SqlTransactions.inTransaction(ds, c -> update(c, "update sms_outbox set state = 'SUBMITTED', parts = ?, submitted_at = ?, updated_at = ?, last_error = null "
                + "where id = ? and state = 'PENDING'", parts, ts(now), ts(now), id));
        reconcile(id, now);
    }

    /** The centre refused: retried after {@code backoff}, or FAILED once {@code attempts} reached {@code maxAttempts} or when {@code permanent}. */
    public State refused(long id, int attempts, int maxAttempts, boolean permanent, Duration backoff, String error, Instant now) throws SQLException {
        boolean fail = permanent || attempts >= maxAttempts;
        SqlTransactions.inTransaction(ds, c -> fail
                ? update(c, "update sms_outbox set state = 'FAILED', finished_at = ?, updated_at = ?, last_error = ? where id = ? and state = 'PENDING'",
                        ts(now), ts(now), cut(error), id)
                : update(c, "update sms_outbox set next_attempt_at = ?, updated_at = ?, last_error = ? where id = ? and state = 'PENDING'",
                        ts(now.plus(backoff)), ts(now), cut(error), id));
        return fail ? State.FAILED : State.PENDING;
    }

    /** The link broke before an answer: not the centre's refusal, so the attempt is given back and the row is due at once. */
    public void released(long id, String error, Instant now) throws SQLException {
        SqlTransactions.inTransaction(ds, c -> update(c, "update sms_outbox set attempts = attempts - 1, next_attempt_at = ?, updated_at = ?, last_error = ? "
                + "where id = ? and state = 'PENDING'", ts(now), ts(now), cut(error), id));
    }

    /**
     * A delivery receipt for {@code messageId}; applied to its message now, or when its submit_sm_resp is
     * written down (the id must be the one submit_sm_resp gave: receipts' receipted_message_id TLV is
     * preferred over the id in their text for that reason).
     */
    public void receipt(String messageId, String receiptState, String errorCode, Instant now) throws SQLException {
        Long outbox = SqlTransactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into sms_receipt (message_id, receipt_state, error_code, received_at) values (?, ?, ?, ?)")) {
                ps.setString(1, messageId);
                ps.setString(2, receiptState);
                ps.setString(3, errorCode);
                ps.setObject(4, ts(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("select outbox_id from sms_segment where message_id = ? order by submitted_at desc fetch first 1 rows only")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
        if (outbox != null) reconcile(outbox, now);
    }

    /** Whether a submitted message's parts all have a final receipt: DELIVERED, or FAILED naming the first bad one. */
    void reconcile(long id, Instant now) throws SQLException {
        SqlTransactions.inTransaction(ds, c -> {
            int parts;
            try (PreparedStatement ps = c.prepareStatement("select parts from sms_outbox where id = ? and state = 'SUBMITTED'")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    parts = rs.getInt(1);
                }
            }
            Map<Integer, String> finals = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select s.part_no, r.receipt_state, r.error_code from sms_segment s join sms_receipt r "
                    + "on r.message_id = s.message_id and r.received_at >= s.submitted_at where s.outbox_id = ? order by s.part_no, r.received_at")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String st = rs.getString(2);
                        if (!isFinal(st)) continue;
                        String err = rs.getString(3);
                        finals.put(rs.getInt(1), err == null || err.isBlank() || "000".equals(err) ? st : st + " (err " + err + ")");
                    }
                }
            }
            var bad = finals.entrySet().stream().filter(e -> !e.getValue().startsWith("DELIVRD")).findFirst();
            if (bad.isPresent()) {
                update(c, "update sms_outbox set state = 'FAILED', finished_at = ?, updated_at = ?, last_error = ? where id = ? and state = 'SUBMITTED'",
                        ts(now), ts(now), cut("part " + bad.get().getKey() + " not delivered: " + bad.get().getValue()), id);
            } else if (finals.size() >= parts) {
                update(c, "update sms_outbox set state = 'DELIVERED', finished_at = ?, updated_at = ? where id = ? and state = 'SUBMITTED'",
                        ts(now), ts(now), id);
            }
            return null;
        });
    }

    /**
     * Reconciles the submitted messages whose receipts are all in (or one of which says undelivered):
     * a receipt whose own reconcile lost a race with the submit, or failed, is applied here. The sender
     * runs it every tick; it finds only rows that are ready to change.
     */
    public int reconcileReady(Instant now) throws SQLException {
        List<Long> ready = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select o.id from sms_outbox o join sms_segment s on s.outbox_id = o.id "
                     + "join sms_receipt r on r.message_id = s.message_id and r.received_at >= s.submitted_at "
                     + "where o.state = 'SUBMITTED' and r.receipt_state not in ('ENROUTE', 'ACCEPTD') group by o.id, o.parts "
                     + "having count(distinct s.part_no) >= o.parts or sum(case when r.receipt_state <> 'DELIVRD' then 1 else 0 end) > 0 "
                     + "fetch first 100 rows only");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ready.add(rs.getLong(1));
        }
        for (long id : ready) reconcile(id, now);
        return ready.size();
    }

    /** ENROUTE and ACCEPTD are on the way; every other stat of a receipt is the end of the road. */
    static boolean isFinal(String receiptState) {
        return receiptState != null && !receiptState.equals("ENROUTE") && !receiptState.equals("ACCEPTD");
    }

    /** Rows in {@code state}, newest first. */
    public List<Listed> list(State state, int limit) throws SQLException {
        List<Listed> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, case_id, tracking_code, kind, destination, state, attempts, last_error, created_at, updated_at, next_attempt_at "
                     + "from sms_outbox where state = ? order by updated_at desc, id desc fetch first " + Math.max(1, Math.min(limit, 1000)) + " rows only")) {
            ps.setString(1, state.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dest = rs.getString(5);
                    String masked = MobileNumber.parse(dest).map(MobileNumber::masked).orElse("?");
                    out.add(new Listed(rs.getLong(1), rs.getLong(2), rs.getString(3), SmsKind.valueOf(rs.getString(4)), masked,
                            State.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getObject(11, OffsetDateTime.class).toInstant(),
                            rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    /** How many rows are in each state (every state named, zeros included). */
    public Map<State, Long> counts() throws SQLException {
        Map<State, Long> out = new LinkedHashMap<>();
        for (State s : State.values()) out.put(s, 0L);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select state, count(*) from sms_outbox group by state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(State.valueOf(rs.getString(1)), rs.getLong(2));
        }
        return out;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }

    static OffsetDateTime ts(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
