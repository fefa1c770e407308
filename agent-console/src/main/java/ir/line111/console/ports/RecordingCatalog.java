package ir.line111.console.ports;

import ir.line111.core.domain.recordings.RecordingKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the console needs of the recordings module: a recording's file and metadata by id, and its
 * draft transcript with word timings. The console checks that the file lies inside the recording
 * store before it serves a byte; the client never names a path.
 */
public interface RecordingCatalog {

    /** {@code caseId}: the case the recording was attached to in the store, null when none (yet). */
    record RecordingInfo(long id, RecordingKind kind, String callId, Path file, Double durationSeconds, Instant createdAt, Long caseId) {
        public RecordingInfo(long id, RecordingKind kind, String callId, Path file, Double durationSeconds, Instant createdAt) {
            this(id, kind, callId, file, durationSeconds, createdAt, null);
        }
    }

    record Word(String word, double start, double end, Double conf) {}

    /** {@code status}: PENDING, DONE, FAILED. */
    record Transcript(String status, String text, List<Word> words) {}

    Optional<RecordingInfo> find(long id);

    Optional<Transcript> transcript(long recordingId);

    /** Whether a finished transcript exists (a PENDING or FAILED job is not one). */
    default boolean hasTranscript(long recordingId) {
        return transcript(recordingId).filter(t -> "DONE".equals(t.status())).isPresent();
    }

    /**
     * Recordings the store attached to the case ({@code recording.case_id}): the conversation of a live
     * call, the spoken ID of the call the operator registered it from, audio answers.
     */
    default List<RecordingInfo> ofCase(long caseId) {
        return List.of();
    }

    /**
     * Attaches the caseless recordings of a call to a case (the spoken ID and conversation of the call
     * an operator registers a case from); a recording that already belongs to a case keeps it.
     */
    default void attachCallToCase(String callId, long caseId) {}

    /** Stores an uploaded audio answer; empty when this catalog cannot store (the API then says unavailable). */
    default Optional<RecordingInfo> storeAnswer(long caseId, byte[] wav) {
        return Optional.empty();
    }

    /** No recordings module wired: every id is unknown. */
    RecordingCatalog NONE = new RecordingCatalog() {
        @Override public Optional<RecordingInfo> find(long id) { return Optional.empty(); }
        @Override public Optional<Transcript> transcript(long recordingId) { return Optional.empty(); }
    };
}
