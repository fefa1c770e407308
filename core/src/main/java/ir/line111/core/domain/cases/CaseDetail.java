package ir.line111.core.domain.cases;

import java.time.Instant;
import java.util.List;

/**
 * The case page: the summary, everything else stored about the case, and its timeline (oldest
 * first). {@code allowedActions} are what the case's status allows (the console intersects them
 * with the user's role). {@code urgent}: marked urgent (فوری, issue 16).
 */
public record CaseDetail(CaseSummary summary, Long agencyId, String summaryText, String description,
                         DeadlineClass deadlineClass, String registeredBy, String callerNumber, String callId,
                         Long spokenIdRecordingId, Long messageRecordingId, Long duplicateOf, int objectionCount,
                         Instant answeredAt, Instant closedAt, boolean overdue, boolean urgent, List<CaseAction> allowedActions,
                         List<TimelineEvent> timeline) {
    public CaseDetail {
        allowedActions = List.copyOf(allowedActions);
        timeline = List.copyOf(timeline);
    }

    public long id() {
        return summary.id();
    }

    public CaseStatus status() {
        return summary.status();
    }
}
