package ir.line111.recordings.speech.audio;

import ir.line111.wav.WavHeader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * 16-bit PCM WAV as Asterisk writes it (format {@code wav}: 8 kHz mono). Only the header is trusted
 * as far as it is consistent with the file: a recording cut short when a caller hangs up has a
 * data size larger than what is there, and the samples that are there still count.
 */
public record WavAudio(int sampleRate, int channels, short[] samples) {

    /** Not audio this module can use: not a WAV, or not 16-bit PCM. */
    public static final class NotWavException extends IOException {
        public NotWavException(String message) { super(message); }
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /**
     * The header facts, without reading the samples: enough for the store's row. Parsed by the
     * project's one reader ({@link WavHeader}); this module takes 16-bit PCM only.
     */
    public static WavHeader header(Path file) throws IOException {
        WavHeader h;
        try {
            h = WavHeader.read(file);
        } catch (WavHeader.NotWavException e) {
            throw new NotWavException(e.getMessage());
        }
        if (!h.pcm()) throw new NotWavException("not PCM (format " + h.formatTag() + ")");
        if (h.bitsPerSample() != 16) throw new NotWavException("not 16-bit (" + h.bitsPerSample() + " bits)");
        if (h.channels() < 1 || h.sampleRate() < 1000) throw new NotWavException("bad fmt chunk");
        return h;
    }

    /** Reads the samples, mixing several channels down to one. */
    public static WavAudio read(Path file) throws IOException {
        WavHeader h = header(file);
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(h.dataOffset());
            data = in.readNBytes((int) Math.min(h.dataBytes(), Integer.MAX_VALUE - 16));
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int frames = data.length / (2 * h.channels());
        short[] out = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < h.channels(); c++) sum += b.getShort((i * h.channels() + c) * 2);
            out[i] = (short) (sum / h.channels());
        }
        return new WavAudio(h.sampleRate(), 1, out);
    }

    /** Writes 16-bit mono PCM: for tests and the benchmark's generated audio. */
    public static void write(Path file, int sampleRate, short[] samples) throws IOException {
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            WavHeader.write(out, sampleRate, samples, samples.length);
        }
    }
}
