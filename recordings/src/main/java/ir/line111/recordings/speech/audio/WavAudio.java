package ir.line111.recordings.speech.audio;

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

    /**
     * The header facts, without reading the samples: enough for the store's row. {@code declaredDataBytes}
     * is what the data chunk claims: Asterisk writes 0 there when it opens a file and the real size when
     * it closes it, so a file whose claim matches what is there is one Asterisk has finished.
     */
    public record Header(int sampleRate, int channels, int bitsPerSample, long dataOffset, long dataBytes, long declaredDataBytes) {
        public long frames() {
            return dataBytes / ((long) channels * (bitsPerSample / 8));
        }

        /** Closed by its writer: the data chunk's size is written and all of it is there. */
        public boolean finished() {
            return declaredDataBytes > 0 && declaredDataBytes == dataBytes;
        }
    }

    public static final class NotWavException extends IOException {
        public NotWavException(String message) { super(message); }
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    public static Header header(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return header(in, size);
        }
    }

    private static Header header(InputStream in, long fileSize) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length < 12 || !new String(riff, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(riff, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE")) {
            throw new NotWavException("not a RIFF/WAVE file");
        }
        long offset = 12;
        int rate = 0, channels = 0, bits = 0;
        boolean fmt = false;
        while (true) {
            byte[] ch = in.readNBytes(8);
            if (ch.length < 8) throw new NotWavException("no data chunk");
            String id = new String(ch, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long len = ByteBuffer.wrap(ch, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            offset += 8;
            if (id.equals("fmt ")) {
                byte[] f = in.readNBytes((int) Math.min(len, 64));
                if (f.length < 16) throw new NotWavException("short fmt chunk");
                ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
                int format = b.getShort(0) & 0xffff;
                channels = b.getShort(2) & 0xffff;
                rate = b.getInt(4);
                bits = b.getShort(14) & 0xffff;
                if (format != 1 && format != 0xFFFE) throw new NotWavException("not PCM (format " + format + ")");
                if (bits != 16) throw new NotWavException("not 16-bit (" + bits + " bits)");
                if (channels < 1 || rate < 1000) throw new NotWavException("bad fmt chunk");
                in.skipNBytes(len - f.length + (len & 1));
                offset += len + (len & 1);
                fmt = true;
            } else if (id.equals("data")) {
                if (!fmt) throw new NotWavException("data before fmt");
                long available = Math.max(0, fileSize - offset);
                return new Header(rate, channels, bits, offset, Math.min(len, available), len);
            } else {
                in.skipNBytes(len + (len & 1));
                offset += len + (len & 1);
            }
        }
    }

    /** Reads the samples, mixing several channels down to one. */
    public static WavAudio read(Path file) throws IOException {
        Header h = header(file);
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
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (short s : samples) b.putShort(s);
        Files.write(file, b.array());
    }
}
