package ir.line111.ivr.intake;

import ir.line111.ivr.IvrDependencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The call flows' dependencies made to keep taking messages while the database is away. */
public final class OutageTolerance {
    private static final Logger log = LoggerFactory.getLogger(OutageTolerance.class);

    private OutageTolerance() {}

    public static IvrDependencies wrap(IvrDependencies deps, OutageIntake intake) {
        DatabaseWatch watch = intake.watch();
        OutageTolerantRecordings recordings = new OutageTolerantRecordings(deps.recordings(), watch);
        return new IvrDependencies(new OutageTolerantRegistry(deps.cases(), recordings, intake, deps.clock()),
                new ProvisionalIdFilter(deps.callLog()), recordings, deps.recognizer(), deps.queueLoad(),
                at -> {
                    try {
                        return watch.isUp() && deps.officeHours().isOpen(at);
                    } catch (RuntimeException e) {
                        // Office hours are read from the database: without it, the caller leaves a message.
                        log.warn("office hours unknown ({}): taking a message", e.toString());
                        watch.suspect();
                        return false;
                    }
                },
                deps.clock(), intake::canTakeMessages);
    }
}
