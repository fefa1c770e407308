package ir.line111.recordings.speech.worker;

/**
 * What the speech worker process runs: a model loaded once. Each capability is its own interface —
 * {@link DigitEngine} for spoken national IDs, {@link TranscriptionEngine} for voicemails — so an
 * engine offers only what it can do and start-up refuses one that lacks what a configured model needs.
 * Implementations are created in the worker process only, by class name (see {@link SpeechEngines}),
 * with a public constructor taking the model directory ({@link java.nio.file.Path}); that is why a
 * native crash inside one stays there.
 */
public interface SpeechEngine extends AutoCloseable {

    /** The sample rate the model wants; the worker resamples to it. */
    int sampleRate();

    @Override
    default void close() {}
}
