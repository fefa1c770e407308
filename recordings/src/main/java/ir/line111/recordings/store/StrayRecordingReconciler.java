package ir.line111.recordings.store;

import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adopts files in the store's own folders that have no row: the store planned them and Asterisk
 * wrote them, but the backend went down before adopting them (a conversation whose after-queue
 * entry never ran, a message recorded just before a crash). Only today's and yesterday's folders
 * are looked at — older strays would have been found then — and only files left alone for the settle
 * time, so a recording still in progress is not taken. A stray voicemail was never registered (the
 * IVR registers a message only after adopting it), so it gets its voicemail case here.
 */
public final class StrayRecordingReconciler {

    private static final Logger log = LoggerFactory.getLogger(StrayRecordingReconciler.class);
    /** {@code <epochMillis>-<callId>-<random8>.wav}, as {@link AudioStore#plan} names files. */
    private static final Pattern PLANNED = Pattern.compile("(\\d{10,15})-([A-Za-z0-9._]+)-([0-9a-f]{8})\\.wav");

    private final AudioStore store;
    private final CaseRegistry cases;
    private final Duration settle;
    private final Clock clock;

    public StrayRecordingReconciler(AudioStore store, CaseRegistry cases, Duration settle, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.settle = settle;
        this.clock = clock;
    }

    /** Adopts the strays it finds; returns how many. */
    public int adoptStrays() {
        Instant now = clock.instant();
        int adopted = 0;
        for (RecordingKind kind : RecordingKind.values()) {
            for (Instant day : List.of(now, now.minus(Duration.ofDays(1)))) {
                for (Path f : wavs(store.dayFolder(kind, day))) {
                    try {
                        if (adopt(kind, f, now)) adopted++;
                    } catch (IOException | RuntimeException e) {
                        log.warn("stray recording {} could not be adopted (will retry): {}", f.getFileName(), e.toString());
                    }
                }
            }
        }
        return adopted;
    }

    private static List<Path> wavs(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().forEach(out::add);
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.getMessage());
        }
        return out;
    }

    private boolean adopt(RecordingKind kind, Path f, Instant now) throws IOException {
        Matcher m = PLANNED.matcher(f.getFileName().toString());
        if (!m.matches()) return false;   // not a name the store gave: not ours to adopt
        if (Files.getLastModifiedTime(f).toInstant().isAfter(now.minus(settle))) return false;
        if (store.byFile(f).isPresent()) return false;
        String callId = m.group(2);
        Instant recordedAt = Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        String name = f.getFileName().toString();
        Path base = f.resolveSibling(name.substring(0, name.length() - ".wav".length()));
        MDC.put("callId", callId);
        try {
            AudioStore.Adoption adoption = store.adoption(new PlannedRecording(callId, kind, base, AudioStore.FORMAT), recordedAt, null);
            // Another adopter (the call flow itself, or another node) got there first: it registers.
            if (!adoption.created()) return false;
            AudioStore.Row row = adoption.row();
            log.warn("{} recording {} was never adopted (backend down?); adopted now", kind, row.recording().id());
            if (kind == RecordingKind.VOICEMAIL && row.caseId() == null && row.recording().flagged() == null) {
                CaseSummary c = cases.registerVoicemail(new VoicemailIntake(callId, null,
                        new SubjectPerson(null, false, Relation.SELF, null), null, row.recording().id(), recordedAt));
                store.attachToCase(row.recording().id(), c.id());
                log.info("stray message registered as case {} ({})", c.id(), c.trackingCode());
            }
            return true;
        } finally {
            MDC.remove("callId");
        }
    }
}
