package ir.line111.ivr.ami;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@link QueueCallStore} on table ami_queue_calls (migration V200), plain JDBC, H2 and PostgreSQL alike. */
public final class JdbcQueueCallStore implements QueueCallStore {

    /** SQLSTATE for a unique-constraint violation on both H2 and PostgreSQL. */

    private final DataSource dataSource;

    public JdbcQueueCallStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(QueueCall c) {
        String sql = "INSERT INTO ami_queue_calls (unique_id, call_id, queue_name, caller_number, outcome, operator_iface,"
                + " operator_name, wait_seconds, talk_seconds, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?)";
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setString(1, c.uniqueId());
            ps.setString(2, c.callId());
            ps.setString(3, c.queue());
            ps.setString(4, c.callerNumber());
            ps.setString(5, c.outcome().name());
            ps.setString(6, c.operator());
            ps.setString(7, c.operatorName());
            ps.setInt(8, (int) Math.min(Integer.MAX_VALUE, c.waitSeconds()));
            if (c.talkSeconds() == null) ps.setNull(9, Types.INTEGER);
            else ps.setInt(9, (int) Math.min(Integer.MAX_VALUE, c.talkSeconds()));
            ps.setObject(10, OffsetDateTime.ofInstant(c.endedAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (ir.line111.core.persistence.SqlErrors.isUniqueViolation(e)) return;
            throw new IllegalStateException("cannot store queue call " + c.uniqueId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<QueueCall> callBackList(int limit) {
        String sql = "SELECT unique_id, call_id, queue_name, caller_number, outcome, operator_iface, operator_name,"
                + " wait_seconds, talk_seconds, ended_at FROM ami_queue_calls WHERE outcome = 'ABANDONED'"
                + " AND called_back_at IS NULL ORDER BY ended_at DESC, id DESC";
        List<QueueCall> out = new ArrayList<>();
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int talk = rs.getInt(9);
                    Long talkSeconds = rs.wasNull() ? null : (long) talk;
                    out.add(new QueueCall(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            QueueOutcome.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8),
                            talkSeconds, rs.getObject(10, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the call-back list: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean markCalledBack(String uniqueId, String operator, Instant at) {
        String sql = "UPDATE ami_queue_calls SET called_back_at = ?, called_back_by = ? WHERE unique_id = ?"
                + " AND outcome = 'ABANDONED' AND called_back_at IS NULL";
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(2, operator);
            ps.setString(3, uniqueId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark " + uniqueId + " as called back: " + e.getMessage(), e);
        }
    }

    @Override
    public Totals totalsSince(Instant since, int thresholdSeconds) {
        String sql = "SELECT"
                + " SUM(CASE WHEN outcome = 'ANSWERED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'ANSWERED' AND wait_seconds <= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'ABANDONED' THEN 1 ELSE 0 END)"
                + " FROM ami_queue_calls WHERE ended_at >= ?";
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setInt(1, thresholdSeconds);
            ps.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count today's queue calls: " + e.getMessage(), e);
        }
    }
}
