package ir.line111.recordings.testing;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, migrated databases for this module's tests: H2 in memory, and PostgreSQL in a schema of
 * its own (127.0.0.1:5432, database test) so parallel runs never meet. PostgreSQL absent: the
 * test is skipped with that reason, except under CI=true where it fails.
 */
public final class RecordingsDb {
    private RecordingsDb() {}

    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rec" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        migrate(ds, null);
        return ds;
    }

    public static DataSource postgres() {
        String schema = "rec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL("jdbc:postgresql://127.0.0.1:5432/test");
        admin.setUser("postgres");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("PostgreSQL is required in CI", e);
            Assumptions.assumeTrue(false, "PostgreSQL is not reachable on 127.0.0.1:5432 (" + e.getMessage() + ")");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
        ds.setUser("postgres");
        migrate(ds, schema);
        return ds;
    }

    private static void migrate(DataSource ds, String schema) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (schema != null) config.schemas(schema);
        config.load().migrate();
    }
}
