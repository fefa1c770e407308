package ir.line111.console;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import ir.line111.console.ports.CasePorts;
import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.ports.SmsOutboxView;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the composition root (the {@code app} module's wiring) hands the console: every port it
 * uses, already built. The console chooses no implementation itself.
 *
 * @param dataSource   the database of the console's own V3xx tables (core's database, migrated)
 * @param cases        core's case ports: registry, desk, the workbench's queue, the report figures
 * @param users        accounts (core's user directory through {@code CoreConsoleUsers})
 * @param recordings   the recordings catalogue; null: none (recordings cannot be played)
 * @param healthChecks readiness checks besides the database's own (AMI, recogniser…)
 * @param metrics      the process's Prometheus registry; null: the console makes its own
 * @param clock        the clock (tests fix it)
 * @param sms          the SMS outbox for the supervisors' list; null: none ({@code sms.enabled=false})
 */
public record ConsoleDependencies(DataSource dataSource, CasePorts cases, ConsoleUsers users,
                                  RecordingCatalog recordings, List<HealthCheck> healthChecks,
                                  PrometheusMeterRegistry metrics, Clock clock, SmsOutboxView sms) {
    public ConsoleDependencies {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(users, "users");
        recordings = recordings == null ? RecordingCatalog.NONE : recordings;
        healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
        clock = clock == null ? Clock.systemUTC() : clock;
        sms = sms == null ? SmsOutboxView.NONE : sms;
    }

    /** Without an SMS outbox. */
    public ConsoleDependencies(DataSource dataSource, CasePorts cases, ConsoleUsers users, RecordingCatalog recordings,
                               List<HealthCheck> healthChecks, PrometheusMeterRegistry metrics, Clock clock) {
        this(dataSource, cases, users, recordings, healthChecks, metrics, clock, null);
    }
}
