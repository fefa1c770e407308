package ir.line111.ivr.ami;

import ir.line111.core.domain.events.QueueState;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today's service level (answered within the threshold, abandoned), the running average talk time,
 * and our estimate of a new caller's wait. Not thread-safe: the monitor's thread owns it.
 */
final class ServiceLevel {

    /** Before any call was answered: a plausible talk time for the estimate (seconds). */
    static final double DEFAULT_TALK_SECONDS = 180;
    /** The estimate is capped: beyond an hour the number means "not today". */
    static final long MAX_ESTIMATE_SECONDS = 3600;

    private final int thresholdSeconds;
    private final ZoneId zone;
    private final Clock clock;
    private LocalDate day;
    private long answered, answeredWithin, abandoned;
    private double avgTalkSeconds = DEFAULT_TALK_SECONDS;

    ServiceLevel(int thresholdSeconds, ZoneId zone, Clock clock) {
        this.thresholdSeconds = thresholdSeconds;
        this.zone = zone;
        this.clock = clock;
        this.day = today();
    }

    void answered(long waitSeconds, Long talkSeconds) {
        rollDay();
        answered++;
        if (waitSeconds <= thresholdSeconds) answeredWithin++;
        if (talkSeconds != null && talkSeconds > 0) avgTalkSeconds = 0.8 * avgTalkSeconds + 0.2 * talkSeconds;
    }

    void abandoned() {
        rollDay();
        abandoned++;
    }

    /** Totals read back from the store at start-up: a restart does not reset the day's figures. */
    void loaded(LocalDate of, QueueCallStore.Totals t) {
        rollDay();
        if (!of.equals(day)) return;
        answered = Math.max(answered, t.answered());
        answeredWithin = Math.max(answeredWithin, t.answeredWithin());
        abandoned = Math.max(abandoned, t.abandoned());
    }

    void rollDay() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            answered = answeredWithin = abandoned = 0;
        }
    }

    double averageTalkSeconds() { return avgTalkSeconds; }

    /** Today's figures; the service level is a share (0..1, three decimals), null before the first call. */
    QueueState.Today figures() {
        rollDay();
        long handled = answered + abandoned;
        return new QueueState.Today(day, thresholdSeconds, answered, answeredWithin, abandoned,
                handled == 0 ? null : Math.round(1000.0 * answeredWithin / handled) / 1000.0);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Our estimate of a new caller's wait. Asterisk's own is smoothed, only updated on answer and reset
     * on restart; this one uses who is staffed now and a running average of talk time: the callers ahead
     * of the new one, beyond the free operators, each take one talk time spread over the staffed operators.
     */
    static long estimateWaitSeconds(int waiting, int available, int staffed, double avgTalkSeconds, long longestWait) {
        if (waiting < available) return 0;
        if (staffed <= 0) return MAX_ESTIMATE_SECONDS;
        double ahead = waiting - available + 1;
        long est = (long) Math.ceil(ahead * avgTalkSeconds / staffed);
        return Math.min(MAX_ESTIMATE_SECONDS, Math.max(0, est));
    }
}
