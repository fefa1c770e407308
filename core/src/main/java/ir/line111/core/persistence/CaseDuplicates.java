package ir.line111.core.persistence;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.persistence.entity.CaseEntity;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static ir.line111.core.persistence.CaseRows.event;

/**
 * The duplicate rule: a new case about a person with an open case registered within the window
 * (administered, {@code cases.duplicate-window-days}) is linked to it, and both timelines say so.
 */
final class CaseDuplicates {
    private final Supplier<Duration> window;

    CaseDuplicates(Supplier<Duration> window) {
        this.window = window;
    }

    Optional<CaseEntity> find(Session s, String nationalId, Instant now) {
        return s.createSelectionQuery(
                        "from CaseEntity c where c.subjectNationalId = :nid and c.status <> :closed and c.registeredAt >= :since "
                                + "order by c.registeredAt desc, c.id desc", CaseEntity.class)
                .setParameter("nid", nationalId)
                .setParameter("closed", CaseStatus.CLOSED)
                .setParameter("since", now.minus(window.get()))
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** The duplicate rule: link to the open case about the same person within the window. */
    void link(Session s, CaseEntity c, Instant now) {
        if (c.getSubjectNationalId() == null) return;
        find(s, c.getSubjectNationalId(), now).ifPresent(d -> c.setDuplicateOf(d.getId()));
    }

    /** Both cases' timelines say so. */
    void announce(Session s, CaseEntity c, Instant now, Actor by) {
        if (c.getDuplicateOf() == null) return;
        CaseEntity d = s.find(CaseEntity.class, c.getDuplicateOf());
        event(s, c.getId(), now, by, CaseEventType.LINKED_AS_DUPLICATE,
                CaseRows.params("code", d.getTrackingCode(), "caseId", Long.toString(d.getId())), null, null, null, c.getCallId(), null);
        event(s, d.getId(), now, by, CaseEventType.DUPLICATE_REGISTERED,
                CaseRows.params("code", c.getTrackingCode(), "caseId", Long.toString(c.getId())), null, null, null, c.getCallId(), null);
    }
}
