package ir.line111.ivr.testing;

import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A recording store under a temp folder, for the IVR's tests (the real one is the recordings module's). */
public final class TempRecordingStore implements RecordingStore {
    private static final int WAV_HEADER = 44;
    private final Path root;
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicLong plans = new AtomicLong();
    private final List<StoredRecording> adopted = new CopyOnWriteArrayList<>();

    public TempRecordingStore(Path root) {
        this.root = root;
    }

    @Override
    public PlannedRecording plan(String callId, RecordingKind kind) {
        Path dir = root.resolve(callId.replace('/', '_'));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new PlannedRecording(callId, kind, dir.resolve(kind.name().toLowerCase() + "-" + plans.incrementAndGet()), "wav");
    }

    @Override
    public StoredRecording adopt(PlannedRecording planned) {
        Path f = planned.file();
        long size = 0;
        try {
            if (Files.exists(f)) size = Files.size(f);
        } catch (IOException ignored) {
            // flagged below
        }
        long samples = Math.max(0, (size - WAV_HEADER) / 2);
        String flagged = size == 0 ? "missing or empty file" : samples == 0 ? "no audio" : null;
        StoredRecording r = new StoredRecording(ids.incrementAndGet(), planned.callId(), planned.kind(), f, samples, size, "", flagged);
        adopted.add(r);
        return r;
    }

    /** As the real store judges it: by the audio's energy. */
    @Override
    public boolean hasSpeech(StoredRecording recording) {
        return recording.flagged() == null && recording.durationSamples() > 0
                && ir.line111.recordings.speech.audio.SpeechPresence.inFile(recording.file());
    }

    public List<StoredRecording> adopted() {
        return List.copyOf(adopted);
    }

    public List<StoredRecording> adopted(String callId) {
        return adopted.stream().filter(r -> r.callId().equals(callId)).toList();
    }
}
