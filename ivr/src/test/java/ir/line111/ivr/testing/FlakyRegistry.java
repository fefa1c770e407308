package ir.line111.ivr.testing;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Core's real registry, with registerVoicemail failing a set number of times (a database down for a moment). */
final class FlakyRegistry implements CaseRegistry {
    private final CaseRegistry real;
    private final AtomicInteger failures;

    FlakyRegistry(CaseRegistry real, AtomicInteger failures) {
        this.real = real;
        this.failures = failures;
    }

    @Override public Optional<CaseSummary> findLikelyDuplicate(NationalId subject) { return real.findLikelyDuplicate(subject); }

    @Override
    public CaseSummary registerVoicemail(VoicemailIntake intake) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("test: database unavailable");
        return real.registerVoicemail(intake);
    }

    @Override public CaseSummary register(NewCase newCase) { return real.register(newCase); }
    @Override public void addMessage(long caseId, Long recordingId, String callId, String text, Actor actor) { real.addMessage(caseId, recordingId, callId, text, actor); }
    @Override public Optional<CaseSummary> findByTrackingCode(TrackingCode code) { return real.findByTrackingCode(code); }
    @Override public Optional<CaseSummary> findRegisteredInCall(String callId) { return real.findRegisteredInCall(callId); }
    @Override public CaseSummary object(long caseId, String callId, Actor actor, String note) { return real.object(caseId, callId, actor, note); }
    @Override public java.util.Optional<java.time.Instant> boardVerdictAt(long caseId) { return real.boardVerdictAt(caseId); }
}
