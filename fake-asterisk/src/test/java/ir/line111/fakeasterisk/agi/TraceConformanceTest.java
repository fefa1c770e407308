package ir.line111.fakeasterisk.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the FastAGI server side of every agi-* trace against the fake and compares every byte
 * the fake sends with what Asterisk 22.10.1 sent.
 */
class TraceConformanceTest {

    @TempDir
    static Path tmp;

    static Path speech;

    // Per test, not in @BeforeAll: a class skipped as a whole reports "Tests run: 0" with no reason.
    @BeforeEach
    void sharedFolder() {
        Assumptions.assumeTrue(Files.isDirectory(AgiTrace.tracesDir()),
                "the traces are not at " + AgiTrace.tracesDir());
        speech = AgiTrace.shared().resolve("speech");
    }

    /** A WAV of n samples of a tone (stands in for speech of an exact length). */
    static Path tone(int samples) throws IOException {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (8000 * Math.sin(i * 2 * Math.PI * 440 / 8000));
        }
        Path p = tmp.resolve("tone-" + samples + ".wav");
        try (OutputStream out = Files.newOutputStream(p)) {
            Wav.writeWav(out, Wav.pcm(s, samples));
        }
        return p;
    }

    private CallTranscript replay(String trace, BiFunction<AgiTrace, Integer, FakeCall> call) throws Exception {
        AgiTrace t = AgiTrace.load(trace);
        try (ScriptedAgiServer server = new ScriptedAgiServer(t.commands())) {
            CallTranscript transcript = call.apply(t, server.port()).redirectRecordings(tmp).run();
            assertThat(server.received()).isEqualTo(t.asteriskBytes());
            return transcript;
        }
    }

    @Test
    void fullCall() throws Exception {
        Path nid = speech.resolve("national-ids/nid_samad_2_3244111432.wav");
        CallTranscript t = replay("agi-full-call.trace", (trace, port) -> trace.callTo(port)
                .promptLength("custom/welcome", 27139)
                .script(CallerScript.builder()
                        .onCommand("GET DATA").press("1234#")
                        .onCommand("WAIT FOR DIGIT").press("9")
                        // the Local channel delivered no frames for the first 0.44 s
                        .onRecord().say(nid, Duration.ofMillis(440))
                        .build()));
        assertThat(t.end()).isEqualTo(new CallEnd.ScriptHungUp(12));
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
        assertThat(t.keysConsumed()).isEqualTo("1234#9");
        assertThat(t.prompts()).containsExactly("custom/welcome", "custom/welcome",
                "digits/1", "digits/2", "digits/3", "digits/4", "custom/hi");
        assertThat(t.variable("IVR_RESULT")).contains("1234");
        assertThat(t.recordings()).singleElement().satisfies(r -> {
            assertThat(r.samples()).isEqualTo(36480);
            assertThat(Files.size(r.file())).isEqualTo(73004); // the size of the trace's recording
        });
        assertThat(t.sentAtClose()).containsExactly("HANGUP");
    }

    @Test
    void fullCallRecordingHasTheCallersSpeech() throws Exception {
        Path nid = speech.resolve("national-ids/nid_samad_2_3244111432.wav");
        CallTranscript t = replay("agi-full-call.trace", (trace, port) -> trace.callTo(port)
                .promptLength("custom/welcome", 27139)
                .script(CallerScript.builder().onCommand("GET DATA").press("1234#")
                        .onCommand("WAIT FOR DIGIT").press("9")
                        .onRecord().say(nid, Duration.ofMillis(440)).build()));
        short[] written = Wav.read8kMono(t.recordings().getFirst().file());
        short[] spoken = Wav.read8kMono(nid);
        assertThat(written).hasSize(36480);
        for (int i = 0; i < written.length; i += 997) {
            assertThat(written[i]).isEqualTo(spoken[i]);
        }
    }

    @Test
    void callerLeg() throws Exception {
        CallTranscript t = replay("agi-full-call-caller-leg.trace",
                (trace, port) -> trace.callTo(port).promptLength("custom/nid-speech", 48720));
        assertThat(t.end()).isEqualTo(new CallEnd.ReturnedToDialplan());
    }

    @Test
    void argsAndEnvironment() throws Exception {
        CallTranscript t = replay("agi-args-and-env.trace", (trace, port) -> trace.callTo(port)
                .variable("CUSTOMER_ID", "C-1001")
                .variable("ORIGINATE_VAR", "from-originate")
                .variable("INHERITED_VAR", "inherit-me"));
        assertThat(t.environment()).containsEntry("agi_arg_3", "").containsEntry("agi_arg_4", "quoted, with comma");
        assertThat(t.agiStatus()).isEqualTo("SUCCESS");
        assertThat(t.variable("AFTER_AGI")).contains("set by args-and-env");
    }

    @Test
    void callerHangsUpDuringWaitForDigit() throws Exception {
        CallTranscript t = replay("agi-caller-hangs-up-during-wait-for-digit.trace", (trace, port) -> trace.callTo(port)
                .script(CallerScript.builder().onCommand("WAIT FOR DIGIT").hangUp().build()));
        assertThat(t.end()).isEqualTo(new CallEnd.CallerHungUp(2, "WAIT FOR DIGIT 10000", CallerScript.HangUp.DURING));
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
        assertThat(t.variable("AFTER_HANGUP")).contains("yes");
    }

    @Test
    void callerHangsUpDuringRecordFile() throws Exception {
        Path hi = tone(5041);
        CallTranscript t = replay("agi-caller-hangs-up-during-record-file.trace", (trace, port) -> trace.callTo(port)
                .script(CallerScript.builder().onRecord().say(hi).hangUp().build()));
        assertThat(t.recordings()).singleElement().satisfies(r -> assertThat(r.samples()).isEqualTo(5041));
        assertThat(t.callerHungUp()).isTrue();
    }

    @Test
    void callerHangsUpDuringStreamFile() throws Exception {
        CallTranscript t = replay("agi-caller-hangs-up-during-stream-file.trace", (trace, port) -> trace.callTo(port)
                .promptLength("custom/welcome", 27139)
                .script(CallerScript.builder().onPrompt("custom/welcome").hangUp().at(Duration.ofMillis(1020)).build()));
        assertThat(t.prompts()).containsExactly("custom/welcome");
    }

    @Test
    void callerHangsUpBetweenCommands() throws Exception {
        CallTranscript t = replay("agi-caller-hangs-up-between-commands.trace", (trace, port) -> trace.callTo(port)
                .script(CallerScript.builder().onCommand("NOOP").hangUpAfter().build()));
        assertThat(t.end()).isEqualTo(new CallEnd.CallerHungUp(2, "NOOP before-hangup", CallerScript.HangUp.AFTER));
    }

    @Test
    void dtmfAndTimeouts() throws Exception {
        Path hi = tone(5041);
        Path speechThenSilence = tone(46240);
        CallTranscript t = replay("agi-dtmf-and-timeouts.trace", (trace, port) -> trace.callTo(port)
                .promptLength("custom/welcome", 27139)
                .promptLength("custom/hi", 5063)
                .script(CallerScript.builder()
                        .onCommandNumber(2).press("2").at(Duration.ofMillis(1240))
                        .onCommandNumber(3).press("8").at(Duration.ofMillis(300)) // not an escape digit: ignored
                        .onCommandNumber(5).press("42#")
                        .onCommandNumber(6).press("98765")
                        .onCommandNumber(10).press("12")
                        .onCommandNumber(13).press("*")
                        .onCommandNumber(14).press("3").at(Duration.ofSeconds(1)) // after the prompt
                        .onCommandNumber(15).say(hi).press("#")
                        .onCommandNumber(16).say(speechThenSilence, Duration.ofMillis(631))
                        .build()));
        assertThat(t.keysConsumed()).isEqualTo("242#9876512*3#");
        assertThat(t.recordings()).extracting(CallTranscript.Recording::samples).containsExactly(3441L, 54240L, 0L);
    }

    @Test
    void errorsAndEdgeCases() throws Exception {
        CallTranscript t = replay("agi-errors-and-edge-cases.trace", (trace, port) -> trace.callTo(port)
                .missingSounds("custom/does-not-exist", "digits/40"));
        assertThat(t.agiStatus()).isEqualTo("FAILURE");
        assertThat(t.end()).isEqualTo(new CallEnd.ReturnedToDialplan());
    }
}
