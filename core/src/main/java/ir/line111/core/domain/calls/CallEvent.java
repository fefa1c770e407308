package ir.line111.core.domain.calls;

import java.time.Instant;

/**
 * One entry of a call's record, as a value: what {@link CallLog}'s methods say, captured when it
 * happened so that a writer behind the calls can store many at once ({@link CallLog#writeAll}).
 */
public sealed interface CallEvent {
    String callId();

    /** When it happened (not when it was written). */
    Instant at();

    record Started(String callId, String callerNumber, String channelName, Instant at) implements CallEvent {}

    record Step(String callId, String step, String detail, Instant at) implements CallEvent {}

    record RecordingMade(String callId, long recordingId, Instant at) implements CallEvent {}

    record CaseLinked(String callId, long caseId, Instant at) implements CallEvent {}

    record Ended(String callId, CallOutcome outcome, String lastStep, Instant at) implements CallEvent {}

    record Satisfaction(String callId, int score, Instant at) implements CallEvent {}
}
