package ir.line111.core.domain.speech;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Recognises a national ID spoken digit by digit (implemented by the recordings module with Vosk).
 * Returns within the timeout whatever happens; never throws into the call.
 */
public interface NationalIdRecognizer {

    sealed interface Recognition {
        /** {@code certain}: confident enough to read back; alternatives are other plausible digit strings. */
        record Recognised(String digits, double confidence, boolean certain, List<String> alternatives) implements Recognition {}
        record NotUnderstood(String reason) implements Recognition {}
        record Unavailable(String reason) implements Recognition {}
    }

    Recognition recognise(Path wav8kMono16bit, Duration timeout);

    /** The IVR's default when no recogniser is configured: every ID goes on unverified. */
    NationalIdRecognizer NONE = (wav, timeout) -> new Recognition.Unavailable("no speech recogniser is configured");
}
