package ir.line111.app.wiring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import ir.line111.console.ConsoleDependencies;
import ir.line111.console.ports.CasePorts;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.store.CoreConsoleUsers;
import ir.line111.core.CoreServices;
import ir.line111.core.domain.cases.CaseRegistry;

import java.time.Clock;
import java.util.List;

/**
 * What the console is given, chosen here and only here: core's case ports (registry, desk, the
 * workbench's queue, the report figures), core's user directory, the recordings catalogue. The
 * console itself never looks at which implementation it got.
 */
public final class ConsoleWiring {
    private ConsoleWiring() {}

    /** Core's case ports; {@code registry} may wrap core's own (e.g. the IVR's outage guard). */
    public static CasePorts cases(CoreServices core, CaseRegistry registry) {
        return new CasePorts(registry, core.caseDesk(), core.awaitingMessages(), core.caseReports());
    }

    public static ConsoleDependencies dependencies(CoreServices core, CaseRegistry registry, RecordingCatalog recordings,
                                                   List<HealthCheck> checks, PrometheusMeterRegistry metrics, Clock clock) {
        return dependencies(core, registry, recordings, checks, metrics, clock, null);
    }

    /** {@code sms}: the SMS outbox for the supervisors' list; null when SMS is off. */
    public static ConsoleDependencies dependencies(CoreServices core, CaseRegistry registry, RecordingCatalog recordings,
                                                   List<HealthCheck> checks, PrometheusMeterRegistry metrics, Clock clock,
                                                   ir.line111.console.ports.SmsOutboxView sms) {
        return new ConsoleDependencies(core.database().dataSource(), cases(core, registry), new CoreConsoleUsers(core.users()),
                recordings, checks, metrics, clock, sms);
    }
}
