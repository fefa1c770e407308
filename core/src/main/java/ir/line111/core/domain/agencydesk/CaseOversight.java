package ir.line111.core.domain.agencydesk;

import ir.line111.core.domain.cases.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The supervisor's side of the agency desk (issue 16): what the agency may see of a case, urgent matters,
 * extension requests, cases sent back, and the daily digest with its escalation. Every change is audited
 * on the case's timeline.
 *
 * @throws ir.line111.core.domain.cases.NoSuchCaseException for an unknown case or request
 */
public interface CaseOversight {

    CaseFlags flags(long caseId);

    /** Lets the agency hear the case's recordings and see the subject's national ID (only where the matter needs it). */
    CaseFlags share(long caseId, boolean recordings, boolean nationalId, Actor actor);

    /** Marks the case urgent (فوری) with a reason, or clears it. */
    CaseFlags urgent(long caseId, boolean urgent, String reason, Actor actor);

    /** Open urgent cases, for the presidency's office. */
    List<InboxItem> urgentCases();

    List<ExtensionRequest> pendingExtensions();

    /** Approves (the case takes the longer class, due from registration) or refuses a request. */
    ExtensionRequest decideExtension(long requestId, boolean approve, String note, Actor actor);

    /** Cases the agencies sent back as not theirs, waiting for a new referral. */
    List<InboxItem> returned();

    /** Cases at an agency awaiting its answer that are overdue or due before {@code until}, in {@link DeskOrder}. */
    List<InboxItem> dueAtAgencies(Instant until);

    /** Puts every overdue case at an agency on the supervisors' list (once per case); returns how many were new. */
    int escalateOverdue();

    /** Escalated cases still awaiting the agency's answer. */
    List<InboxItem> escalated();

    /** Where the case is among these lists; empty for an unknown case. */
    Optional<InboxItem> item(long caseId);
}
