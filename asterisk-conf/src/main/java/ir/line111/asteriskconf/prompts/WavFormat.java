package ir.line111.asteriskconf.prompts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The format of a RIFF/WAVE file from its own chunks (no javax.sound: it accepts files Asterisk's
 * format_wav would not). Asterisk plays line111 prompts as 8 kHz mono 16-bit PCM.
 */
public record WavFormat(int audioFormat, int channels, int sampleRate, int bitsPerSample, int blockAlign,
                        int byteRate, long dataOffset, long dataBytes) {

    public static final int PCM = 1;

    public boolean isTelephonePcm() {
        return audioFormat == PCM && channels == 1 && sampleRate == 8000 && bitsPerSample == 16
                && blockAlign == 2 && byteRate == 16000;
    }

    public long samples() { return dataBytes / Math.max(1, blockAlign); }

    /** The loudest 16-bit sample of a PCM file: near 0 means silence, not speech. */
    public static int peak16(Path file) throws IOException {
        WavFormat f = read(file);
        if (f.audioFormat != PCM || f.bitsPerSample != 16) throw new IOException(file.getFileName() + ": not 16-bit PCM");
        var b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int peak = 0;
        for (long i = f.dataOffset; i + 1 < f.dataOffset + f.dataBytes; i += 2) peak = Math.max(peak, Math.abs(b.getShort((int) i)));
        return peak;
    }

    public static WavFormat read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        var b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
            throw new IOException(file.getFileName() + ": not a RIFF/WAVE file");
        }
        long riffSize = Integer.toUnsignedLong(b.getInt(4));
        if (riffSize + 8 != bytes.length) {
            throw new IOException(file.getFileName() + ": RIFF size " + riffSize + " does not match the file length " + bytes.length);
        }
        WavFormat fmt = null;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (body + size > bytes.length) throw new IOException(file.getFileName() + ": chunk '" + id + "' runs past the end of the file");
            if (id.equals("fmt ")) {
                if (size < 16) throw new IOException(file.getFileName() + ": fmt chunk of " + size + " bytes");
                fmt = new WavFormat(Short.toUnsignedInt(b.getShort(body)), Short.toUnsignedInt(b.getShort(body + 2)),
                        b.getInt(body + 4), Short.toUnsignedInt(b.getShort(body + 14)), Short.toUnsignedInt(b.getShort(body + 12)),
                        b.getInt(body + 8), -1, -1);
            } else if (id.equals("data")) {
                if (fmt == null) throw new IOException(file.getFileName() + ": data chunk before the fmt chunk");
                return new WavFormat(fmt.audioFormat, fmt.channels, fmt.sampleRate, fmt.bitsPerSample, fmt.blockAlign, fmt.byteRate, body, size);
            }
            pos = (int) (body + size + (size & 1)); // chunks are word-aligned
        }
        throw new IOException(file.getFileName() + ": no data chunk");
    }

    private static boolean tag(byte[] bytes, int at, String tag) {
        for (int i = 0; i < 4; i++) if (bytes[at + i] != tag.charAt(i)) return false;
        return true;
    }
}
