package ir.line111.recordings.speech.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ResamplerTest {

    @TempDir Path tmp;

    static short[] sine(int rate, double hz, int n, double amplitude) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        return s;
    }

    @Test
    void upsamplingTelephoneAudioKeepsTheToneAndItsLevel() {
        short[] in = sine(8000, 1000, 8000, 10000);
        short[] out = Resampler.resample(in, 8000, 16000);
        assertThat(out).hasSize(16000);
        short[] expected = sine(16000, 1000, 16000, 10000);
        // Away from the edges the result is the same tone sampled twice as often.
        double err = 0;
        for (int i = 200; i < 15800; i++) err = Math.max(err, Math.abs(out[i] - expected[i]));
        assertThat(err).isLessThan(300);   // 3% of the amplitude
    }

    @Test
    void sameRateIsACopyAndDownsamplingHalvesTheLength() {
        short[] in = sine(16000, 500, 1600, 5000);
        assertThat(Resampler.resample(in, 16000, 16000)).isEqualTo(in);
        assertThat(Resampler.resample(in, 16000, 8000)).hasSize(800);
    }

    @Test
    void wavRoundTripAndATruncatedFileStillGivesWhatIsThere() throws IOException {
        Path f = tmp.resolve("a.wav");
        short[] s = sine(8000, 440, 4000, 8000);
        WavAudio.write(f, 8000, s);
        WavAudio back = WavAudio.read(f);
        assertThat(back.sampleRate()).isEqualTo(8000);
        assertThat(back.samples()).isEqualTo(s);
        // Asterisk's header promises more than a hung-up call delivered.
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, 44 + 2000));
        assertThat(WavAudio.header(f).frames()).isEqualTo(1000);
        assertThat(WavAudio.read(f).samples()).hasSize(1000);
    }
}
