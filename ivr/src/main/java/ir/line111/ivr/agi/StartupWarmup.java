package ir.line111.ivr.agi;

import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.ivr.prompts.PersianSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Runs the read-only paths of a call once before the first caller: the Solar Hijri calendar (ICU4J
 * builds its tables on first use), the case look-ups by tracking code and by call (the ORM prepares
 * its query plans), and the parsers. Without it the first callers after a start wait for these
 * one-time costs between two prompts. Writes nothing; a failure only means the first call is slower.
 */
public final class StartupWarmup implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);

    private final CaseRegistry cases;
    private final Clock clock;

    public StartupWarmup(CaseRegistry cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void run() {
        long t0 = System.nanoTime();
        PersianSpeech.jalaliDate(clock.instant());
        NationalId.parse("0499370899");
        TrackingCode code = TrackingCode.fromBody(1);
        TrackingCode.parse(code.digits());
        try {
            cases.findByTrackingCode(code);
            cases.findRegisteredInCall("line111-startup-warmup");
        } catch (RuntimeException e) {
            log.debug("start-up warm-up of the case look-ups failed ({}); the first call will do it", e.toString());
        }
        log.debug("call paths warmed in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
