package ir.line111.fakeasterisk.agi;

import ir.line111.fakeasterisk.agi.CallerScript.HangUp;
import ir.line111.fakeasterisk.agi.CallerScript.Reaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RECORD FILE as res_agi.c does it (see the traces' README, item 8, and real-calls/): what the file
 * holds, the reply, and how long it took on a real line. Silence detection listens to the audio as
 * Asterisk's DSP does (mean magnitude of 20 ms frames under 256), so a caller who says nothing is
 * stopped after the silence time with one second of it kept ({@code endpos=8160} for 4 s of silence).
 */
final class RecordFile {
    /** Asterisk's default silence threshold (dsp.conf silencethreshold), as mean magnitude per frame. */
    static final int SILENCE_THRESHOLD = 256;
    private static final int FRAME = 160;

    /**
     * What the command did. {@code file} is null when Asterisk could not write (reply "(writefile)");
     * {@code key} is the DTMF key that stopped it, 0 for none.
     */
    record Outcome(String reply, Path file, String format, long samples, long simulatedMs, boolean hungUp, char key) {}

    private RecordFile() {}

    /** Writes the file and returns the outcome; null when the arguments are wrong (Asterisk answers with its usage). */
    static Outcome run(FakeCall cfg, AgiCommand c, Reaction r) throws IOException {
        int argc = c.argc();
        Long timeout = argc >= 6 ? CallSession.leadingInt(c.arg(5)) : null;
        if (argc < 6 || timeout == null) {
            return null;
        }
        long silenceMs = 0;
        for (int i = 6; i <= 8 && i < argc; i++) {
            int s = c.arg(i).indexOf('s');
            if (s >= 0) {
                String tail = c.arg(i).substring(s);
                if (tail.length() > 2 && tail.startsWith("s=")) {
                    silenceMs = Math.max(0, CallSession.atoi(tail.substring(2))) * 1000L;
                }
                break;
            }
        }
        String format = c.arg(3);
        String escapes = c.arg(4);
        Path file = Path.of(c.arg(2) + "." + format);
        if (cfg.redirectRecordings != null) {
            file = cfg.redirectRecordings.resolve(file.isAbsolute() ? file.getRoot().relativize(file) : file);
            Files.createDirectories(file.getParent());
        } else if (!file.isAbsolute() && cfg.recordingRoot != null) {
            file = cfg.recordingRoot.resolve(file);
        }
        AudioFormat audioFormat = AudioFormat.byExtension(format);
        Path parent = file.toAbsolutePath().getParent();
        if (audioFormat == null || parent == null || !Files.isDirectory(parent)) {
            return new Outcome("200 result=-1 (writefile)", null, format, 0, 0, false, (char) 0);
        }
        short[] audio = new short[0];
        if (r.speech() != null) {
            try {
                audio = Wav.read8kMono(r.speech());
            } catch (IOException e) {
                throw new UncheckedIOException("caller speech " + r.speech() + " cannot be read", e);
            }
        }
        long a = audio.length;
        long delayMs = r.speechDelay().toMillis();
        long t = timeout;
        Outcome o;
        if (r.hangUp() == HangUp.DURING) {
            long samples = r.at() != null ? Math.max(0, Math.min(a, (r.at().toMillis() - delayMs) * 8)) : a;
            o = new Outcome("200 result=-1 (hangup) endpos=" + samples, file, format, samples, delayMs + samples / 8, true, (char) 0);
        } else if (!r.keys().isEmpty() && escapes.indexOf(r.keys().charAt(0)) >= 0) {
            // Asterisk rewinds 200 ms to cut the tone off
            long samples = Math.max(0, a - 1600);
            char key = r.keys().charAt(0);
            o = new Outcome("200 result=" + (int) key + " (dtmf) endpos=" + samples, file, format, samples, delayMs + a / 8 + 200, false, key);
        } else {
            long limit = t < 0 ? Long.MAX_VALUE : Math.max(0, t - delayMs) * 8;
            long result = 0;
            long samples;
            if (silenceMs > 0 && a > 0) {
                // the caller's silence starts where the audio falls quiet for good, or within it for long enough
                long quietFrom = quietFrom(audio, silenceMs * 8);
                long elapsed = delayMs + quietFrom / 8 + silenceMs;
                if (t < 0 || elapsed < t) {
                    // silence detected: the result is the time left; the file keeps 1 s of the silence
                    result = t < 0 ? 0 : t - elapsed;
                    samples = quietFrom + Math.min(silenceMs, 1000) * 8;
                } else {
                    samples = limit;
                }
            } else {
                // without silence detection a quiet line sends no frames: the file holds only the speech
                samples = Math.min(a, limit);
            }
            o = new Outcome("200 result=" + result + " (timeout) endpos=" + samples, file, format, samples,
                    t < 0 ? delayMs + a / 8 : t - result, false, (char) 0);
        }
        int n = (int) Math.min(o.samples(), Integer.MAX_VALUE / 2);
        Files.write(file, audioFormat.encode(audio, n));
        return o;
    }

    /**
     * Where the silence that stops the recording begins: the first run of quiet frames at least
     * {@code silenceSamples} long, or the start of the quiet tail of the audio (the caller stays quiet after it).
     */
    static long quietFrom(short[] audio, long silenceSamples) {
        long runStart = -1;
        for (int f = 0; f * FRAME < audio.length; f++) {
            int from = f * FRAME, to = Math.min(audio.length, from + FRAME);
            long sum = 0;
            for (int i = from; i < to; i++) sum += Math.abs(audio[i]);
            boolean quiet = sum / (to - from) < SILENCE_THRESHOLD;
            if (!quiet) {
                runStart = -1;
            } else {
                if (runStart < 0) runStart = from;
                if (to - runStart >= silenceSamples) return runStart;
            }
        }
        return runStart < 0 ? audio.length : runStart;
    }
}
