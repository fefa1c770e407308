package ir.line111.asteriskconf.prompts;

import ir.line111.wav.WavHeader;

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

    /**
     * Strict, as Asterisk's {@code format_wav} would be: the RIFF size must match the file and every
     * chunk must be whole. The chunks are read by the project's one reader ({@link WavHeader}).
     */
    public static WavFormat read(Path file) throws IOException {
        WavHeader h;
        try {
            h = WavHeader.read(file);
        } catch (WavHeader.NotWavException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
        if (!h.riffSizeMatchesFile()) {
            throw new IOException(file.getFileName() + ": RIFF size " + h.riffSize() + " does not match the file length " + h.fileSize());
        }
        if (h.dataBytes() < h.declaredDataBytes()) throw new IOException(file.getFileName() + ": chunk 'data' runs past the end of the file");
        return new WavFormat(h.formatTag(), h.channels(), h.sampleRate(), h.bitsPerSample(), h.blockAlign(), h.byteRate(),
                h.dataOffset(), h.dataBytes());
    }
}
