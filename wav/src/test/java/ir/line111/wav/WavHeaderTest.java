package ir.line111.wav;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavHeaderTest {

    private static byte[] canonical(int samples) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavHeader.write(out, 8000, new short[samples], samples);
        return out.toByteArray();
    }

    @Test
    void readsWhatItWrites() throws Exception {
        WavHeader h = WavHeader.read(canonical(400));
        assertThat(h.pcm()).isTrue();
        assertThat(h.channels()).isEqualTo(1);
        assertThat(h.sampleRate()).isEqualTo(8000);
        assertThat(h.bitsPerSample()).isEqualTo(16);
        assertThat(h.blockAlign()).isEqualTo(2);
        assertThat(h.byteRate()).isEqualTo(16000);
        assertThat(h.dataOffset()).isEqualTo(WavHeader.CANONICAL_LENGTH);
        assertThat(h.frames()).isEqualTo(400);
        assertThat(h.finished()).isTrue();
        assertThat(h.riffSizeMatchesFile()).isTrue();
    }

    @Test
    void aFileStillBeingWrittenClaimsNoDataAndACutOneClaimsMoreThanIsThere() throws Exception {
        byte[] open = canonical(400);
        ByteBuffer.wrap(open).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0).putInt(40, 0);   // as format_wav leaves it while recording
        WavHeader h = WavHeader.read(open);
        assertThat(h.declaredDataBytes()).isZero();
        assertThat(h.finished()).isFalse();

        WavHeader cut = WavHeader.read(Arrays.copyOf(canonical(400), 44 + 300));
        assertThat(cut.declaredDataBytes()).isEqualTo(800);
        assertThat(cut.dataBytes()).isEqualTo(300);
        assertThat(cut.frames()).isEqualTo(150);
        assertThat(cut.finished()).isFalse();
        assertThat(cut.riffSizeMatchesFile()).isFalse();
    }

    @Test
    void skipsOtherChunksWordAlignedAndResolvesExtensiblePcm() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 40 + 8 + 6 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(40).putShort((short) WavHeader.EXTENSIBLE).putShort((short) 2).putInt(16000)
                .putInt(64000).putShort((short) 4).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(3)
                .putShort((short) 1).put(new byte[14]);
        b.put("LIST".getBytes()).putInt(5).put("INFOx".getBytes()).put((byte) 0);
        b.put("data".getBytes()).putInt(4).putInt(0);
        WavHeader h = WavHeader.read(b.array());
        assertThat(h.formatTag()).isEqualTo(WavHeader.EXTENSIBLE);
        assertThat(h.pcm()).isTrue();
        assertThat(h.channels()).isEqualTo(2);
        assertThat(h.frames()).isEqualTo(1);
        assertThat(h.riffSizeMatchesFile()).isTrue();
    }

    @Test
    void saysWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> WavHeader.read("not a wav at all".getBytes())).isInstanceOf(WavHeader.NotWavException.class)
                .hasMessageContaining("not a RIFF/WAVE");
        assertThatThrownBy(() -> WavHeader.read(Arrays.copyOf(canonical(10), 30))).hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> WavHeader.read(Arrays.copyOf(canonical(10), 36))).hasMessageContaining("no data chunk");
    }
}
