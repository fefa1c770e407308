package ir.line111.recordings.speech.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a recording holds speech, judged by its energy: the RMS of 20 ms frames, and how much of
 * the audio is voiced. Length says nothing here: RECORD FILE with silence detection keeps a second
 * of the silence, so a caller who said nothing still leaves 8160 samples (real-calls/busy-and-silentid).
 * The threshold sits well above a telephone line's noise and well below the quiet parts of the
 * speech corpus (its national-ID utterances have 3–6 s of frames over it).
 */
public final class SpeechPresence {
    /** Frame RMS that counts as voiced: about -40 dBFS, above Asterisk's own silence threshold. */
    static final double ACTIVE_RMS = 300;
    /** Voiced time needed: about a syllable; a click or a burst of noise is shorter. */
    static final double MIN_ACTIVE_SECONDS = 0.3;

    private SpeechPresence() {}

    /** False for audio that cannot be read as PCM WAV: nothing could be heard in it. */
    public static boolean inFile(Path wav) {
        try {
            return in(WavAudio.read(wav));
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean in(WavAudio audio) {
        int frame = Math.max(1, audio.sampleRate() / 50);
        return activeFrames(audio, frame, (int) Math.ceil(MIN_ACTIVE_SECONDS * audio.sampleRate() / frame)) * frame
                >= MIN_ACTIVE_SECONDS * audio.sampleRate();
    }

    /** Seconds of 20 ms frames whose RMS reaches {@link #ACTIVE_RMS}. */
    public static double activeSeconds(WavAudio audio) {
        int frame = Math.max(1, audio.sampleRate() / 50);
        return activeFrames(audio, frame, Integer.MAX_VALUE) * frame / (double) audio.sampleRate();
    }

    /** Voiced frames, counting stops at {@code enough} (a three-minute message is judged in its first seconds). */
    private static int activeFrames(WavAudio audio, int frame, int enough) {
        short[] x = audio.samples();
        double threshold = ACTIVE_RMS * ACTIVE_RMS * frame;
        int active = 0;
        for (int from = 0; from + frame <= x.length && active < enough; from += frame) {
            double sum = 0;
            for (int i = from; i < from + frame; i++) sum += (double) x[i] * x[i];
            if (sum >= threshold) active++;
        }
        return active;
    }
}
