package ir.line111.core.domain.cases;

import ir.line111.core.domain.tracking.TrackingCode;

import java.util.Optional;

/**
 * What replaying the IVR's intake journal needs: messages taken while the database was away, each
 * with a code reserved earlier and already read to its caller. Replay must create each case once,
 * with the code the caller heard, even when it is interrupted and run again.
 */
public interface ReservedCodeRegistry {

    /** The id of the case holding {@code code}, if any (a replay that already ran). */
    Optional<Long> caseWithCode(TrackingCode code);

    /** The voicemail case registered for this call, if any (a commit that went through although the IVR saw it fail). */
    Optional<Long> voicemailCaseOfCall(String callId);

    /** Gives that case the code its caller heard; its own code was never read to anyone. */
    void giveCode(long caseId, TrackingCode heard);

    /** Registers the message with the code the caller heard; returns the case id. */
    long registerVoicemail(VoicemailIntake intake, TrackingCode heard);
}
