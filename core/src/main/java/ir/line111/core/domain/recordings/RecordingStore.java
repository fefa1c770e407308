package ir.line111.core.domain.recordings;

import java.nio.file.Path;

/**
 * The audio store (implemented by the recordings module). Asterisk writes the files; the store
 * chooses where and adopts what was written.
 */
public interface RecordingStore {

    /** Where Asterisk should write; {@code basePath} has no extension, as RECORD FILE and MixMonitor want. */
    record PlannedRecording(String callId, RecordingKind kind, Path basePath, String format) {
        public Path file() { return basePath.resolveSibling(basePath.getFileName() + "." + format); }
    }

    /** A stored recording; {@code flagged} is non-null when the file was empty or unreadable. */
    record StoredRecording(long id, String callId, RecordingKind kind, Path file, long durationSamples,
                           long sizeBytes, String sha256, String flagged) {}

    PlannedRecording plan(String callId, RecordingKind kind);

    /** Registers what Asterisk wrote; never throws for a missing or empty file, flags it instead. */
    StoredRecording adopt(PlannedRecording planned);

    /**
     * Whether the recording holds speech. A recording that is not empty can still hold none:
     * RECORD FILE with silence detection keeps a second of the silence (endpos=8160 for a caller who
     * said nothing). Stores that can read the audio judge by its energy; this default only by its length.
     */
    default boolean hasSpeech(StoredRecording recording) {
        return recording.flagged() == null && recording.durationSamples() > 0;
    }
}
