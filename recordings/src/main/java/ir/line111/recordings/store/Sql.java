package ir.line111.recordings.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The little JDBC this module needs: transactions and the instant ↔ TIMESTAMP WITH TIME ZONE
 * mapping, the same on H2 and PostgreSQL. Plain JDBC because the queue's claim is SQL the ORM
 * would only get in the way of.
 */
public final class Sql {
    private Sql() {}

    @FunctionalInterface
    public interface Work<T> extends ir.line111.core.persistence.SqlTransactions.Work<T> {}

    public static <T> T inTransaction(DataSource ds, Work<T> work) {
        try {
            return ir.line111.core.persistence.SqlTransactions.inTransaction(ds, work);
        } catch (SQLException e) {
            throw new StoreException("database: " + e.getMessage(), e);
        }
    }

    public static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            case java.time.ZonedDateTime z -> z.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    /** A database failure the caller cannot fix; carries the SQL cause. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) { super(message, cause); }
    }
}
