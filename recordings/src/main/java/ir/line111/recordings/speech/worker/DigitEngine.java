package ir.line111.recordings.speech.worker;

import ir.line111.recordings.speech.Hypothesis;

import java.nio.file.Path;
import java.util.List;

/** Recognition of a national ID spoken digit by digit. */
public interface DigitEngine extends SpeechEngine {

    /**
     * The n-best alternatives under the digit grammar, best first. {@code samples} are already at
     * {@link #sampleRate()}; {@code source} is the file they came from.
     */
    List<Hypothesis> recogniseDigits(Path source, short[] samples, int maxAlternatives) throws Exception;
}
