package ir.line111.fakeasterisk.agi;

import ir.line111.wav.WavHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** PCM WAV samples (headers by the project's one reader, {@link WavHeader}): reading (any rate, 8/16/24/32-bit, any channels) into 8 kHz 16-bit mono, and writing. */
final class Wav {
    private Wav() {}

    static final int RATE = 8000;

    /** Samples of a WAV converted to 8 kHz mono 16-bit. */
    static short[] read8kMono(Path file) throws IOException {
        WavHeader h;
        try {
            h = WavHeader.read(file);
        } catch (WavHeader.NotWavException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (!h.pcm()) throw new IOException(file + ": only PCM WAV is supported (format " + h.audioFormat() + ")");
        int channels = Math.max(1, h.channels()), rate = h.sampleRate(), bits = h.bitsPerSample();
        int dataOff = 0, dataLen = (int) Math.min(h.dataBytes(), Integer.MAX_VALUE - 16);
        ByteBuffer b;
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(h.dataOffset());
            b = ByteBuffer.wrap(in.readNBytes(dataLen)).order(ByteOrder.LITTLE_ENDIAN);
        }
        int bytesPer = bits / 8;
        int frames = dataLen / (bytesPer * channels);
        double[] mono = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int ch = 0; ch < channels; ch++) {
                int p = dataOff + (f * channels + ch) * bytesPer;
                sum += switch (bytesPer) {
                    case 1 -> ((b.get(p) & 0xff) - 128) / 128.0;
                    case 2 -> b.getShort(p) / 32768.0;
                    case 3 -> ((b.get(p) & 0xff) | ((b.get(p + 1) & 0xff) << 8) | (b.get(p + 2) << 16)) / 8388608.0;
                    case 4 -> b.getInt(p) / 2147483648.0;
                    default -> throw new IOException(file + ": " + bits + "-bit samples are not supported");
                };
            }
            mono[f] = sum / channels;
        }
        int outLen = rate == RATE ? frames : (int) ((long) frames * RATE / rate);
        short[] out = new short[outLen];
        for (int i = 0; i < outLen; i++) {
            double v;
            if (rate == RATE) {
                v = mono[i];
            } else { // linear interpolation is enough for a simulated caller
                double src = (double) i * rate / RATE;
                int i0 = (int) src;
                int i1 = Math.min(i0 + 1, frames - 1);
                double t = src - i0;
                v = mono[i0] * (1 - t) + mono[i1] * t;
            }
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v * 32768.0)));
        }
        return out;
    }

    /** Number of 8 kHz samples in a WAV (its length as Asterisk reports it in endpos). */
    static long lengthInSamples(Path file) throws IOException {
        return read8kMono(file).length;
    }

    static byte[] pcm(short[] samples, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putShort(i < samples.length ? samples[i] : 0);
        }
        return b.array();
    }

    static void writeWav(OutputStream out, byte[] pcm) throws IOException {
        out.write(WavHeader.pcm16Mono(RATE, pcm.length));
        out.write(pcm);
    }

    static byte[] wavBytes(short[] samples, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + count * 2);
        writeWav(out, pcm(samples, count));
        return out.toByteArray();
    }
}
