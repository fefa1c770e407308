package ir.line111.recordings.speech.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

/** Speech is told from silence by energy, not by length (issue 13 point 3). */
class SpeechPresenceTest {
    @TempDir Path tmp;

    static WavAudio of(short[] samples) {
        return new WavAudio(8000, 1, samples);
    }

    @Test
    void theSecondOfSilenceRecordFileKeepsIsNoSpeech() {
        assertThat(SpeechPresence.in(of(new short[8160]))).isFalse();
    }

    @Test
    void lineNoiseAndAClickAreNoSpeech() {
        Random r = new Random(7);
        short[] noise = new short[8000 * 4];
        for (int i = 0; i < noise.length; i++) noise[i] = (short) (r.nextGaussian() * 60);   // about -55 dBFS
        for (int i = 8000; i < 8000 + 800; i++) noise[i] = (short) (i % 2 == 0 ? 12000 : -12000);   // 0.1 s click
        assertThat(SpeechPresence.in(of(noise))).isFalse();
    }

    @Test
    void everyNationalIdUtteranceOfTheSharedCorpusIsSpeech() throws IOException {
        Path dir = sharedCorpus();
        assumeTrue(dir != null, "shared/speech/national-ids is not beside the checkout (nor above it)");
        List<Path> wavs;
        try (Stream<Path> s = Files.list(dir)) {
            wavs = s.filter(p -> p.toString().endsWith(".wav")).toList();
        }
        assertThat(wavs).isNotEmpty();
        for (Path w : wavs) assertThat(SpeechPresence.inFile(w)).as(w.getFileName().toString()).isTrue();
    }

    @Test
    void anUnreadableFileHoldsNothingHeard() throws IOException {
        Path junk = Files.write(tmp.resolve("junk.wav"), new byte[] {1, 2, 3});
        assertThat(SpeechPresence.inFile(junk)).isFalse();
    }

    /** The shared corpus beside the checkout or beside one of its parents, as the trace tests find theirs. */
    static Path sharedCorpus() {
        for (Path p = Path.of(System.getProperty("line111.repo.root", ".")).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            for (Path c : List.of(p.resolve("shared"), p.resolveSibling("shared"))) {
                Path d = c.resolve("speech").resolve("national-ids");
                if (Files.isDirectory(d)) return d;
            }
        }
        return null;
    }
}
