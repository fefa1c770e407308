package ir.line111.console.handlers;

import ir.line111.console.http.ApiException;
import ir.line111.wav.WavHeader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's strictness on an uploaded answer, on top of the project's one WAV reader. */
class WavCheckTest {

    static byte[] wav(int rate, int dataBytes) {
        byte[] header = WavHeader.pcm16Mono(rate, dataBytes);
        return Arrays.copyOf(header, header.length + dataBytes);
    }

    @Test
    void aWholePcmFileGivesItsLength() {
        assertThat(WavCheck.check(wav(8000, 16000))).isEqualTo(1.0);
    }

    @Test
    void whatIsNotAWholePcmWavIsRefusedSayingWhy() {
        byte[] ok = wav(8000, 16000);
        assertThatThrownBy(() -> WavCheck.check(Arrays.copyOf(ok, 40))).isInstanceOf(ApiException.class).hasMessageContaining("کوتاه‌تر از سرآیند");
        byte[] text = ("RIFF" + "\0".repeat(4) + "TEXT" + "x".repeat(60)).getBytes();
        assertThatThrownBy(() -> WavCheck.check(text)).hasMessageContaining("RIFF/WAVE نیست");
        // cut short: the data chunk claims more than is there (and the RIFF size no longer matches)
        assertThatThrownBy(() -> WavCheck.check(Arrays.copyOf(ok, ok.length - 100))).hasMessageContaining("اندازهٔ اعلام‌شده");
        byte[] aLaw = ok.clone();
        ByteBuffer.wrap(aLaw).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 6);
        assertThatThrownBy(() -> WavCheck.check(aLaw)).hasMessageContaining("PCM خطی نیست");
        byte[] wrongRate = ok.clone();
        ByteBuffer.wrap(wrongRate).order(ByteOrder.LITTLE_ENDIAN).putInt(28, 12345);
        assertThatThrownBy(() -> WavCheck.check(wrongRate)).hasMessageContaining("با هم نمی‌خوانند");
        assertThatThrownBy(() -> WavCheck.check(wav(8000, 800))).hasMessageContaining("یک‌دهم ثانیه");
        byte[] claimsMore = ok.clone();
        ByteBuffer.wrap(claimsMore).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 32000);
        assertThatThrownBy(() -> WavCheck.check(claimsMore)).hasMessageContaining("«data» از فایل بلندتر");
    }
}
