package ir.line111.console.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The table {@code console_idempotency_key} (V302): a row is claimed (PENDING) before the change
 * runs and completed with the answer after it. An expired row is as good as absent.
 */
public final class IdempotencyStore {

    /** What is kept for one key; {@code done} false while the first request still runs. */
    public record Entry(String fingerprint, boolean done, int status, String contentType, String body) {}

    /** Longer answers are not kept whole (a case page is far shorter); the repeat then gets a short note. */
    public static final int MAX_BODY = 1_000_000;

    private final Jdbc jdbc;

    public IdempotencyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(String username, String key, Instant now) {
        return jdbc.one("select fingerprint, state, http_status, content_type, body from console_idempotency_key "
                        + "where username = ? and idem_key = ? and expires_at > ?",
                rs -> new Entry(rs.getString(1), "DONE".equals(rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getString(5)),
                username, key, now);
    }

    /** True when this request now owns the key; false when another holds it (the primary key refused the row). */
    public boolean claim(String username, String key, String fingerprint, Instant now, Instant expires) {
        try {
            return jdbc.inTransaction(c -> {
                Jdbc.update(c, "delete from console_idempotency_key where username = ? and idem_key = ? and expires_at <= ?", username, key, now);
                Jdbc.update(c, "insert into console_idempotency_key (username, idem_key, fingerprint, state, created_at, expires_at) "
                        + "values (?, ?, ?, 'PENDING', ?, ?)", username, key, fingerprint, now, expires);
                return true;
            });
        } catch (Jdbc.StoreException e) {
            if (ir.line111.core.persistence.SqlErrors.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    public void complete(String username, String key, int status, String contentType, String body) {
        jdbc.update("update console_idempotency_key set state = 'DONE', http_status = ?, content_type = ?, body = ? "
                + "where username = ? and idem_key = ?", status, contentType, body, username, key);
    }

    /** The first attempt failed in a way worth repeating (5xx): the key is free again. */
    public void release(String username, String key) {
        jdbc.update("delete from console_idempotency_key where username = ? and idem_key = ? and state = 'PENDING'", username, key);
    }

    public int sweep(Instant now) {
        return jdbc.update("delete from console_idempotency_key where expires_at <= ?", now);
    }

}
