package ir.line111.recordings.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A sweep that several backend nodes on one PostgreSQL would otherwise run at the same time over the
 * same rows or spool (two nodes registering one fallback message as two cases): the node that gets a
 * transaction-level advisory lock runs it, the others skip this round. The lock goes with its
 * transaction, so a node that dies mid-sweep frees it. On H2 (one process) the sweep just runs.
 */
public final class OneNodeAtATime {
    /** Advisory-lock keys of the sweeps (one 64-bit space per database; "111" and a number). */
    public static final long SPOOL = 111_0001L;
    public static final long CASELESS = 111_0002L;

    private OneNodeAtATime() {}

    /** Runs {@code work} unless another node is running the sweep {@code key}; empty when it was skipped. */
    public static <T> Optional<T> run(DataSource ds, long key, Supplier<T> work) {
        try (Connection c = ds.getConnection()) {
            if (!Sql.isPostgres(c)) {
                c.close();
                return Optional.ofNullable(work.get());
            }
            c.setAutoCommit(false);
            try {
                boolean mine;
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    ps.setLong(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        mine = rs.getBoolean(1);
                    }
                }
                if (!mine) return Optional.empty();
                return Optional.ofNullable(work.get());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new Sql.StoreException("cannot take the sweep lock " + key + ": " + e.getMessage(), e);
        }
    }
}
