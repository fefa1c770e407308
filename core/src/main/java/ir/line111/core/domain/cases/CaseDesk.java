package ir.line111.core.domain.cases;

import ir.line111.core.domain.identity.NationalId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's work on cases (supervisors, operators, transcribers), beside the callers' actions of
 * {@link CaseRegistry}. Each change checks the status rules ({@link CaseStatus#canMoveTo}), appends
 * a timeline event with the actor, and returns the case as it now is.
 *
 * @throws NoSuchCaseException for an unknown case id (every method taking one)
 * @throws CaseRuleException when the case's status does not allow the action
 */
public interface CaseDesk {

    Optional<CaseDetail> detail(long caseId);

    /** The case as lists show it (no timeline): for a visibility or status check, or one row. */
    Optional<CaseListItem> item(long caseId);

    /** The case a recording belongs to: its message or spoken ID, or a timeline entry naming it. */
    Optional<Long> caseOfRecording(long recordingId);

    /** The calls a case knows of: the one it was registered from, and those its timeline came from. */
    Set<String> callsOf(long caseId);

    /** Oldest first. */
    List<TimelineEvent> timeline(long caseId);

    CasePage search(CaseQuery query);

    /** The subject's cases, newest first: the operator's screen-pop history. */
    List<CaseSummary> historyOf(NationalId subject, int limit);

    /** Refers (or re-refers) the case to an agency; REFERRED. */
    CaseDetail refer(long caseId, long agencyId, String note, Actor actor);

    /** Records the agency's answer (text, optionally an audio recording); ANSWERED. */
    CaseDetail answer(long caseId, String text, Long recordingId, Actor actor);

    /** The caller's objection taken by an operator; the same rule as {@link CaseRegistry#object}. */
    CaseDetail registerObjection(long caseId, String note, String callId, Actor actor);

    /** Sends the case to the complaints board (from OBJECTION_2). */
    CaseDetail sendToBoard(long caseId, String note, Actor actor);

    CaseDetail close(long caseId, String note, Actor actor);

    /** Turns a recorded message (AWAITING_TRANSCRIPTION) into a registered case, keeping its tracking code. */
    CaseDetail registerTranscribed(long caseId, VoicemailRegistration registration, Actor actor);

    /** A recorded message that is no matter (silence, wrong number…): closed with the reason. */
    CaseDetail notAMatter(long caseId, String reason, String note, Actor actor);

    /** A note on the timeline; no status change. */
    void addNote(long caseId, String note, Actor actor);
}
