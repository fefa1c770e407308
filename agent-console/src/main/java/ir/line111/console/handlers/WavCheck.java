package ir.line111.console.handlers;

import ir.line111.console.http.ApiException;
import ir.line111.wav.WavHeader;

import java.io.IOException;

/**
 * An uploaded answer must be a real PCM WAV: a RIFF/WAVE container whose size matches the upload,
 * a {@code fmt } chunk of linear PCM whose rates agree with each other, and a {@code data} chunk
 * whose declared length is there in full, a whole number of frames, at least a tenth of a second.
 * "RIFF….WAVE" followed by anything else is refused, not stored with an unknown length. The chunks are
 * read by the project's one reader ({@link WavHeader}); this class is only the console's strictness.
 */
final class WavCheck {

    private WavCheck() {}

    /** The length in seconds; 400 {@code invalid_audio} naming what is wrong otherwise. */
    static double check(byte[] wav) {
        if (wav == null || wav.length < WavHeader.CANONICAL_LENGTH) throw bad("فایل کوتاه‌تر از سرآیند WAV است");
        WavHeader h;
        try {
            h = WavHeader.read(wav);
        } catch (WavHeader.NotWavException e) {
            throw bad(persian(e.getMessage()));
        } catch (IOException e) {
            throw bad("فایل RIFF/WAVE نیست");
        }
        if (h.riffSize() + 8 != wav.length && h.riffSize() + 9 != wav.length) {
            throw bad("اندازهٔ اعلام‌شده در سرآیند با اندازهٔ فایل نمی‌خواند");
        }
        if (!h.pcm()) throw bad("صدا PCM خطی نیست");
        int channels = h.channels(), rate = h.sampleRate(), align = h.blockAlign(), bits = h.bitsPerSample();
        if (channels < 1 || channels > 2 || rate < 8000 || rate > 48000 || (bits != 8 && bits != 16 && bits != 24 && bits != 32)
                || align != channels * bits / 8 || Integer.toUnsignedLong(h.byteRate()) != (long) rate * align) {
            throw bad("مشخصات صدا در بخش fmt با هم نمی‌خوانند");
        }
        if (h.declaredDataBytes() > h.dataBytes()) throw bad("بخش «data» از فایل بلندتر اعلام شده است");
        long size = h.dataBytes();
        if (size == 0 || size % align != 0) throw bad("دادهٔ صوتی تکه‌تکه یا خالی است");
        double seconds = size / (double) ((long) rate * align);
        if (seconds < 0.1) throw bad("صدا کوتاه‌تر از یک‌دهم ثانیه است");
        return seconds;
    }

    /** The reader's reasons in the operator's words. */
    private static String persian(String reason) {
        if (reason == null) return "فایل RIFF/WAVE نیست";
        if (reason.startsWith("chunk '")) {
            String id = reason.substring(7, Math.max(7, reason.indexOf('\'', 7))).strip();
            return "بخش «" + id + "» از فایل بلندتر اعلام شده است";
        }
        if (reason.startsWith("fmt chunk")) return "بخش fmt ناقص است";
        if (reason.startsWith("data chunk before")) return "بخش data پیش از fmt آمده است";
        if (reason.startsWith("no data chunk")) return "دادهٔ صوتی (بخش data) ندارد";
        return "فایل RIFF/WAVE نیست";
    }

    private static ApiException bad(String why) {
        return new ApiException(400, "invalid_audio", "فایل WAV معتبر نیست: " + why, "body");
    }
}
