package ir.line111.app.wiring;

import ir.line111.console.ports.RecordingCatalog;
import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.store.AudioStore;
import ir.line111.recordings.transcription.TranscriptionQueue;

import ir.line111.core.domain.recordings.RecordingKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The console's view of the recordings module: a recording by id (never by a client's path) and its draft transcript. */
public final class ConsoleRecordings implements RecordingCatalog {
    private final AudioStore store;
    private final TranscriptionQueue transcripts;

    public ConsoleRecordings(AudioStore store, TranscriptionQueue transcripts) {
        this.store = store;
        this.transcripts = transcripts;
    }

    @Override
    public Optional<RecordingInfo> find(long id) {
        return store.byId(id).filter(row -> row.purgedAt() == null).map(this::info);
    }

    @Override
    public List<RecordingInfo> ofCase(long caseId) {
        return store.byCase(caseId).stream().filter(row -> row.purgedAt() == null).map(this::info).toList();
    }

    /** Only what a live call leaves (its spoken ID, its conversation): a message makes its own case. */
    @Override
    public void attachCallToCase(String callId, long caseId) {
        for (AudioStore.Row row : store.byCall(callId)) {
            RecordingKind kind = row.recording().kind();
            if (row.caseId() == null && (kind == RecordingKind.SPOKEN_ID || kind == RecordingKind.CONVERSATION)) {
                store.attachToCase(row.recording().id(), caseId);
            }
        }
    }

    private RecordingInfo info(AudioStore.Row row) {
        var r = row.recording();
        return new RecordingInfo(r.id(), r.kind(), r.callId(), store.fileOf(r), row.durationSeconds(), row.recordedAt(), row.caseId());
    }

    @Override
    public Optional<RecordingInfo> storeAnswer(long caseId, byte[] wav) {
        try {
            AudioStore.Row row = store.storeUpload(caseId, RecordingKind.AGENCY_ANSWER, wav);
            var r = row.recording();
            return Optional.of(new RecordingInfo(r.id(), r.kind(), r.callId(), store.fileOf(r), row.durationSeconds(), row.recordedAt(), caseId));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the audio answer", e);
        }
    }

    @Override
    public Optional<Transcript> transcript(long recordingId) {
        Optional<Hypothesis> done = transcripts.transcriptOf(recordingId);
        if (done.isPresent()) {
            Hypothesis h = done.get();
            return Optional.of(new Transcript("DONE", h.text(), h.words().stream()
                    .map(w -> new Word(w.word(), w.start(), w.end(), w.confidence())).toList()));
        }
        return transcripts.statusOf(recordingId)
                .map(s -> new Transcript(s.state() == TranscriptionQueue.State.FAILED ? "FAILED" : "PENDING", null, java.util.List.of()));
    }
}
