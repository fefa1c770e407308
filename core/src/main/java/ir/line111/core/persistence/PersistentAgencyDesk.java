package ir.line111.core.persistence;

import ir.line111.core.domain.agencydesk.AgencyCase;
import ir.line111.core.domain.agencydesk.AgencyDesk;
import ir.line111.core.domain.agencydesk.Attachment;
import ir.line111.core.domain.agencydesk.ExtensionRequest;
import ir.line111.core.domain.agencydesk.InboxItem;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.persistence.entity.CaseEntity;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static ir.line111.core.persistence.AgencyRows.AT_AGENCY;
import static ir.line111.core.persistence.AgencyRows.PENDING_COMPLIANCE;
import static ir.line111.core.persistence.AgencyRows.REFERRED_TO_AGENCY;
import static ir.line111.core.persistence.AgencyRows.inList;

/**
 * The agency desk on the core tables (issue 16). Every lookup is by agency and case together: a case
 * of another agency is not found, exactly like one that does not exist. The answer itself goes through
 * {@link CaseDesk#answer} (the one place that answers a case).
 */
public final class PersistentAgencyDesk implements AgencyDesk {

    private final Database db;
    private final CaseDesk cases;
    private final Clock clock;

    public PersistentAgencyDesk(Database db, CaseDesk cases, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<InboxItem> inbox(long agencyId) {
        Instant now = now();
        return db.fromTransaction(s -> AgencyRows.items(s, now, "c.agency_id = ? and " + REFERRED_TO_AGENCY
                + " and (c.status in " + inList(AT_AGENCY) + " or " + PENDING_COMPLIANCE + ")", agencyId));
    }

    @Override
    public Optional<AgencyCase> find(long agencyId, long caseId) {
        Instant now = now();
        return db.fromTransaction(s -> owned(s, agencyId, caseId).map(c -> new AgencyCase(CaseRows.detail(s, c, now),
                AgencyRows.flags(s, caseId), AgencyRows.attachments(s, "case_id = ? and agency_id = ?", caseId, agencyId),
                AgencyRows.extensions(s, "r.case_id = ? and r.agency_id = ?", caseId, agencyId))));
    }

    @Override
    public CaseDetail answer(long agencyId, long caseId, String text, List<Long> attachmentIds, Actor actor) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("an answer needs a text");
        List<Long> files = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
        db.inTransaction(s -> {
            CaseEntity c = mine(s, agencyId, caseId);
            if (!AT_AGENCY.contains(c.getStatus())) throw new CaseRuleException("the agency answers a case referred to it; the case is " + c.getStatus());
            for (Long id : files) {
                if (AgencyRows.attachments(s, "id = ? and case_id = ? and agency_id = ?", id, caseId, agencyId).isEmpty()) {
                    throw new NoSuchCaseException("attachment " + id + " of case " + caseId);
                }
            }
        });
        // the files are on the timeline already (ATTACHMENT_ADDED); the answer is the text the caller will hear of
        return cases.answer(caseId, text.strip(), null, actor);
    }

    @Override
    public ExtensionRequest requestExtension(long agencyId, long caseId, DeadlineClass requested, String reason, Actor actor) {
        Objects.requireNonNull(requested, "requested");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a request for a longer deadline needs a reason");
        Instant now = now();
        return db.fromTransaction(s -> {
            CaseEntity c = mine(s, agencyId, caseId);
            if (!AT_AGENCY.contains(c.getStatus())) throw new CaseRuleException("only a case awaiting the agency's answer can have a longer deadline");
            DeadlineClass from = c.getDeadlineClass() == null ? DeadlineClass.SIMPLE : c.getDeadlineClass();
            if (requested.days() <= from.days()) throw new CaseRuleException("the requested class " + requested + " is not longer than " + from);
            if (!AgencyRows.extensions(s, "r.case_id = ? and r.decision is null", caseId).isEmpty()) {
                throw new CaseRuleException("a request for a longer deadline is already waiting for the supervisor");
            }
            long id = AgencyRows.insert(s, "insert into case_extension_request (case_id, agency_id, from_class, requested_class, reason, requested_by, requested_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", caseId, agencyId, from, requested, reason.strip(), actor.name(), now);
            CaseRows.event(s, caseId, now, actor, CaseEventType.EXTENSION_REQUESTED, CaseRows.params("requested", requested.name(), "from", from.name()),
                    CaseRows.truncate(reason.strip(), 3000), null, null, null, null);
            return AgencyRows.extension(s, id).orElseThrow();
        });
    }

