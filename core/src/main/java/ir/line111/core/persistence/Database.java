package ir.line111.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ir.line111.core.config.Line111Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one database of the process: a HikariCP pool, the Flyway migrations of every module on the
 * classpath ({@code classpath:db/migration}, the same SQL on H2 and PostgreSQL), and a Hibernate
 * SessionFactory over the entity classes that {@link EntityContributor}s name. Hibernate never
 * creates or changes tables ({@code hibernate.hbm2ddl.auto=none}).
 *
 * <p>Open it once at start ({@link #open(Line111Config)}), share it, close it at shutdown. A database
 * that cannot be reached fails {@code open} with a one-line {@link DatabaseUnavailableException}.
 */
public final class Database implements AutoCloseable {

    public enum Vendor { H2, POSTGRESQL }

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");
    static {
        // Before any H2 class reads its system properties (see H2AutoServer).
        H2AutoServer.bindToLoopbackByDefault();
    }

    /** Inserts per JDBC batch; the id sequences step by 50 to match. */
    public static final int BATCH_SIZE = 50;

    private final HikariDataSource dataSource;
    /** Built at {@link #open}; for {@link #openForCommand} only when a session is first asked for. */
    private volatile SessionFactory sessionFactory;
    private final Vendor vendor;
    private final String safeUrl;
    private final List<Runnable> closeActions = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, SessionFactory sessionFactory, Vendor vendor, String safeUrl) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.vendor = vendor;
        this.safeUrl = safeUrl;
    }

    /** Opens the database of {@code db.url}, {@code db.user}, {@code db.password}, {@code db.pool.max} and migrates it. */
    public static Database open(Line111Config config) {
        return open(config.string("db.url"), config.string("db.user"), config.string("db.password"),
                config.integer("db.pool.max", 1, 1000));
    }

    /** Opens and migrates the database at {@code url}; for tools and tests that have no configuration. */
    public static Database open(String url, String user, String password, int poolMax) {
        return open(url, user, password, poolMax, true);
    }

    /**
     * For a one-shot command ({@code line111 user add|list|passwd}): a pool of two, Flyway started only
     * when a migration on the classpath is missing from its history ({@link MigrationsOnClasspath}), and
     * Hibernate only if something asks for a session (the user directory is plain JDBC): about a second of
     * CPU in all. On the default H2 URL ({@code AUTO_SERVER=TRUE}) it reaches a running backend's database
     * through that process.
     */
    public static Database openForCommand(Line111Config config) {
        return open(config.string("db.url"), config.string("db.user"), config.string("db.password"), 2, false);
    }

    private static Database open(String url, String user, String password, int poolMax, boolean eagerHibernate) {
        Objects.requireNonNull(url, "url");
        url = H2Durability.durable(url);
        String safeUrl = withoutPassword(url);
        Vendor vendor = vendorOf(url, safeUrl);
        H2AutoServer.checkLoopback(url, safeUrl);
        H2Files.beforeOpen(url);
        HikariDataSource ds = pool(url, user, password, poolMax, vendor, safeUrl);
        try {
            // A command skips Flyway when nothing is pending; the backend always runs it (and its validation).
            if (eagerHibernate || !MigrationsOnClasspath.allApplied(ds)) migrate(ds, safeUrl);
            H2Files.afterOpen(url);
            SessionFactory sf = eagerHibernate ? sessionFactory(ds, entityClasses()) : null;
            log.info("database {} open ({}), pool of {}", safeUrl, vendor, poolMax);
            return new Database(ds, sf, vendor, safeUrl);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * Only the migrations, for {@code line111 db migrate}: opens a short-lived pool, applies what is
     * pending, and says where the database now stands in one line.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached or a migration fails
     */
    public static String migrate(Line111Config config) {
        String url = H2Durability.durable(config.string("db.url"));
        String safeUrl = withoutPassword(url);
        Vendor vendor = vendorOf(url, safeUrl);
        try (HikariDataSource ds = pool(url, config.string("db.user"), config.string("db.password"), 2, vendor, safeUrl)) {
            int applied = migrate(ds, safeUrl);
            var current = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().info().current();
            return "database " + safeUrl + ": " + applied + " migration(s) applied, at version "
                    + (current == null ? "none" : current.getVersion());
        }
    }

    private static Vendor vendorOf(String url, String safeUrl) {
        if (url.startsWith("jdbc:h2:")) return Vendor.H2;
        if (url.startsWith("jdbc:postgresql:")) return Vendor.POSTGRESQL;
        throw new DatabaseUnavailableException(safeUrl, "only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...) URLs are supported", null);
    }

    private static HikariDataSource pool(String url, String user, String password, int poolMax, Vendor vendor, String safeUrl) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("line111-db");
        hc.setJdbcUrl(url);
        if (user != null && !user.isBlank()) hc.setUsername(user);
        if (password != null && !password.isEmpty()) hc.setPassword(password);
        hc.setMaximumPoolSize(poolMax);
        hc.setMinimumIdle(Math.min(2, poolMax));
        hc.setConnectionTimeout(10_000);
        // Fail at once with the driver's reason instead of retrying in the background.
        hc.setInitializationFailTimeout(1);
        if (vendor == Vendor.POSTGRESQL) {
            // One multi-row INSERT per batch instead of a round trip per row.
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("connectTimeout", "5");
            hc.addDataSourceProperty("ApplicationName", "line111");
        }
        probe(url, user, password, vendor, safeUrl);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(safeUrl, rootMessage(e), e);
        }
    }

    /** One plain connection first: a database that is not there gives one line, not the pool's logged stack trace. */
    private static void probe(String url, String user, String password, Vendor vendor, String safeUrl) {
        java.util.Properties p = new java.util.Properties();
        if (user != null && !user.isBlank()) p.setProperty("user", user);
        if (password != null && !password.isEmpty()) p.setProperty("password", password);
        if (vendor == Vendor.POSTGRESQL) p.setProperty("connectTimeout", "5");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, p)) {
            // reachable
        } catch (java.sql.SQLException e) {
            throw new DatabaseUnavailableException(safeUrl, firstLine(e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    private static int migrate(DataSource ds, String safeUrl) {
        try {
            var result = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    // Modules own disjoint version ranges (core V1-99, recordings V100-199, ...):
                    // a later core V2 must still apply after a recordings V100 has.
                    .outOfOrder(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database {}: {} migration(s) applied, now at version {}", safeUrl, result.migrationsExecuted, result.targetSchemaVersion);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException(safeUrl, "migration failed: " + firstLine(rootMessage(e)), e);
        }
    }

    private static List<Class<?>> entityClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (EntityContributor c : ServiceLoader.load(EntityContributor.class)) classes.addAll(c.entityClasses());
        // Core's own, even where a repackaged jar lost the service file.
        classes.addAll(new CoreEntities().entityClasses());
        return new ArrayList<>(classes);
    }

    /**
     * Builds (and closes) a SessionFactory with {@code hibernate.hbm2ddl.auto=validate} over this
     * database: fails when an entity of any {@link EntityContributor} does not match the tables the
     * migrations made. For tests; start-up never pays for it.
     */
    public void validateSchema() {
        sessionFactory(dataSource, entityClasses(), "validate").close();
    }

    private static SessionFactory sessionFactory(DataSource ds, List<Class<?>> entities) {
        return sessionFactory(ds, entities, "none");
    }

    private static SessionFactory sessionFactory(DataSource ds, List<Class<?>> entities, String ddl) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, ddl)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .applySetting(AvailableSettings.PREFERRED_POOLED_OPTIMIZER, "pooled")
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SessionFactory sessionFactory() {
        SessionFactory sf = sessionFactory;
        if (sf == null) {
            synchronized (this) {
                sf = sessionFactory;
                if (sf == null) sessionFactory = sf = sessionFactory(dataSource, entityClasses());
            }
        }
        return sf;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The JDBC URL with any password removed: the only form of it that may be logged or shown. */
    public String safeUrl() {
        return safeUrl;
    }

    /** Runs {@code work} in one transaction and returns its result; rolls back on any exception and rethrows it. */
    public <R> R fromTransaction(Function<Session, R> work) {
        try (Session s = sessionFactory().openSession()) {
            return committed(s.beginTransaction(), () -> work.apply(s));
        }
    }

    /** Commits after {@code work}; on any exception rolls back (keeping a rollback failure as suppressed) and rethrows. */
    private static <R> R committed(Transaction tx, java.util.function.Supplier<R> work) {
        try {
            R r = work.get();
            tx.commit();
            return r;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException re) {
                    e.addSuppressed(re);
                }
            }
            throw e;
        }
    }

    /** Runs {@code work} in one transaction; rolls back on any exception and rethrows it. */
    public void inTransaction(Consumer<Session> work) {
        fromTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** Like {@link #fromTransaction} with a StatelessSession: for bulk reads and writes without a persistence context. */
    public <R> R fromStatelessTransaction(Function<StatelessSession, R> work) {
        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            return committed(s.beginTransaction(), () -> work.apply(s));
        }
    }

    /** Runs {@code action} after {@link #close} has closed the pool (test fixtures drop their schema here). */
    public void onClose(Runnable action) {
        closeActions.add(Objects.requireNonNull(action, "action"));
    }

    @Override
    public void close() {
        try {
            SessionFactory sf = sessionFactory;
            if (sf != null && !sf.isClosed()) sf.close();
        } finally {
            dataSource.close();
            for (Runnable r : closeActions) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("after closing {}: {}", safeUrl, e.toString());
                }
            }
            closeActions.clear();
        }
    }

    /** {@code url} with {@code password=...} parameters and {@code user:password@} credentials masked. */
    public static String withoutPassword(String url) {
        if (url == null) return "";
        String s = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("//$1:***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) msg = t.getMessage();
        }
        return msg == null ? t.getClass().getSimpleName() : firstLine(msg);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
