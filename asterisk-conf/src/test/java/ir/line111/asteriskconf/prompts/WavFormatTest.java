package ir.line111.asteriskconf.prompts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavFormatTest {

    @TempDir Path tmp;

    @Test
    void readsTheFormatFromTheChunksSkippingOthers() throws Exception {
        Path f = write(wav(1, 8000, 16, 800, true));
        var fmt = WavFormat.read(f);
        assertThat(fmt.isTelephonePcm()).isTrue();
        assertThat(fmt.samples()).isEqualTo(400);
    }

    @Test
    void tellsWhatIsWrong() throws Exception {
        assertThat(WavFormat.read(write(wav(2, 8000, 16, 800, false))).isTelephonePcm()).isFalse();
        assertThat(WavFormat.read(write(wav(1, 16000, 16, 800, false))).isTelephonePcm()).isFalse();
        byte[] truncated = java.util.Arrays.copyOf(wav(1, 8000, 16, 800, false), 100);
        assertThatThrownBy(() -> WavFormat.read(write(truncated))).hasMessageContaining("does not match the file length");
        assertThatThrownBy(() -> WavFormat.read(write("not a wav at all".getBytes()))).hasMessageContaining("not a RIFF/WAVE");
    }

    private Path write(byte[] bytes) throws Exception {
        Path f = tmp.resolve("f" + System.nanoTime() + ".wav");
        Files.write(f, bytes);
        return f;
    }

    /** A PCM WAV with an optional LIST chunk between fmt and data (as some editors write). */
    static byte[] wav(int channels, int rate, int bits, int dataBytes, boolean listChunk) {
        int listSize = listChunk ? 8 + 5 + 1 : 0; // odd-sized body, padded
        var b = ByteBuffer.allocate(44 + listSize + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + listSize + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (listChunk) b.put("LIST".getBytes()).putInt(5).put("INFOx".getBytes()).put((byte) 0);
        b.put("data".getBytes()).putInt(dataBytes);
        return b.array();
    }
}
