package ir.line111.core.domain.agencydesk;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.DeadlineClass;

import java.util.List;
import java.util.Optional;

/**
 * The agency's side of a case (issue 16), always for one agency: a case not referred to it is
 * {@link Optional#empty()} or {@link ir.line111.core.domain.cases.NoSuchCaseException} exactly like a case
 * that does not exist, so that an id never tells a liaison anything about another agency's case.
 * Every change is on the case's timeline.
 *
 * @throws ir.line111.core.domain.cases.NoSuchCaseException for a case that is not the agency's
 * @throws ir.line111.core.domain.cases.CaseRuleException when the case's status does not allow the action
 */
public interface AgencyDesk {

    /** What the agency owes: cases awaiting its answer and board verdicts awaiting compliance, in {@link DeskOrder}. */
    List<InboxItem> inbox(long agencyId);

    /** The case, when it was referred to this agency and still is. */
    Optional<AgencyCase> find(long agencyId, long caseId);

    /** The agency's answer (text; attachments uploaded before, by id): ANSWERED. */
    CaseDetail answer(long agencyId, long caseId, String text, List<Long> attachmentIds, Actor actor);

    /** Asks for a longer deadline class, with the reason; one request open at a time. */
    ExtensionRequest requestExtension(long agencyId, long caseId, DeadlineClass requested, String reason, Actor actor);

    /** "Not ours": the case leaves the agency and returns to the supervisors' list, with the reason. */
    void sendBack(long agencyId, long caseId, String reason, Actor actor);

    /** Records a file stored for the case by the caller of this method. */
    Attachment addAttachment(long agencyId, long caseId, String fileName, String mediaType, long sizeBytes,
                             String storedName, String sha256, Actor actor);

    /** An attachment of one of the agency's cases. */
    Optional<Attachment> attachment(long agencyId, long attachmentId);

    /** The agency reports that it complied with the complaints board's verdict. */
    void complied(long agencyId, long caseId, String note, Actor actor);
}
