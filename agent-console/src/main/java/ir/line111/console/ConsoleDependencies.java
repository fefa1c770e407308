package ir.line111.console;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.core.domain.cases.CaseRegistry;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the composition root hands the console.
 *
 * @param dataSource   core's database (its tables and the console's V3xx tables, migrated)
 * @param cases        core's case registry (registration, duplicates, messages, objections)
 * @param users        accounts; null: the console's JDBC view of core's {@code app_user}
 * @param recordings   the recordings module's catalogue; {@link RecordingCatalog#NONE} when absent
 * @param healthChecks readiness checks besides the database's own (AMI, recogniser…)
 * @param metrics      the process's Prometheus registry; null: the console makes its own
 * @param clock        the clock (tests fix it)
 */
public record ConsoleDependencies(DataSource dataSource, CaseRegistry cases, ConsoleUsers users,
                                  RecordingCatalog recordings, List<HealthCheck> healthChecks,
                                  PrometheusMeterRegistry metrics, Clock clock) {
    public ConsoleDependencies {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(cases, "cases");
        recordings = recordings == null ? RecordingCatalog.NONE : recordings;
        healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static ConsoleDependencies of(DataSource dataSource, CaseRegistry cases) {
        return new ConsoleDependencies(dataSource, cases, null, null, null, null, null);
    }
}
