package ir.line111.ivr.ami;

import java.time.Instant;
import java.util.List;

/** Where queue call outcomes go, for reports and for the call-back list. Implementations may block. */
public interface QueueCallStore {

    /**
     * One queue call's outcome. {@code uniqueId} is Asterisk's id of the caller's channel; {@code callId}
     * the IVR's (LINE111_CALL_ID) or the unique id when the call did not come through the IVR.
     */
    record QueueCall(String uniqueId, String callId, String queue, String callerNumber, QueueOutcome outcome,
                     String operator, String operatorName, long waitSeconds, Long talkSeconds, Instant endedAt) {}

    /** Stores it once: a second record for the same unique id (an event seen again after a re-sync) is ignored. */
    void record(QueueCall call);

    /** Abandoned calls not yet called back, newest first. */
    List<QueueCall> callBackList(int limit);

    /** An operator called the caller back; true when the call was on the list. */
    boolean markCalledBack(String uniqueId, String operator, Instant at);

    /** Counts since {@code since} for the service level: answered, answered within the threshold, abandoned. */
    record Totals(long answered, long answeredWithin, long abandoned) {
        public static final Totals ZERO = new Totals(0, 0, 0);
    }

    Totals totalsSince(Instant since, int thresholdSeconds);

    QueueCallStore NONE = new QueueCallStore() {
        @Override public void record(QueueCall call) {}
        @Override public List<QueueCall> callBackList(int limit) { return List.of(); }
        @Override public boolean markCalledBack(String uniqueId, String operator, Instant at) { return false; }
        @Override public Totals totalsSince(Instant since, int thresholdSeconds) { return Totals.ZERO; }
    };
}
