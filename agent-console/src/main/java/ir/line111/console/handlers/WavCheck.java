package ir.line111.console.handlers;

import ir.line111.console.http.ApiException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded answer must be a real PCM WAV: a RIFF/WAVE container whose size matches the upload,
 * a {@code fmt } chunk of linear PCM whose rates agree with each other, and a {@code data} chunk
 * whose declared length is there in full, a whole number of frames, at least a tenth of a second.
 * "RIFF….WAVE" followed by anything else is refused, not stored with an unknown length.
 */
final class WavCheck {
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavCheck() {}

    /** The length in seconds; 400 {@code invalid_audio} naming what is wrong otherwise. */
    static double check(byte[] wav) {
        if (wav == null || wav.length < 44) throw bad("فایل کوتاه‌تر از سرآیند WAV است");
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (!tag(wav, 0, "RIFF") || !tag(wav, 8, "WAVE")) throw bad("فایل RIFF/WAVE نیست");
        long riff = Integer.toUnsignedLong(b.getInt(4));
        if (riff + 8 != wav.length && riff + 9 != wav.length) throw bad("اندازهٔ اعلام‌شده در سرآیند با اندازهٔ فایل نمی‌خواند");
        int channels = 0, rate = 0, align = 0, bits = 0;
        boolean fmt = false;
        int at = 12;
        while (at + 8 <= wav.length) {
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            int body = at + 8;
            if (body + size > wav.length) throw bad("بخش «" + new String(wav, at, 4, StandardCharsets.US_ASCII).strip() + "» از فایل بلندتر اعلام شده است");
            if (tag(wav, at, "fmt ")) {
                if (size < 16) throw bad("بخش fmt ناقص است");
                int format = Short.toUnsignedInt(b.getShort(body));
                if (format == EXTENSIBLE && size >= 26) format = Short.toUnsignedInt(b.getShort(body + 24));
                if (format != PCM) throw bad("صدا PCM خطی نیست");
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                long byteRate = Integer.toUnsignedLong(b.getInt(body + 8));
                align = Short.toUnsignedInt(b.getShort(body + 12));
                bits = Short.toUnsignedInt(b.getShort(body + 14));
                if (channels < 1 || channels > 2 || rate < 8000 || rate > 48000 || (bits != 8 && bits != 16 && bits != 24 && bits != 32)
                        || align != channels * bits / 8 || byteRate != (long) rate * align) {
                    throw bad("مشخصات صدا در بخش fmt با هم نمی‌خوانند");
                }
                fmt = true;
            } else if (tag(wav, at, "data")) {
                if (!fmt) throw bad("بخش data پیش از fmt آمده است");
                if (size == 0 || size % align != 0) throw bad("دادهٔ صوتی تکه‌تکه یا خالی است");
                double seconds = size / (double) ((long) rate * align);
                if (seconds < 0.1) throw bad("صدا کوتاه‌تر از یک‌دهم ثانیه است");
                return seconds;
            }
            at = (int) (body + size + (size & 1));
        }
        throw bad(fmt ? "دادهٔ صوتی (بخش data) ندارد" : "بخش fmt ندارد");
    }

    private static boolean tag(byte[] wav, int at, String tag) {
        return at + 4 <= wav.length && new String(wav, at, 4, StandardCharsets.US_ASCII).equals(tag);
    }

    private static ApiException bad(String why) {
        return new ApiException(400, "invalid_audio", "فایل WAV معتبر نیست: " + why, "body");
    }
}
