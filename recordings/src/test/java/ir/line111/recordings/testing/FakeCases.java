package ir.line111.recordings.testing;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.Damm;
import ir.line111.core.domain.tracking.TrackingCode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A registry that remembers voicemails; the rest of the port is not this module's business. */
public final class FakeCases implements CaseRegistry {

    public final List<VoicemailIntake> voicemails = new CopyOnWriteArrayList<>();
    public final Map<Long, CaseStatus> status = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);

    @Override
    public CaseSummary registerVoicemail(VoicemailIntake intake) {
        voicemails.add(intake);
        long id = ids.incrementAndGet();
        status.put(id, CaseStatus.AWAITING_TRANSCRIPTION);
        String body = String.format("%08d", id);
        TrackingCode code = new TrackingCode(body + Damm.checkDigit(body));
        return new CaseSummary(id, code, null, null, CaseStatus.AWAITING_TRANSCRIPTION, intake.subject(), null, intake.at(), null, null);
    }

    @Override public Optional<CaseSummary> findLikelyDuplicate(NationalId subject) { return Optional.empty(); }
    @Override public CaseSummary register(NewCase newCase) { throw new UnsupportedOperationException(); }
    @Override public void addMessage(long caseId, Long recordingId, String callId, String text, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public Optional<CaseSummary> findByTrackingCode(TrackingCode code) { return Optional.empty(); }
    @Override public Optional<CaseSummary> findRegisteredInCall(String callId) { return Optional.empty(); }
    @Override public CaseSummary object(long caseId, String callId, Actor actor, String note) { throw new UnsupportedOperationException(); }
}
