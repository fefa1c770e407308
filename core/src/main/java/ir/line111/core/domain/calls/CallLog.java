package ir.line111.core.domain.calls;

import java.time.Instant;

/**
 * The record of every call: where the caller went, what they pressed, what was recorded, what was
 * issued, how it ended. Keyed by Asterisk's unique id. Implementations must never throw into a call
 * flow for a storage fault: they log it and keep the call going.
 */
public interface CallLog {
    void started(String callId, String callerNumber, String channelName, Instant at);

    /** One step of the path through the IVR, e.g. ("main-menu", "pressed 1"). */
    void step(String callId, String step, String detail);

    void recordingMade(String callId, long recordingId);

    void caseLinked(String callId, long caseId);

    /** {@code lastStep}: where the caller was when the call ended. */
    void ended(String callId, CallOutcome outcome, String lastStep, Instant at);

    /** A 1–5 satisfaction score from the after-queue entry. */
    void satisfaction(String callId, int score);

    /**
     * Writes {@code events} in their order, for a writer that gathers them from many calls. Unlike the
     * methods above it may throw {@link CallLogUnavailableException} when the store cannot be reached:
     * then nothing of {@code events} was written and the caller keeps them and tries again later.
     * This default writes them one by one through the methods above.
     */
    default void writeAll(java.util.List<? extends CallEvent> events) {
        for (CallEvent e : events) {
            switch (e) {
                case CallEvent.Started s -> started(s.callId(), s.callerNumber(), s.channelName(), s.at());
                case CallEvent.Step s -> step(s.callId(), s.step(), s.detail());
                case CallEvent.RecordingMade r -> recordingMade(r.callId(), r.recordingId());
                case CallEvent.CaseLinked c -> caseLinked(c.callId(), c.caseId());
                case CallEvent.Ended d -> ended(d.callId(), d.outcome(), d.lastStep(), d.at());
                case CallEvent.Satisfaction s -> satisfaction(s.callId(), s.score());
            }
        }
    }

    /** The call log's store cannot be reached now; what was being written may be retried. */
    final class CallLogUnavailableException extends RuntimeException {
        public CallLogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
