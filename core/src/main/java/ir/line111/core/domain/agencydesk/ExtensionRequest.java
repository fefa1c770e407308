package ir.line111.core.domain.agencydesk;

import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Instant;

/** An agency's request for a longer deadline class; {@code decision} is null while the supervisor has not decided. */
public record ExtensionRequest(long id, long caseId, TrackingCode trackingCode, long agencyId, String agencyName,
                               DeadlineClass from, DeadlineClass requested, String reason, String requestedBy,
                               Instant requestedAt, Decision decision, String decidedBy, Instant decidedAt) {
    public enum Decision { APPROVED, REFUSED }

    public boolean pending() {
        return decision == null;
    }
}
