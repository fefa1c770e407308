package ir.line111.app.wiring;

import ir.line111.console.ports.HealthCheck;
import ir.line111.core.CoreServices;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.recordings.RecordingStore;
import ir.line111.core.persistence.DatabaseProbe;
import ir.line111.core.persistence.PersistentReservedCodes;
import ir.line111.ivr.intake.DatabaseWatch;
import ir.line111.ivr.intake.OutageIntake;

import java.time.Clock;
import java.time.Duration;
import java.util.Deque;

/** The database watch and the outage intake (reserved codes, intake journal) of the one process. */
public final class OutageIntakes {
    private OutageIntakes() {}

    /**
     * Opens the journal and the reserve (before the recordings service, whose reconcilers must know
     * which messages the journal took) and pushes their stops onto {@code stops}; {@link #start} then
     * replays what a previous run left and keeps the reserve full.
     */
    public static OutageIntake open(Line111Config config, CoreServices core, Clock clock, Deque<Runnable> stops) {
        DatabaseWatch watch = new DatabaseWatch(DatabaseProbe.of(core.database(), config),
                Duration.ofMillis(config.integer("db.watch-ms", 10, 600_000)));
        OutageIntake intake = new OutageIntake(config.path("data.dir").resolve("intake"), config.integer("ivr.reserve.codes", 0, 1_000_000),
                core.trackingCodes()::issue, new PersistentReservedCodes(core.cases()), null, core.callLog(), watch, clock);
        stops.push(intake::close);
        stops.push(watch::close);
        return intake;
    }

    public static void start(OutageIntake intake, RecordingStore store) {
        intake.replayInto(store);
        intake.tick();
        intake.startWatching();
    }

    /** {@code /health}: whether the database is away, and how many messages wait in the journal. */
    public static HealthCheck health(OutageIntake intake) {
        return HealthCheck.of("intake", false, () -> intake.databaseUp()
                ? HealthCheck.Status.up(intake.waiting() + " intakes wait for the database, " + intake.codesLeft() + " reserved codes")
                : HealthCheck.Status.down("database away: " + intake.waiting() + " intakes wait, " + intake.codesLeft() + " reserved codes left"));
    }
}
