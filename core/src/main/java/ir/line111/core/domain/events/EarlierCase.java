package ir.line111.core.domain.events;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Instant;

/** One line of a screen-pop's history: what the operator needs to recognise a case, no personal data. */
public record EarlierCase(long id, TrackingCode trackingCode, CaseKind kind, Channel channel, CaseStatus status,
                          String agencyName, Instant registeredAt, Instant dueAt, boolean overdue) {

    /** {@code overdue} by {@link CaseRules#overdue}, the one definition, at {@code now}. */
    public static EarlierCase of(CaseSummary c, Instant now) {
        return new EarlierCase(c.id(), c.trackingCode(), c.kind(), c.channel(), c.status(), c.agencyName(),
                c.registeredAt(), c.dueAt(), c.status() != null && CaseRules.overdue(c.status(), c.dueAt(), now));
    }
}
