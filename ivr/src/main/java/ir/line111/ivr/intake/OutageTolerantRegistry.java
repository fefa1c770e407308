package ir.line111.ivr.intake;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.ivr.intake.IntakeJournal.Intake;
import ir.line111.ivr.intake.IntakeJournal.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The case registry for the call flows: a message that the database cannot take (away, or the
 * registration failed) goes to the intake journal with a reserved code instead, and the caller
 * hears that code. The duplicate check is skipped while the database is away. Everything else is
 * the database's, and fails while it is away.
 */
final class OutageTolerantRegistry implements CaseRegistry {
    private static final Logger log = LoggerFactory.getLogger(OutageTolerantRegistry.class);

    private final CaseRegistry cases;
    private final OutageTolerantRecordings recordings;
    private final OutageIntake intake;
    private final DatabaseWatch watch;
    private final Clock clock;

    OutageTolerantRegistry(CaseRegistry cases, OutageTolerantRecordings recordings, OutageIntake intake, Clock clock) {
        this.cases = cases;
        this.recordings = recordings;
        this.intake = intake;
        this.watch = intake.watch();
        this.clock = clock;
    }

    @Override
    public Optional<CaseSummary> findLikelyDuplicate(NationalId subject) {
        if (!watch.isUp()) return Optional.empty();
        try {
            return cases.findLikelyDuplicate(subject);
        } catch (RuntimeException e) {
            log.warn("duplicate check skipped, the database did not answer: {}", e.toString());
            watch.suspect();
            return Optional.empty();
        }
    }

    @Override
    public CaseSummary registerVoicemail(VoicemailIntake in) {
        Instant at = in.at() == null ? clock.instant() : in.at();
        PlannedRecording spokenFile = recordings.provisional(in.spokenIdRecordingId()).orElse(null);
        PlannedRecording messageFile = recordings.provisional(in.messageRecordingId()).orElse(null);
        Long spoken = spokenFile == null ? real(in.spokenIdRecordingId()) : null;
        Long message = messageFile == null ? real(in.messageRecordingId()) : null;
        RuntimeException failure = null;
        if (watch.isUp()) {
            if (spokenFile != null && (spoken = recordings.adoptNow(spokenFile)) != null) spokenFile = null;
            if (messageFile != null && (message = recordings.adoptNow(messageFile)) != null) messageFile = null;
            if (spokenFile == null && messageFile == null) {
                try {
                    CaseSummary c = cases.registerVoicemail(new VoicemailIntake(in.callId(), in.callerNumber(), in.subject(), spoken, message, at));
                    forget(in);
                    return c;
                } catch (RuntimeException e) {
                    failure = e;
                    watch.suspect();
                }
            }
        }
        Recording sr = recording(spoken, spokenFile, "SPOKEN_ID");
        Recording mr = recording(message, messageFile, "VOICEMAIL");
        Optional<TrackingCode> code = intake.take(c -> new Intake(c.digits(), in.callId(), in.callerNumber(),
                in.subject().nationalId() == null ? null : in.subject().nationalId().digits(), in.subject().idVerified(),
                in.subject().relation().name(), in.subject().fullName(), sr, mr, at.toString()));
        if (code.isEmpty()) {
            throw new IllegalStateException("the database is away and no reserved tracking code is left", failure);
        }
        forget(in);
        log.warn("message of call {} kept in the intake journal with a reserved code{}", in.callId(),
                failure == null ? " (database away)" : ": " + failure);
        return new CaseSummary(0, code.get(), null, Channel.PHONE_MESSAGE, CaseStatus.AWAITING_TRANSCRIPTION, in.subject(),
                null, at, DeadlineClass.SIMPLE.dueAt(at), null);
    }

    private void forget(VoicemailIntake in) {
        recordings.forget(in.spokenIdRecordingId());
        recordings.forget(in.messageRecordingId());
    }

    private static Long real(Long id) {
        return id == null || id <= 0 ? null : id;
    }

    private static Recording recording(Long id, PlannedRecording file, String kind) {
        if (id != null) return new Recording(id, kind, null, null);
        if (file != null) return new Recording(null, file.kind().name(), file.basePath().toString(), file.format());
        return null;
    }

    @Override
    public CaseSummary register(NewCase newCase) {
        return cases.register(newCase);
    }

    @Override
    public void addMessage(long caseId, Long recordingId, String callId, String text, Actor actor) {
        cases.addMessage(caseId, real(recordingId), callId, text, actor);
    }

    @Override
    public Optional<CaseSummary> findByTrackingCode(TrackingCode code) {
        return cases.findByTrackingCode(code);
    }

    @Override
    public Optional<CaseSummary> findRegisteredInCall(String callId) {
        return cases.findRegisteredInCall(callId);
    }

    @Override
    public CaseSummary object(long caseId, String callId, Actor actor, String note) {
        return cases.object(caseId, callId, actor, note);
    }

    @Override
    public Optional<java.time.Instant> boardVerdictAt(long caseId) {
        return cases.boardVerdictAt(caseId);
    }
}
