package ir.line111.app;

import io.vertx.core.Vertx;
import ir.line111.app.wiring.ClusterNode;
import ir.line111.app.wiring.ClusterSessions;
import ir.line111.app.wiring.ConsoleRecordings;
import ir.line111.app.wiring.ConsoleWiring;
import ir.line111.app.wiring.ConversationAdoption;
import ir.line111.app.wiring.EdgeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import ir.line111.app.wiring.OutageIntakes;
import ir.line111.app.wiring.SmsWiring;
import ir.line111.sms.SmsService;
import ir.line111.console.ConsoleServer;
import ir.line111.console.ports.HealthCheck;
import ir.line111.core.CoreServices;
import ir.line111.core.config.Line111Config;
import ir.line111.core.files.FileModes;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.core.persistence.DatabaseUnavailableException;
import ir.line111.ivr.IvrDependencies;
import ir.line111.ivr.agi.IvrServer;
import ir.line111.ivr.ami.AmiService;
import ir.line111.ivr.ami.JdbcQueueCallStore;
import ir.line111.ivr.intake.OutageIntake;
import ir.line111.ivr.intake.OutageTolerance;
import ir.line111.recordings.RecordingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The whole backend in one process: core (database, cases), recordings (store, recogniser,
 * transcription), the AMI client, the FastAGI server and the console, on one Vert.x instance.
 * Parts start in dependency order and stop in reverse; a part that fails to start stops the ones
 * already started, so nothing is left listening.
 */
public final class Backend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Backend.class);

    private final Deque<Runnable> stops = new ArrayDeque<>();
    private CoreServices core;
    private IvrServer ivr;
    private ConsoleServer console;
    private AmiService ami;
    private OutageIntake intake;
    private ClusterNode node;

    private Backend() {}

    /** Starts everything; prints the first admin's password to {@code out} once, when the database has no user. */
    public static Backend start(Line111Config config, PrintStream out) {
        Backend b = new Backend();
        try {
            b.startParts(config, out);
            return b;
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    private void startParts(Line111Config config, PrintStream out) {
        Clock clock = Clock.systemUTC();
        privateFolders(config);
        ClusterNode.requireSharedDatabase(config);
        try {
            core = CoreServices.open(config);
        } catch (DatabaseUnavailableException e) {
            throw new StartupException(e.getMessage(), ExitCodes.DATABASE, e);
        }
        stops.push(core::close);
        core.users().ensureFirstAdmin().ifPresent(pw -> FirstAdminPassword.tell(pw, config.path("data.dir"), System.console(), out));
        // before anything can register a case (the outage replay included): every event from now on is told
        SmsService sms = startSms(config, clock);

        try {
            node = ClusterNode.start(config);
        } catch (IllegalStateException e) {
            throw new StartupException(e.getMessage(), ExitCodes.LISTENER, e);
        }
        stops.push(node::close);
        Vertx vertx = node.vertx();

        intake = OutageIntakes.open(config, core, clock, stops);
        RecordingsService recordings = new RecordingsService(config, core.database(), intake.guard(core.caseRegistry())).start();
        stops.push(recordings::stop);

        ami = new AmiService(config, vertx, new AmiService.Dependencies(
                subject -> core.caseDesk().historyOf(subject, 10),
                new ConversationAdoption(recordings.store(), core.caseRegistry()),
                new JdbcQueueCallStore(core.database().dataSource()),
                clock));
        ami.start();
        stops.push(ami::stop);

        NationalIdRecognizer recognizer = recordings.recognizer();
        OutageIntakes.start(intake, recordings.store());
        ivr = new IvrServer(config, OutageTolerance.wrap(new IvrDependencies(core.caseRegistry(), core.callLog(), recordings.store(),
                recognizer, ami, core.officeHours()::isOpen, clock), intake));
        try {
            ivr.start();
        } catch (IOException e) {
            throw new StartupException("cannot listen for FastAGI on " + config.string("agi.bind") + ":"
                    + config.string("agi.port") + ": " + e.getMessage(), ExitCodes.LISTENER, e);
        }
        stops.push(ivr::stop);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EdgeMetrics.register(metrics, ivr, ami);
        SmsWiring.register(metrics, sms);
        List<HealthCheck> checks = List.of(
                HealthCheck.of("ami", false, () -> EdgeMetrics.amiHealth(config.isSet("ami.username"), ami)),
                HealthCheck.of("pbx", false, () -> EdgeMetrics.pbxHealth(config.isSet("ami.username"), ami)),
                OutageIntakes.health(intake),
                SmsWiring.health(sms),
                HealthCheck.of("recogniser", false, () -> recognizer == NationalIdRecognizer.NONE
                        ? HealthCheck.Status.disabled("speech.model is not set: spoken IDs go on unverified")
                        : HealthCheck.Status.up("configured")));
        console = new ConsoleServer(config, vertx, ConsoleWiring.dependencies(core, core.caseRegistry(),
                new ConsoleRecordings(recordings.store(), recordings.queue()), checks, metrics, clock, SmsWiring.view(sms)))
                .sessions(ClusterSessions.factory(node));
        try {
            console.start();
        } catch (RuntimeException e) {
            throw new StartupException("cannot start the console on " + config.string("console.bind") + ":"
                    + config.string("console.port") + ": " + e.getMessage(), ExitCodes.LISTENER, e);
        }
        stops.push(console::stop);
        log.info("line111 is up: FastAGI {}:{}, console http://{}:{}", config.string("agi.bind"), ivr.port(),
                config.string("console.bind"), console.port());
    }

    private SmsService startSms(Line111Config config, Clock clock) {
        try {
            return SmsWiring.start(config, core.database(), clock, stops);
        } catch (ir.line111.core.config.ConfigException e) {
            throw new StartupException(e.getMessage(), ExitCodes.CONFIG, e);
        }
    }

    /**
     * The data folder 0700 (0710 of {@code recordings.group}), the spool Asterisk's fallback writes
     * into 0700 (2770 of the group); the database and the recordings set their own files and folders.
     */
    private static void privateFolders(Line111Config config) {
        String group = config.string("recordings.group");
        try {
            FileModes.dataDir(config.path("data.dir"), group);
            FileModes.privateDir(config.path("recordings.spool"), group);
        } catch (IllegalStateException e) {
            throw new StartupException(e.getMessage(), ExitCodes.CONFIG, e);
        }
    }

    public int agiPort() {
        return ivr.port();
    }

    public int consolePort() {
        return console.port();
    }

    /** This node's Vert.x and, in cluster mode, its Hazelcast member. */
    public ClusterNode node() {
        return node;
    }

    /** The AMI adapter: holds the connection here, or follows the node of the cluster that does. */
    public AmiService ami() {
        return ami;
    }

    public CoreServices core() {
        return core;
    }

    /** Messages taken while the database is away: reserved codes, the intake journal. */
    public OutageIntake intake() {
        return intake;
    }

    /** Stops in reverse order: no new calls first, calls in progress finish or are recorded, the database last. */
    @Override
    public synchronized void close() {
        while (!stops.isEmpty()) {
            Runnable stop = stops.pop();
            try {
                stop.run();
            } catch (RuntimeException e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
        log.info("line111 stopped");
    }
}
