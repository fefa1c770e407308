package ir.line111.core.domain.calls;

import java.time.Instant;
import java.util.List;

/** A call as the console shows it; {@code steps} (oldest first) is empty in lists. Times may be null for a call seen only in part. */
public record CallRecord(String callId, String callerNumber, String channelName, Instant startedAt, Instant endedAt,
                         CallOutcome outcome, String lastStep, Long caseId, Integer satisfaction, List<Step> steps) {
    public CallRecord {
        steps = List.copyOf(steps);
    }

    /** One step of the path; a recording made is a step named "recording" with its id. */
    public record Step(Instant at, String step, String detail, Long recordingId) {}
}
