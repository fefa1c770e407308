package ir.line111.core.domain.cases;

import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Instant;

/**
 * What the IVR and the console lists need to know of a case. {@code agencyName}, {@code dueAt},
 * {@code answer} may be null; {@code agencyPromptKey} is the prompt the IVR says for the agency
 * (null: none of its own).
 */
public record CaseSummary(long id, TrackingCode trackingCode, CaseKind kind, Channel channel, CaseStatus status,
                          SubjectPerson subject, String agencyName, Instant registeredAt, Instant dueAt,
                          String answer, String agencyPromptKey) {

    public CaseSummary(long id, TrackingCode trackingCode, CaseKind kind, Channel channel, CaseStatus status,
                       SubjectPerson subject, String agencyName, Instant registeredAt, Instant dueAt, String answer) {
        this(id, trackingCode, kind, channel, status, subject, agencyName, registeredAt, dueAt, answer, null);
    }
}
