package ir.line111.console.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Callers who hung up in the queue, for the operators to call back. When the AMI adapter's
 * {@code ami_queue_calls} (ivr V200) is in the database it is the one record (it is written even
 * while no console runs); otherwise the console keeps its own from EventAddresses.QUEUE_ABANDONED.
 */
public final class AbandonedCalls {

    public record Row(long id, String callId, String callerNumber, Integer waitSeconds, Instant at,
                      Instant calledBackAt, String calledBackBy) {}

    private final Jdbc jdbc;
    private final Clock clock;

    private final boolean ami;

    public AbandonedCalls(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ami = jdbc.run(c -> {
            var md = c.getMetaData();
            for (String n : new String[]{"ami_queue_calls", "AMI_QUEUE_CALLS"}) {
                try (var rs = md.getTables(null, c.getSchema(), n, new String[]{"TABLE"})) {
                    if (rs.next()) return true;
                }
            }
            return false;
        });
    }

    private static final String AMI_COLUMNS = "select id, call_id, caller_number, wait_seconds, ended_at as at, called_back_at, called_back_by from ami_queue_calls";

    /** Idempotent per call id: the AMI adapter may publish again after a reconnect. */
    public void record(String callId, String callerNumber, Integer waitSeconds, Instant at) {
        if (ami || callId == null || callId.isBlank()) return;
        if (jdbc.count("select count(*) from console_abandoned_call where call_id = ?", callId) > 0) return;
        try {
            jdbc.update("insert into console_abandoned_call (call_id, caller_number, wait_seconds, at) values (?, ?, ?, ?)",
                    CaseActions.clip(callId, 64), CaseActions.clip(callerNumber, 40), waitSeconds, at == null ? clock.instant() : at);
        } catch (Jdbc.StoreException e) {
            if (jdbc.count("select count(*) from console_abandoned_call where call_id = ?", callId) == 0) throw e;
        }
    }

    public List<Row> list(Instant from, Instant to, boolean pendingOnly) {
        if (ami) {
            return jdbc.list(AMI_COLUMNS + " where outcome = 'ABANDONED' and ended_at >= ? and ended_at < ?"
                    + (pendingOnly ? " and called_back_at is null" : "") + " order by ended_at desc limit 500", AbandonedCalls::row, from, to);
        }
        return jdbc.list("select id, call_id, caller_number, wait_seconds, at, called_back_at, called_back_by from console_abandoned_call "
                        + "where at >= ? and at < ?" + (pendingOnly ? " and called_back_at is null" : "") + " order by at desc limit 500",
                AbandonedCalls::row, from, to);
    }

    public Optional<Row> calledBack(long id, String username) {
        if (ami) {
            jdbc.update("update ami_queue_calls set called_back_at = ?, called_back_by = ? where id = ? and outcome = 'ABANDONED' and called_back_at is null",
                    clock.instant(), username, id);
            return jdbc.one(AMI_COLUMNS + " where id = ? and outcome = 'ABANDONED'", AbandonedCalls::row, id);
        }
        jdbc.update("update console_abandoned_call set called_back_at = ?, called_back_by = ? where id = ? and called_back_at is null",
                clock.instant(), username, id);
        return jdbc.one("select id, call_id, caller_number, wait_seconds, at, called_back_at, called_back_by from console_abandoned_call where id = ?",
                AbandonedCalls::row, id);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        int w = rs.getInt("wait_seconds");
        return new Row(rs.getLong("id"), rs.getString("call_id"), rs.getString("caller_number"), rs.wasNull() ? null : w,
                Jdbc.instant(rs, "at"), Jdbc.instant(rs, "called_back_at"), rs.getString("called_back_by"));
    }
}
