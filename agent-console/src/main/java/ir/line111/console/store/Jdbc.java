package ir.line111.console.store;

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
import java.util.Optional;

/**
 * Plain JDBC for the console's own tables (audit, idempotency keys, voicemail claims, abandoned
 * calls, operator events) and the call figures of the reports. Cases are never read here: they come
 * through core's ports ({@code ports/CasePorts}). Every value is a bind parameter; no input is ever
 * concatenated into SQL.
 */
public final class Jdbc {

    @FunctionalInterface public interface RowMapper<T> { T map(ResultSet rs) throws SQLException; }
    @FunctionalInterface public interface Work<T> extends ir.line111.core.persistence.SqlTransactions.Work<T> {}

    private final DataSource dataSource;
    private final boolean postgres;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    public boolean postgres() { return postgres; }
    public DataSource dataSource() { return dataSource; }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return run(c -> list(c, sql, mapper, args));
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> l = list(sql, mapper, args);
        return l.isEmpty() ? Optional.empty() : Optional.ofNullable(l.getFirst());
    }

    public int update(String sql, Object... args) {
        return run(c -> update(c, sql, args));
    }

    public long count(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    public <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** One transaction; rolled back on any exception. */
    public <T> T inTransaction(Work<T> work) {
        try {
            return ir.line111.core.persistence.SqlTransactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(mapper.map(rs));
                return out;
            }
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** The next value of a sequence, in the dialect of the database. */
    public long nextval(Connection c, String sequence) throws SQLException {
        if (!sequence.matches("[a-z_]+")) throw new IllegalArgumentException(sequence);
        String sql = postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
        return list(c, sql, rs -> rs.getLong(1)).getFirst();
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int p = i + 1;
            switch (a) {
                case null -> ps.setNull(p, Types.NULL);
                case Instant t -> ps.setObject(p, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
                case Enum<?> e -> ps.setString(p, e.name());
                case java.time.LocalDate d -> ps.setObject(p, d);
                default -> ps.setObject(p, a);
            }
        }
    }

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }


    /** A database fault, unchecked so handlers need not declare it; the API answers 500 or 503. */
    public static final class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
