package ir.line111.ivr.intake;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.util.Optional;
import java.util.function.Predicate;

/** {@link OutageIntake#guard}: refuses to register a message of a call that the intake journal took. */
final class JournalGuard implements CaseRegistry {
    private final CaseRegistry cases;
    private final Predicate<String> journalTookCall;

    JournalGuard(CaseRegistry cases, Predicate<String> journalTookCall) {
        this.cases = cases;
        this.journalTookCall = journalTookCall;
    }

    @Override
    public CaseSummary registerVoicemail(VoicemailIntake intake) {
        if (intake.callId() != null && journalTookCall.test(intake.callId())) {
            throw new IllegalStateException("the message of call " + intake.callId() + " is in the intake journal: its case comes from replay");
        }
        return cases.registerVoicemail(intake);
    }

    @Override public Optional<CaseSummary> findLikelyDuplicate(NationalId subject) { return cases.findLikelyDuplicate(subject); }
    @Override public CaseSummary register(NewCase newCase) { return cases.register(newCase); }
    @Override public void addMessage(long caseId, Long recordingId, String callId, String text, Actor actor) { cases.addMessage(caseId, recordingId, callId, text, actor); }
    @Override public Optional<CaseSummary> findByTrackingCode(TrackingCode code) { return cases.findByTrackingCode(code); }
    @Override public Optional<CaseSummary> findRegisteredInCall(String callId) { return cases.findRegisteredInCall(callId); }
    @Override public CaseSummary object(long caseId, String callId, Actor actor, String note) { return cases.object(caseId, callId, actor, note); }
    @Override public Optional<java.time.Instant> boardVerdictAt(long caseId) { return cases.boardVerdictAt(caseId); }
}
