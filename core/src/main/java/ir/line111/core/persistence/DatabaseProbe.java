package ir.line111.core.persistence;

import ir.line111.core.config.Line111Config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * Whether the database answers now, within about two seconds. PostgreSQL: a fresh connection outside
 * the pool, whose own wait for a connection (10 s) is what a call must not sit through at each step.
 * H2 (embedded): a pooled connection that is valid.
 */
public final class DatabaseProbe {
    private static final int TIMEOUT_SECONDS = 2;

    private DatabaseProbe() {}

    public static BooleanSupplier of(Database db, Line111Config config) {
        if (db.vendor() != Database.Vendor.POSTGRESQL) return () -> pooled(db);
        String url = config.string("db.url");
        Properties p = new Properties();
        String user = config.string("db.user");
        String password = config.string("db.password");
        if (!user.isBlank()) p.setProperty("user", user);
        if (!password.isEmpty()) p.setProperty("password", password);
        p.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
        p.setProperty("ApplicationName", "line111-probe");
        return () -> {
            try (Connection c = DriverManager.getConnection(url, p)) {
                return c.isValid(TIMEOUT_SECONDS);
            } catch (SQLException e) {
                return false;
            }
        };
    }

    private static boolean pooled(Database db) {
        try (Connection c = db.dataSource().getConnection()) {
            return c.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
