package ir.line111.recordings.transcription;

import ir.line111.recordings.speech.Hypothesis;

import java.nio.file.Path;
import java.time.Duration;

/** Turns a voicemail into a draft: text with timed, scored words. */
public interface Transcriber {

    /** @throws Exception when the file cannot be decoded or the decoder failed; the job is retried */
    Hypothesis transcribe(Path wav, Duration limit) throws Exception;

    /** What produced the draft (the model directory), stored with it. */
    String model();
}
