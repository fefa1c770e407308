package ir.line111.console.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Callers who hung up in the queue (EventAddresses.QUEUE_ABANDONED), for the operators to call back. */
public final class AbandonedCalls {

    public record Row(long id, String callId, String callerNumber, Integer waitSeconds, Instant at,
                      Instant calledBackAt, String calledBackBy) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public AbandonedCalls(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Idempotent per call id: the AMI adapter may publish again after a reconnect. */
    public void record(String callId, String callerNumber, Integer waitSeconds, Instant at) {
        if (callId == null || callId.isBlank()) return;
        if (jdbc.count("select count(*) from console_abandoned_call where call_id = ?", callId) > 0) return;
        try {
            jdbc.update("insert into console_abandoned_call (call_id, caller_number, wait_seconds, at) values (?, ?, ?, ?)",
                    CaseActions.clip(callId, 64), CaseActions.clip(callerNumber, 40), waitSeconds, at == null ? clock.instant() : at);
        } catch (Jdbc.StoreException e) {
            if (jdbc.count("select count(*) from console_abandoned_call where call_id = ?", callId) == 0) throw e;
        }
    }

    public List<Row> list(Instant from, Instant to, boolean pendingOnly) {
        return jdbc.list("select id, call_id, caller_number, wait_seconds, at, called_back_at, called_back_by from console_abandoned_call "
                        + "where at >= ? and at < ?" + (pendingOnly ? " and called_back_at is null" : "") + " order by at desc limit 500",
                AbandonedCalls::row, from, to);
    }

    public Optional<Row> calledBack(long id, String username) {
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
