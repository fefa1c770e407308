package ir.line111.console.store;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.Relation;

import java.time.Instant;

/** A row of core's {@code case_record} with its agency's name, as the console reads it. {@code kind} is null until a voicemail is transcribed. */
public record CaseRow(long id, String trackingCode, CaseKind kind, Channel channel, CaseStatus status,
                      String subjectNationalId, boolean subjectIdVerified, Relation relation, String subjectFullName,
                      Long agencyId, String agencyName, String summary, String description, DeadlineClass deadlineClass,
                      Instant dueAt, Instant registeredAt, String registeredBy, String callerNumber, String callId,
                      Long spokenIdRecordingId, Long messageRecordingId, Long duplicateOf, int objectionCount,
                      String answer, Instant answeredAt, Instant closedAt, int rowVersion) {

    public boolean overdue(Instant now) {
        return status.isOpen() && status != CaseStatus.AWAITING_TRANSCRIPTION && dueAt != null && dueAt.isBefore(now);
    }
}
