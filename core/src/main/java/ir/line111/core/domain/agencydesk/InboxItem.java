package ir.line111.core.domain.agencydesk;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Instant;

/**
 * A case in a work list of issue 16 (the agency's inbox, the digest, the urgent report, the returned
 * cases). {@code complyBy}: the deadline the complaints board gave the agency, where it gave one.
 */
public record InboxItem(long id, TrackingCode trackingCode, CaseKind kind, CaseStatus status, String summary,
                        Long agencyId, String agencyName, DeadlineClass deadlineClass, Instant registeredAt, Instant dueAt,
                        boolean urgent, String urgentReason, boolean overdue, Instant complyBy) implements DeskOrder.Item {}
