package ir.line111.fakeasterisk.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RECORD FILE as the real calls show it (real-calls/busy-and-silentid: endpos=8160 for 4 s of silence),
 * what a dropped line leaves behind, and uniqueids that never repeat.
 */
class RecordingEdgesTest {
    @TempDir
    Path tmp;

    private Path wav(String name, short[] s) throws IOException {
        Path p = tmp.resolve(name + ".wav");
        try (OutputStream out = Files.newOutputStream(p)) {
            Wav.writeWav(out, Wav.pcm(s, s.length));
        }
        return p;
    }

    private CallTranscript record(CallerScript script) throws Exception {
        try (ScriptedAgiServer server = new ScriptedAgiServer(List.of("RECORD FILE msg wav \"#\" 15000 beep s=3", "ANSWER"))) {
            return FakeAsterisk.call("127.0.0.1", server.port(), "line111").recordingRoot(tmp).script(script).run();
        }
    }

    @Test
    void aCallerWhoSaysNothingIsStoppedBySilenceWithOneSecondOfItKept() throws Exception {
        CallTranscript t = record(CallerScript.builder().onRecord().say(wav("silence", new short[32_000])).build());
        CallTranscript.Recording r = t.recordings().getFirst();
        assertThat(r.reply()).isEqualTo("200 result=12000 (timeout) endpos=8000");
        assertThat(Wav.lengthInSamples(r.file())).isEqualTo(8000);
    }

    @Test
    void speechThenSilenceStopsWhereTheSilenceBegan() throws Exception {
        short[] s = new short[8000 * 6];
        for (int i = 0; i < 16_000; i++) s[i] = (short) (6000 * Math.sin(i * 0.3));
        CallTranscript t = record(CallerScript.builder().onRecord().say(wav("speech-then-silence", s)).build());
        assertThat(t.recordings().getFirst().reply()).isEqualTo("200 result=10000 (timeout) endpos=24000");
    }

    @Test
    void aLineThatDropsMidRecordingStillLeavesWhatWasSaid() throws Exception {
        short[] s = new short[8000];
        for (int i = 0; i < s.length; i++) s[i] = (short) (6000 * Math.sin(i * 0.3));
        Path speech = wav("speech", s);
        for (CallerScript script : List.of(CallerScript.builder().onRecord().say(speech).closeConnection().build(),
                CallerScript.builder().onRecord().say(speech).resetConnection().build())) {
            CallTranscript t = record(script);
            assertThat(t.recordings()).singleElement().satisfies(r -> assertThat(Files.size(r.file())).isGreaterThan(44));
            assertThat(t.end()).isInstanceOf(CallEnd.ClosedByFake.class);
            Files.delete(t.recordings().getFirst().file());
        }
    }

    @Test
    void uniqueIdsAreEpochDotCounterAndNeverRepeat() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            try (ScriptedAgiServer server = new ScriptedAgiServer(List.of())) {
                String id = FakeAsterisk.call("127.0.0.1", server.port(), "line111").run().environment().get("agi_uniqueid");
                assertThat(id).matches("\\d{10}\\.\\d+");
                assertThat(Long.parseLong(id.substring(0, 10))).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
                ids.add(id);
            }
        }
        assertThat(ids).hasSize(5);
    }
}
