package ir.line111.core.domain.cases;

import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.util.Optional;

/**
 * The one registry every channel feeds (DESIGN §1). Implemented by core's persistence; used by the
 * IVR and the console. Every change adds a timeline event.
 */
public interface CaseRegistry {

    /** An open case about the same person within the configured duplicate window, newest first. */
    Optional<CaseSummary> findLikelyDuplicate(NationalId subject);

    /** Issues the tracking code at once; the case waits in AWAITING_TRANSCRIPTION. */
    CaseSummary registerVoicemail(VoicemailIntake intake);

    /** Registers a complete case and issues its tracking code. */
    CaseSummary register(NewCase newCase);

    /** Adds a caller's further message (a recording, possibly with text) to an existing case's timeline. */
    void addMessage(long caseId, Long recordingId, String callId, String text, Actor actor);

    Optional<CaseSummary> findByTrackingCode(TrackingCode code);

    /** The case an operator registered during the given call, for the after-queue entry. */
    Optional<CaseSummary> findRegisteredInCall(String callId);

    /** The caller is not satisfied with the answer: first objection re-opens, second goes to the complaints board. */
    CaseSummary object(long caseId, String callId, Actor actor, String note);

    /**
     * When the complaints board decided the case (its BOARD_VERDICT event; issue 16), for the follow-up
     * that says "the board has decided" and the date; empty when it has not.
     */
    default java.util.Optional<java.time.Instant> boardVerdictAt(long caseId) {
        return java.util.Optional.empty();
    }
}
