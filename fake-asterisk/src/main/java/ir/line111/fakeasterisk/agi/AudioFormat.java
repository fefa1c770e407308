package ir.line111.fakeasterisk.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * The file formats RECORD FILE can ask for, by the extension Asterisk matches the format argument
 * against (ast_writefile compares it with each format's extensions: "wav", "sln"/"raw", "ulaw"/"pcm"…).
 */
enum AudioFormat {
    WAV, SLIN, ULAW, ALAW;

    /** Extensions Asterisk knows but the fake cannot write: asking for them is a test-setup problem, said loudly. */
    private static final Set<String> UNWRITABLE = Set.of("WAV", "wav49", "gsm", "wav16", "sln16", "sln12", "sln24",
            "sln32", "sln44", "sln48", "sln96", "sln192", "g722", "g729", "g723", "g723sf", "ilbc", "ogg", "siren7",
            "siren14", "g726-16", "g726-24", "g726-32", "g726-40", "vox", "h263", "h264");

    /** The format for RECORD FILE's format argument, or null when Asterisk has none (it answers "(writefile)"). */
    static AudioFormat byExtension(String ext) {
        if (UNWRITABLE.contains(ext)) {
            throw new UnsupportedOperationException("the fake Asterisk cannot write '" + ext
                    + "' recordings; use wav, sln, ulaw or alaw");
        }
        return switch (ext) {
            case "wav" -> WAV;
            case "sln", "raw" -> SLIN;
            case "ulaw", "pcm", "ul", "mu", "ulw" -> ULAW;
            case "alaw", "al", "alw" -> ALAW;
            default -> null;
        };
    }

    byte[] encode(short[] samples, int count) {
        return switch (this) {
            case WAV -> {
                try {
                    yield Wav.wavBytes(samples, count);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case SLIN -> Wav.pcm(samples, count);
            case ULAW, ALAW -> {
                byte[] out = new byte[count];
                for (int i = 0; i < count; i++) {
                    short v = i < samples.length ? samples[i] : 0;
                    out[i] = this == ULAW ? ulaw(v) : alaw(v);
                }
                yield out;
            }
        };
    }

    /** G.711 mu-law. */
    static byte ulaw(short pcm) {
        int sign = (pcm >> 8) & 0x80;
        int v = sign != 0 ? -pcm : pcm;
        v = Math.min(v, 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (v & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (v >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** G.711 A-law. */
    static byte alaw(short pcm) {
        int sign = pcm >= 0 ? 0x80 : 0;
        int v = pcm >= 0 ? pcm : Math.min(-pcm, 32767);
        int exponent = 7;
        for (int mask = 0x4000; (v & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (v >> (exponent == 0 ? 4 : exponent + 3)) & 0x0f;
        return (byte) ((sign | (exponent << 4) | mantissa) ^ 0x55);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
