package ir.line111.core;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.office.OfficeHours;
import ir.line111.core.persistence.CoreSettings;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentAgencies;
import ir.line111.core.persistence.PersistentCallLog;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.PersistentHolidays;
import ir.line111.core.persistence.PersistentUserDirectory;
import ir.line111.core.persistence.TrackingCodeIssuer;

import java.time.Clock;

/**
 * Core wired together for the composition root: validates the configuration, opens (and migrates)
 * the database, checks the tracking key, and builds every core service over them. One instance per
 * process; {@link #close()} closes the database.
 *
 * <pre>{@code
 * try (CoreServices core = CoreServices.open(config)) {
 *     core.users().ensureFirstAdmin().ifPresent(pw -> System.out.println("admin password: " + pw));
 *     ... core.caseRegistry(), core.callLog(), core.officeHours() to the IVR; core.caseDesk() to the console ...
 * }
 * }</pre>
 */
public final class CoreServices implements AutoCloseable {

    private final Line111Config config;
    private final Database database;
    private final TrackingCodeIssuer trackingCodes;
    private final CoreSettings settings;
    private final PersistentCases cases;
    private final PersistentCallLog callLog;
    private final PersistentUserDirectory users;
    private final PersistentAgencies agencies;
    private final PersistentHolidays holidays;
    private final OfficeHours officeHours;

    private CoreServices(Line111Config config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.trackingCodes = TrackingCodeIssuer.open(database, config);
        this.settings = new CoreSettings(database, config, clock);
        this.cases = new PersistentCases(database, trackingCodes, clock, settings::duplicateWindow);
        this.callLog = new PersistentCallLog(database, clock);
        this.users = new PersistentUserDirectory(database, config.integer("users.bcrypt-cost", 4, 31), clock);
        this.agencies = new PersistentAgencies(database, clock);
        this.holidays = new PersistentHolidays(database, clock);
        this.officeHours = new OfficeHours(settings::officeSchedule, holidays);
    }

    /**
     * @throws ir.line111.core.config.ConfigException a bad key (named), or a tracking key that does not match the database
     * @throws ir.line111.core.persistence.DatabaseUnavailableException the database cannot be reached or migrated
     */
    public static CoreServices open(Line111Config config) {
        config.validate();
        Database db = Database.open(config);
        try {
            return new CoreServices(config, db, Clock.systemUTC());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Over an already open database (tests, tools); {@link #close()} closes {@code db}. */
    public static CoreServices over(Database db, Line111Config config, Clock clock) {
        return new CoreServices(config, db, clock);
    }

    public Line111Config config() { return config; }
    public Database database() { return database; }
    public TrackingCodeIssuer trackingCodes() { return trackingCodes; }
    public CoreSettings settings() { return settings; }
    public CaseRegistry caseRegistry() { return cases; }
    public CaseDesk caseDesk() { return cases; }
    /** The recorded messages awaiting transcription (the console's workbench). */
    public ir.line111.core.domain.cases.AwaitingMessages awaitingMessages() { return new ir.line111.core.persistence.PersistentAwaitingMessages(database); }
    /** The case figures of the supervisor's reports. */
    public ir.line111.core.domain.cases.CaseReports caseReports() { return new ir.line111.core.persistence.PersistentCaseReports(database); }
    /** Both {@link CaseRegistry} and {@link CaseDesk}. */
    public PersistentCases cases() { return cases; }
    public CallLog callLog() { return callLog; }
    public PersistentCallLog callRecords() { return callLog; }
    public PersistentUserDirectory users() { return users; }
    public PersistentAgencies agencies() { return agencies; }
    public PersistentHolidays holidays() { return holidays; }
    public OfficeHours officeHours() { return officeHours; }

    @Override
    public void close() {
        database.close();
    }
}
