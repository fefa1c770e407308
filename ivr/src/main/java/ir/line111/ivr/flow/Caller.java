package ir.line111.ivr.flow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The caller as the flows see them: prompts by key, keys pressed, recordings. Implemented over AGI
 * in {@code ir.line111.ivr.agi}. Every method throws {@link CallerHungUp} once the caller is gone
 * and {@link CallFault} when Asterisk answers something the protocol does not allow.
 */
public interface Caller {

    /** No key pressed (a timeout). */
    char NO_KEY = 0;

    /** Answers the channel (harmless when the dialplan already did). */
    void answer();

    /** Plays the prompts in order; a key in {@code escapeDigits} stops them and is returned, else {@link #NO_KEY}. */
    char play(List<String> promptKeys, String escapeDigits);

    /** Waits for one key. */
    char waitForKey(Duration timeout);

    /** Plays a prompt and collects up to {@code maxDigits} keys ended by '#'; empty when nothing was keyed. */
    String collect(String promptKey, Duration timeout, int maxDigits);

    /**
     * How a recording ended. {@code samples} is Asterisk's endpos (8 kHz). NOT_WRITTEN: Asterisk could
     * not open the file ({@code result=-1 (writefile)}); the caller is still on the line.
     */
    enum RecordingEnd { KEY, SILENCE, MAX_LENGTH, HUNG_UP, NOT_WRITTEN }

    record Recorded(RecordingEnd end, long samples) {}

    /**
     * Records into {@code basePath} (no extension) after a beep. A hang-up during the recording
     * returns {@link RecordingEnd#HUNG_UP}, so the caller of this method can keep the audio before
     * it stops; the next command then throws {@link CallerHungUp}.
     */
    Recorded record(Path basePath, String format, String escapeDigits, Duration maxLength, Duration silence);

    void setVariable(String name, String value);

    /** A channel variable, or null when unset. */
    String variable(String name);

    void hangUp();
}
