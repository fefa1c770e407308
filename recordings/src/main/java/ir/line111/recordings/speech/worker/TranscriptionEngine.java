package ir.line111.recordings.speech.worker;

import ir.line111.recordings.speech.Hypothesis;

import java.nio.file.Path;

/** Transcription of free speech (a voicemail). */
public interface TranscriptionEngine extends SpeechEngine {

    /** One hypothesis with word timings and confidences; {@code samples} are at {@link #sampleRate()}. */
    Hypothesis transcribe(Path source, short[] samples) throws Exception;
}
