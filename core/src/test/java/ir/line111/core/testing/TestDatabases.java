package ir.line111.core.testing;

import ir.line111.core.persistence.Database;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Migrated databases for persistence tests, each private to its caller:
 * <ul>
 *   <li>{@link #h2()}: a fresh in-memory H2 database, gone at {@code close()};</li>
 *   <li>{@link #postgres()}: a FRESH SCHEMA (random name) in database {@code test} on
 *       127.0.0.1:5432 (user {@code postgres}, trust auth), selected by {@code currentSchema} in the
 *       JDBC URL and dropped at {@code close()}. PostgreSQL down: the test is SKIPPED with the reason
 *       shown, except when env {@code CI=true}, where it FAILS. Override the server with system
 *       property {@code line111.test.pg.url} or env {@code LINE111_TEST_PG_URL} (a jdbc:postgresql URL
 *       without currentSchema).</li>
 * </ul>
 * Both are real {@link Database}s: Flyway has run every {@code db/migration} on the classpath
 * (your module's too) and the SessionFactory knows every {@code EntityContributor}'s entities.
 *
 * <p>Run the same test on both, one database per kind shared by the test class:
 * <pre>{@code
 * class MyStoreTest {
 *     @OnBothDatabases
 *     void keepsWhatItStores(Database db) { ... }          // runs as [H2] and [PostgreSQL]
 * }
 * }</pre>
 * or, with a database per test method: {@code @ParameterizedTest @MethodSource("ir.line111.core.testing.TestDatabases#kinds")
 * void t(TestDatabases.Kind kind) { try (Database db = kind.open()) { ... } }}.
 * Tests sharing a class-wide database must not assume empty tables: make your own rows distinct.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public enum Kind {
        H2("H2"), POSTGRESQL("PostgreSQL");

        private final String label;
        Kind(String label) { this.label = label; }
        public String label() { return label; }

        /** A fresh, migrated database of this kind (may skip or fail the test for PostgreSQL, see the class comment). */
        public Database open() {
            return this == H2 ? h2() : postgres();
        }

        @Override
        public String toString() { return label; }
    }

    /** For {@code @MethodSource("ir.line111.core.testing.TestDatabases#kinds")}. */
    public static Stream<Kind> kinds() {
        return Stream.of(Kind.values());
    }

    public static Database h2() {
        String name = "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        Database db = Database.open(url, "sa", "", 8);
        db.onClose(() -> {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return db;
    }

    public static Database postgres() {
        return postgres(8);
    }

    /** With a larger pool, for concurrency tests. */
    public static Database postgres(int poolMax) {
        String base = pgUrl();
        String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = admin(base); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + base + " (" + e.getMessage() + ")";
            if (inCi()) throw new IllegalStateException(reason + "; CI=true, so the PostgreSQL tests must run", e);
            Assumptions.abort(reason + "; skipping the PostgreSQL run");
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Database db;
        try {
            db = Database.open(url, "postgres", "", poolMax);
        } catch (RuntimeException e) {
            dropSchema(base, schema);
            throw e;
        }
        db.onClose(() -> dropSchema(base, schema));
        return db;
    }

    /** Whether PostgreSQL answers (for tests that want to decide themselves). */
    public static boolean postgresReachable() {
        try (Connection c = admin(pgUrl())) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static String pgUrl() {
        String u = System.getProperty("line111.test.pg.url");
        if (u == null || u.isBlank()) u = System.getenv("LINE111_TEST_PG_URL");
        return u == null || u.isBlank() ? DEFAULT_PG_URL : u;
    }

    private static Connection admin(String base) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "3");
        p.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(base, p);
    }

    private static void dropSchema(String base, String schema) {
        try (Connection c = admin(base); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
