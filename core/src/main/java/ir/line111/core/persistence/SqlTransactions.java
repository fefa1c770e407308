package ir.line111.core.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One plain-JDBC transaction on a pooled connection, for modules that write with SQL rather than
 * Hibernate (recordings' job queue, the console's stores). Each caller turns {@link SQLException}
 * into its own module's exception.
 */
public final class SqlTransactions {
    private SqlTransactions() {}

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back on any exception. */
    public static <T> T inTransaction(DataSource ds, Work<T> work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
