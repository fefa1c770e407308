package ir.line111.recordings.speech.worker;

import ir.line111.recordings.speech.Hypothesis;

import java.nio.file.Path;
import java.util.List;

/**
 * What the speech worker process runs: a recogniser with a model loaded once. Implementations are
 * created in the worker process only, by class name, with a public constructor taking the model
 * directory ({@link java.nio.file.Path}); that is why a native crash inside one stays there.
 */
public interface SpeechEngine extends AutoCloseable {

    /** The sample rate the model wants; the worker resamples to it. */
    int sampleRate();

    /**
     * A spoken national ID: the n-best alternatives under the digit grammar, best first.
     * {@code samples} are already at {@link #sampleRate()}; {@code source} is the file they came from.
     */
    List<Hypothesis> recogniseDigits(Path source, short[] samples, int maxAlternatives) throws Exception;

    /** Free speech (a voicemail): one hypothesis with word timings and confidences. */
    Hypothesis transcribe(Path source, short[] samples) throws Exception;

    @Override
    default void close() {}
}
