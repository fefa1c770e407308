package ir.line111.core.persistence;

import ir.line111.core.domain.agencydesk.CaseFlags;
import ir.line111.core.domain.agencydesk.CaseOversight;
import ir.line111.core.domain.agencydesk.ExtensionRequest;
import ir.line111.core.domain.agencydesk.InboxItem;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.persistence.entity.CaseEntity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static ir.line111.core.persistence.AgencyRows.AT_AGENCY;
import static ir.line111.core.persistence.AgencyRows.REFERRED_TO_AGENCY;
import static ir.line111.core.persistence.AgencyRows.inList;

/** The supervisor's side of the agency desk on the core tables (issue 16); every change is on the timeline. */
public final class PersistentCaseOversight implements CaseOversight {

    private final Database db;
    private final Clock clock;

    public PersistentCaseOversight(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CaseFlags flags(long caseId) {
        return db.fromTransaction(s -> {
            CaseRows.load(s, caseId);
            return AgencyRows.flags(s, caseId);
        });
    }

    @Override
    public CaseFlags share(long caseId, boolean recordings, boolean nationalId, Actor actor) {
        Instant now = now();
        return db.fromTransaction(s -> {
            CaseRows.load(s, caseId);
            CaseFlags f = AgencyRows.flags(s, caseId);
            if (f.recordingsShared() != recordings) {
                CaseRows.event(s, caseId, now, actor, recordings ? CaseEventType.RECORDINGS_SHARED : CaseEventType.RECORDINGS_UNSHARED, null, null, null, null, null);
            }
            if (f.nationalIdNeeded() != nationalId) {
                CaseRows.event(s, caseId, now, actor, nationalId ? CaseEventType.NATIONAL_ID_SHARED : CaseEventType.NATIONAL_ID_UNSHARED, null, null, null, null, null);
            }
            CaseFlags n = new CaseFlags(f.urgent(), f.urgentReason(), f.urgentAt(), recordings, nationalId, f.escalatedAt());
            AgencyRows.saveFlags(s, caseId, n, now);
            return n;
        });
    }

    @Override
    public CaseFlags urgent(long caseId, boolean urgent, String reason, Actor actor) {
        if (urgent && (reason == null || reason.isBlank())) throw new IllegalArgumentException("an urgent matter needs the reason");
        Instant now = now();
        return db.fromTransaction(s -> {
            CaseEntity c = CaseRows.load(s, caseId);
            if (urgent && !c.getStatus().isOpen()) throw new CaseRuleException("a closed case cannot be urgent");
            CaseFlags f = AgencyRows.flags(s, caseId);
            CaseFlags n = urgent ? new CaseFlags(true, reason.strip(), now, f.recordingsShared(), f.nationalIdNeeded(), f.escalatedAt())
                    : new CaseFlags(false, null, null, f.recordingsShared(), f.nationalIdNeeded(), f.escalatedAt());
            if (urgent || f.urgent()) {
                CaseRows.event(s, caseId, now, actor, urgent ? CaseEventType.MARKED_URGENT : CaseEventType.URGENT_CLEARED,
                        CaseRows.truncate(CaseRows.blankToNull(reason), 1000), null, null, null, null);
            }
            AgencyRows.saveFlags(s, caseId, n, now);
            return n;
        });
    }

    @Override
    public List<InboxItem> urgentCases() {
        Instant now = now();
        return db.fromTransaction(s -> AgencyRows.items(s, now, "f.urgent = true and c.status <> 'CLOSED'"));
    }

    @Override
    public List<ExtensionRequest> pendingExtensions() {
        return db.fromTransaction(s -> AgencyRows.extensions(s, "r.decision is null"));
    }

    @Override
    public ExtensionRequest decideExtension(long requestId, boolean approve, String note, Actor actor) {
        Instant now = now();
        return db.fromTransaction(s -> {
            ExtensionRequest r = AgencyRows.extension(s, requestId).orElseThrow(() -> new NoSuchCaseException("extension request " + requestId));
            if (!r.pending()) throw new CaseRuleException("the request was already " + r.decision());
            CaseEntity c = CaseRows.load(s, r.caseId());
            ExtensionRequest.Decision d = approve ? ExtensionRequest.Decision.APPROVED : ExtensionRequest.Decision.REFUSED;
            AgencyRows.update(s, "update case_extension_request set decision = ?, decided_by = ?, decided_at = ? where id = ?", d, actor.name(), now, requestId);
            var params = CaseRows.params("requested", r.requested().name(), "from", r.from().name());
            if (approve) {
                // DeadlineClass counts from registration (seed 001): the longer class's due date, not an extra stretch from today.
                c.setDeadlineClass(r.requested());
                c.setDueAt(r.requested().dueAt(c.getRegisteredAt()));
                c.setUpdatedAt(now);
            }
            CaseRows.event(s, c.getId(), now, actor, approve ? CaseEventType.EXTENSION_APPROVED : CaseEventType.EXTENSION_REFUSED, params,
                    CaseRows.blankToNull(note), null, null, null, null);
            return AgencyRows.extension(s, requestId).orElseThrow();
        });
    }

    @Override
    public List<InboxItem> returned() {
        Instant now = now();
        return db.fromTransaction(s -> AgencyRows.items(s, now, "c.agency_id is null and c.status in " + inList(AT_AGENCY)
                + " and exists (select 1 from case_event e where e.case_id = c.id and e.event_type = 'RETURNED_BY_AGENCY')"));
    }

    @Override
    public List<InboxItem> dueAtAgencies(Instant until) {
        Instant now = now();
        return db.fromTransaction(s -> AgencyRows.items(s, now, atAgency() + " and c.due_at < ?", until));
    }

    @Override
    public int escalateOverdue() {
        Instant now = now();
        return db.fromTransaction(s -> {
            List<InboxItem> overdue = AgencyRows.items(s, now, atAgency() + " and c.due_at < ? and (f.escalated_at is null)", now);
            for (InboxItem i : overdue) {
                CaseFlags f = AgencyRows.flags(s, i.id());
                AgencyRows.saveFlags(s, i.id(), new CaseFlags(f.urgent(), f.urgentReason(), f.urgentAt(), f.recordingsShared(), f.nationalIdNeeded(), now), now);
                CaseRows.event(s, i.id(), now, Actor.SYSTEM, CaseEventType.ESCALATED, CaseRows.params("agency", i.agencyName()), null, null, null, null, null);
            }
            return overdue.size();
        });
    }

    @Override
    public List<InboxItem> escalated() {
        Instant now = now();
        return db.fromTransaction(s -> AgencyRows.items(s, now, atAgency() + " and f.escalated_at is not null"));
    }

    @Override
    public Optional<InboxItem> item(long caseId) {
        Instant now = now();
        return db.fromTransaction(s -> AgencyRows.items(s, now, "c.id = ?", caseId).stream().findFirst());
    }

    private static String atAgency() {
        return REFERRED_TO_AGENCY + " and c.status in " + inList(AT_AGENCY);
    }

    static boolean atAgency(CaseStatus s) {
        return AT_AGENCY.contains(s);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