    @Override
    public void sendBack(long agencyId, long caseId, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("sending a case back needs a reason");
        Instant now = now();
        db.inTransaction(s -> {
            CaseEntity c = mine(s, agencyId, caseId);
            if (!AT_AGENCY.contains(c.getStatus())) throw new CaseRuleException("only a case awaiting the agency's answer can be sent back");
            // The status stays (REFERRED or OBJECTION_1, see CaseStatus): the case waits for a new referral on the supervisors' list.
            var agency = s.find(ir.line111.core.persistence.entity.AgencyEntity.class, agencyId);
            c.setAgencyId(null);
            c.setUpdatedAt(now);
            CaseRows.event(s, caseId, now, actor, CaseEventType.RETURNED_BY_AGENCY, CaseRows.params("agency", agency == null ? null : agency.getName(),
                    "agencyId", Long.toString(agencyId)), CaseRows.truncate(reason.strip(), 3000), null, null, null, null);
        });
    }

    @Override
    public Attachment addAttachment(long agencyId, long caseId, String fileName, String mediaType, long sizeBytes,
                                    String storedName, String sha256, Actor actor) {
        Instant now = now();
        return db.fromTransaction(s -> {
            CaseEntity c = mine(s, agencyId, caseId);
            if (!AT_AGENCY.contains(c.getStatus())) throw new CaseRuleException("files go with an answer the agency still owes");
            long id = AgencyRows.insert(s, "insert into case_attachment (case_id, agency_id, file_name, media_type, size_bytes, stored_name, sha256, "
                    + "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, agencyId, CaseRows.truncate(fileName, 200), mediaType,
                    sizeBytes, storedName, sha256, actor.name(), now);
            CaseRows.event(s, caseId, now, actor, CaseEventType.ATTACHMENT_ADDED, CaseRows.params("file", CaseRows.truncate(fileName, 200),
                    "type", mediaType, "bytes", Long.toString(sizeBytes), "attachmentId", Long.toString(id)), null, null, null, null, null);
            return AgencyRows.attachments(s, "id = ?", id).getFirst();
        });
    }

    @Override
    public Optional<Attachment> attachment(long agencyId, long attachmentId) {
        return db.fromTransaction(s -> AgencyRows.attachments(s, "id = ? and agency_id = ?", attachmentId, agencyId).stream()
                .filter(a -> owned(s, agencyId, a.caseId()).isPresent()).findFirst());
    }

    @Override
    public void complied(long agencyId, long caseId, String note, Actor actor) {
        Instant now = now();
        db.inTransaction(s -> {
            mine(s, agencyId, caseId);
            int n = AgencyRows.update(s, "update board_agenda_item set complied_at = ? where case_id = ? and verdict is not null and complied_at is null",
                    now, caseId);
            if (n == 0) throw new CaseRuleException("no verdict of the complaints board awaits compliance");
            CaseRows.event(s, caseId, now, actor, CaseEventType.VERDICT_COMPLIED, CaseRows.blankToNull(note), null, null, null, null);
        });
    }

    /** The case when it is referred to this agency; empty for another agency's and for none. */
    private static Optional<CaseEntity> owned(Session s, long agencyId, long caseId) {
        CaseEntity c = s.find(CaseEntity.class, caseId);
        if (c == null || c.getAgencyId() == null || c.getAgencyId() != agencyId) return Optional.empty();
        boolean referred = !AgencyRows.query(s, "select 1 from case_event where case_id = ? and event_type = 'REFERRED'", rs -> 1, caseId).isEmpty();
        return referred ? Optional.of(c) : Optional.empty();
    }

    private static CaseEntity mine(Session s, long agencyId, long caseId) {
        return owned(s, agencyId, caseId).orElseThrow(() -> new NoSuchCaseException("id " + caseId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
