package ir.line111.wav;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a RIFF/WAVE file's chunks say, read in one place for the whole project. The reader is
 * lenient, and says what it saw so that each user can be as strict as it needs: a recording cut
 * short when a caller hangs up claims more data than is there ({@link #dataBytes} is what is there,
 * {@link #declaredDataBytes} the claim), and Asterisk's {@code format_wav} writes 0 as the claim
 * until it closes the file ({@link #finished}). Chunks before {@code data} are skipped, word-aligned.
 *
 * @param formatTag     the fmt chunk's tag as written (1 PCM, 0xFFFE WAVE_FORMAT_EXTENSIBLE)
 * @param audioFormat   the tag with an extensible file's sub-format resolved (1 for PCM either way)
 */
public record WavHeader(int formatTag, int audioFormat, int channels, int sampleRate, int bitsPerSample, int blockAlign,
                        int byteRate, long riffSize, long fileSize, long dataOffset, long dataBytes, long declaredDataBytes) {

    public static final int PCM = 1;
    public static final int EXTENSIBLE = 0xFFFE;
    /** The length of the header {@link #write} writes. */
    public static final int CANONICAL_LENGTH = 44;

    /** Not a RIFF/WAVE file, or one whose chunks cannot be followed to its audio. */
    public static final class NotWavException extends IOException {
        public NotWavException(String message) { super(message); }
    }

    /** Linear PCM, whether tagged plainly or as extensible. */
    public boolean pcm() {
        return audioFormat == PCM;
    }

    /** Frames of audio that are there (a frame: one sample of every channel). */
    public long frames() {
        int frameBytes = channels * Math.max(1, bitsPerSample / 8);
        return frameBytes <= 0 ? 0 : dataBytes / frameBytes;
    }

    /** Closed by its writer: the data chunk's size is written and all of it is there. */
    public boolean finished() {
        return declaredDataBytes > 0 && declaredDataBytes == dataBytes;
    }

    /** The RIFF chunk's size is the file's length less its 8-byte chunk header, as a strict reader wants. */
    public boolean riffSizeMatchesFile() {
        return riffSize + 8 == fileSize;
    }

    public static WavHeader read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, size);
        }
    }

    public static WavHeader read(byte[] bytes) throws IOException {
        return read(new java.io.ByteArrayInputStream(bytes), bytes.length);
    }

    /** Reads up to the start of the data chunk; {@code fileSize} bounds what is really there. */
    public static WavHeader read(InputStream in, long fileSize) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length < 12 || !tag(riff, 0, "RIFF") || !tag(riff, 8, "WAVE")) {
            throw new NotWavException("not a RIFF/WAVE file");
        }
        long riffSize = le32(riff, 4);
        long offset = 12;
        int[] fmt = null;   // tag, resolved format, channels, rate, byte rate, block align, bits
        while (true) {
            byte[] ch = in.readNBytes(8);
            if (ch.length < 8) throw new NotWavException("no data chunk");
            String id = new String(ch, 0, 4, StandardCharsets.US_ASCII);
            long len = le32(ch, 4);
            offset += 8;
            if (id.equals("data")) {
                if (fmt == null) throw new NotWavException("data chunk before the fmt chunk");
                long there = Math.max(0, fileSize - offset);
                return new WavHeader(fmt[0], fmt[1], fmt[2], fmt[3], fmt[6], fmt[5], fmt[4], riffSize, fileSize,
                        offset, Math.min(len, there), len);
            }
            if (offset + len > fileSize) throw new NotWavException("chunk '" + id + "' runs past the end of the file");
            long pad = len & 1;
            if (id.equals("fmt ")) {
                byte[] f = in.readNBytes((int) Math.min(len, 64));
                if (f.length < 16) throw new NotWavException("fmt chunk of " + len + " bytes");
                ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
                int formatTag = Short.toUnsignedInt(b.getShort(0));
                // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the real tag.
                int format = formatTag == EXTENSIBLE && f.length >= 26 ? Short.toUnsignedInt(b.getShort(24)) : formatTag;
                fmt = new int[] {formatTag, format, Short.toUnsignedInt(b.getShort(2)), b.getInt(4), b.getInt(8),
                        Short.toUnsignedInt(b.getShort(12)), Short.toUnsignedInt(b.getShort(14))};
                skip(in, len - f.length + pad, id);
            } else {
                skip(in, len + pad, id);
            }
            offset += len + pad;
        }
    }

    /** The canonical 44-byte header of 16-bit mono PCM with {@code dataBytes} of audio after it. */
    public static byte[] pcm16Mono(int sampleRate, int dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(CANONICAL_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) PCM).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return h.array();
    }

    /** Writes 16-bit mono PCM: the canonical header, then the little-endian samples. */
    public static void write(OutputStream out, int sampleRate, short[] samples, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) b.putShort(i < samples.length ? samples[i] : 0);
        out.write(pcm16Mono(sampleRate, count * 2));
        out.write(b.array());
    }

    private static void skip(InputStream in, long n, String id) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new NotWavException("chunk '" + id + "' runs past the end of the file");
        }
    }

    private static long le32(byte[] b, int at) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    private static boolean tag(byte[] bytes, int at, String tag) {
        for (int i = 0; i < 4; i++) if (bytes[at + i] != tag.charAt(i)) return false;
        return true;
    }
}
