package ir.line111.core.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * What a failed SQL statement means, the same on H2 and PostgreSQL, for every module that writes
 * with plain JDBC or Hibernate: the one place that reads SQLStates. The cause chain is walked, so a
 * Hibernate or module exception wrapping the driver's works too.
 */
public final class SqlErrors {
    private SqlErrors() {}

    /** SQLState of a unique or primary-key violation on both databases. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** A unique (or primary-key) constraint refused the row: someone else inserted it first. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) return true;
        }
        return false;
    }

    /**
     * Any integrity constraint refused the statement (SQLState class 23: unique, foreign key, not
     * null, check), e.g. a row another transaction changed or deleted at the same moment.
     */
    public static boolean isIntegrityViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) return true;
        }
        return false;
    }
}
