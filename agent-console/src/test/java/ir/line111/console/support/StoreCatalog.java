package ir.line111.console.support;

import ir.line111.console.ports.RecordingCatalog;
import ir.line111.core.domain.recordings.RecordingKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A recordings catalogue over files the test writes (the recordings module's real one is wired by the app). */
public final class StoreCatalog implements RecordingCatalog {
    private final Map<Long, RecordingInfo> infos = new ConcurrentHashMap<>();
    private final Map<Long, Transcript> transcripts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(9_000);

    public long add(RecordingKind kind, Path file, Transcript transcript) {
        return add(kind, file, transcript, null, null);
    }

    /** {@code callId} null: a call of its own; {@code caseId}: the case the store attached it to, null for none. */
    public long add(RecordingKind kind, Path file, Transcript transcript, String callId, Long caseId) {
        long id = ids.incrementAndGet();
        infos.put(id, new RecordingInfo(id, kind, callId == null ? "call-" + id : callId, file, 2.0, Instant.parse("2026-11-20T10:00:00Z"), caseId));
        if (transcript != null) transcripts.put(id, transcript);
        return id;
    }

    public static Transcript words(String... pairs) {
        List<Word> w = new java.util.ArrayList<>();
        double t = 0;
        StringBuilder text = new StringBuilder();
        for (String p : pairs) {
            w.add(new Word(p, t, t + 0.4, 0.9));
            t += 0.5;
            text.append(text.isEmpty() ? "" : " ").append(p);
        }
        return new Transcript("DONE", text.toString(), w);
    }

    @Override public Optional<RecordingInfo> find(long id) { return Optional.ofNullable(infos.get(id)); }
    @Override public Optional<Transcript> transcript(long recordingId) { return Optional.ofNullable(transcripts.get(recordingId)); }
}
