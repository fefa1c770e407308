package ir.line111.recordings.store;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.recordings.speech.audio.WavAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds messages in {@code recordings.spool} that no row knows of — recorded by the dialplan's
 * fallback while the backend was down (see {@link FallbackRecordingName}) — and registers each as a
 * voicemail case with a tracking code, so nothing a caller recorded is lost.
 *
 * <p>Each file goes through steps that can all be repeated: copy into the store and adopt (the row
 * remembers the spool name as {@code origin}); register the voicemail unless the row already has a
 * case; delete the spool file last. A crash anywhere leaves the spool file, and the next run picks
 * up where this one stopped. Files still being written wait: those whose WAV header Asterisk has not
 * yet finished, and anything modified within the settle time. A file with no audio is no message.
 * A file that does not follow the pattern is registered too, with the time of the file and no caller.
 */
public final class SpoolReconciler {

    private static final Logger log = LoggerFactory.getLogger(SpoolReconciler.class);
    /** How long a finished file (header written on close) is left alone before it is taken. */
    static final Duration QUIET = Duration.ofSeconds(3);

    /** What one run did. */
    public record Result(int registered, int waiting, int failed) {}

    private final AudioStore store;
    private final CaseRegistry cases;
    private final Path spool;
    private final Duration settle;
    private final Clock clock;

    public SpoolReconciler(AudioStore store, CaseRegistry cases, Path spool, Duration settle, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.spool = spool;
        this.settle = settle;
        this.clock = clock;
    }

    public Result reconcile() {
        if (!Files.isDirectory(spool)) return new Result(0, 0, 0);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(spool)) {
            s.filter(p -> p.getFileName().toString().endsWith(".wav") && Files.isRegularFile(p)).sorted().forEach(files::add);
        } catch (IOException e) {
            log.error("cannot list the spool {}: {}", spool, e.getMessage());
            return new Result(0, 0, 1);
        }
        int registered = 0, waiting = 0, failed = 0;
        for (Path f : files) {
            try {
                if (!ready(f)) {
                    waiting++;   // Asterisk may still be writing it
                    continue;
                }
                if (register(f)) registered++;
            } catch (Exception e) {
                failed++;
                log.error("spool file {} could not be registered (kept for the next run): {}", f.getFileName(), e.toString());
            }
        }
        if (registered + failed > 0) {
            log.info("spool reconciled: {} message(s) registered, {} still being written, {} failed", registered, waiting, failed);
        }
        return new Result(registered, waiting, failed);
    }

    /**
     * Asterisk writes the data size into a WAV header only when it closes the file: a file whose header
     * says so is complete once it has been left alone for {@link #QUIET}. Anything else (another
     * format, a header still at 0) waits the full settle time.
     */
    private boolean ready(Path f) throws IOException {
        Instant modified = Files.getLastModifiedTime(f).toInstant();
        Instant now = clock.instant();
        if (!modified.isAfter(now.minus(settle))) return true;
        if (modified.isAfter(now.minus(QUIET))) return false;
        try {
            return WavAudio.header(f).finished();
        } catch (IOException e) {
            return false;
        }
    }

    /** No audio at all (zero bytes, or a header and no samples): the caller hung up at the beep. */
    private static boolean empty(Path f) throws IOException {
        if (Files.size(f) == 0) return true;
        try {
            return WavAudio.header(f).frames() == 0;
        } catch (IOException e) {
            return false;   // not a WAV: registered and flagged, for staff to look at
        }
    }

    /** True when a case was registered (or had been, by an earlier run that died before deleting the file). */
    private boolean register(Path f) throws IOException {
        String origin = f.getFileName().toString();
        if (store.byOrigin(origin).isEmpty() && empty(f)) {
            // Nothing was said (e.g. a caller the IVR had already served, sent here again): not a message.
            log.info("spool file {} holds no audio: not a message, removed", origin);
            Files.delete(f);
            return false;
        }
        var name = FallbackRecordingName.parse(origin);
        String callId = name.map(FallbackRecordingName::uniqueId).orElse("spool:" + origin);
        String caller = name.map(FallbackRecordingName::callerDigits).filter(s -> !s.isEmpty()).orElse(null);
        Instant at = name.isPresent() ? name.get().recordedAt() : Files.getLastModifiedTime(f).toInstant();
        MDC.put("callId", callId);
        try {
            AudioStore.Row row = store.byOrigin(origin).orElse(null);
            if (row == null) {
                PlannedRecording copy = store.importCopy(f, callId, RecordingKind.VOICEMAIL);
                row = store.adopt(copy, at, origin);
            }
            var served = name.isPresent() && row.caseId() == null ? cases.findRegisteredInCall(callId) : java.util.Optional.<CaseSummary>empty();
            if (served.isPresent()) {
                // The IVR had already given this call its code (cut off at a shutdown, then sent to the
                // fallback): what the caller added belongs to that case, not to a second one with a second code.
                cases.addMessage(served.get().id(), row.recording().id(), callId, null, Actor.SYSTEM);
                store.attachToCase(row.recording().id(), served.get().id());
                log.info("fallback message of call {} added to its case {} ({})", callId, served.get().id(), served.get().trackingCode());
            } else if (row.caseId() == null) {
                // Nobody has heard the ID yet: the subject is unknown until a transcriber listens.
                CaseSummary c = cases.registerVoicemail(new VoicemailIntake(callId, caller,
                        new SubjectPerson(null, false, Relation.SELF, null), null, row.recording().id(), at));
                store.attachToCase(row.recording().id(), c.id());
                log.info("message recorded while the backend was down registered as case {} ({}){}", c.id(), c.trackingCode(),
                        row.recording().flagged() == null ? "" : "; recording flagged: " + row.recording().flagged());
            }
            Files.delete(f);
            return true;
        } finally {
            MDC.remove("callId");
        }
    }
}
