package ir.line111.console;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.ports.SmsOutboxView;
import ir.line111.core.domain.cases.CaseRegistry;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the composition root hands the console.
 *
 * @param dataSource   core's database (its tables and the console's V3xx tables, migrated)
 * @param cases        core's case registry, which must also be its {@code CaseDesk} (core's PersistentCases is both)
 * @param users        accounts; null: core's user directory over the same database (bcrypt cost {@code users.bcrypt-cost})
 * @param recordings   a recordings catalogue; null: the recordings module's tables when the database has them ({@code JdbcRecordingCatalog}), else none
 * @param healthChecks readiness checks besides the database's own (AMI, recogniser…)
 * @param metrics      the process's Prometheus registry; null: the console makes its own
 * @param clock        the clock (tests fix it)
 * @param sms          the SMS outbox for the supervisors' list; null: none ({@code sms.enabled=false})
 */
public record ConsoleDependencies(DataSource dataSource, CaseRegistry cases, ConsoleUsers users,
                                  RecordingCatalog recordings, List<HealthCheck> healthChecks,
                                  PrometheusMeterRegistry metrics, Clock clock, SmsOutboxView sms) {
    public ConsoleDependencies {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(cases, "cases");
        recordings = recordings == null ? RecordingCatalog.NONE : recordings;
        sms = sms == null ? SmsOutboxView.NONE : sms;
        healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Without an SMS outbox. */
    public ConsoleDependencies(DataSource dataSource, CaseRegistry cases, ConsoleUsers users, RecordingCatalog recordings,
                               List<HealthCheck> healthChecks, PrometheusMeterRegistry metrics, Clock clock) {
        this(dataSource, cases, users, recordings, healthChecks, metrics, clock, null);
    }

    public static ConsoleDependencies of(DataSource dataSource, CaseRegistry cases) {
        return new ConsoleDependencies(dataSource, cases, null, null, null, null, null);
    }
}
