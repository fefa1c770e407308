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
}
