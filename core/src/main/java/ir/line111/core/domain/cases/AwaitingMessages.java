package ir.line111.core.domain.cases;

import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The recorded messages waiting for a transcriber (status AWAITING_TRANSCRIPTION), oldest first:
 * what the console's workbench lists, claims and counts. The claims themselves are the console's.
 */
public interface AwaitingMessages {

    /** A message as the workbench lists it. {@code subject} is what the caller said, usually unverified. */
    record Message(long caseId, TrackingCode trackingCode, String callId, String callerNumber, Instant receivedAt,
                   SubjectPerson subject, Long messageRecordingId, Long spokenIdRecordingId) {}

    /** Up to {@code limit} messages still awaiting transcription, oldest first, leaving out {@code skipping}. */
    List<Message> oldest(int limit, Collection<Long> skipping);

    /** Those of {@code caseIds} that still await transcription. */
    Set<Long> stillAwaiting(Collection<Long> caseIds);

    /** How many messages await transcription. */
    long count();

    /** When the oldest waiting message was received; empty when none waits. */
    Optional<Instant> oldestReceivedAt();
}
