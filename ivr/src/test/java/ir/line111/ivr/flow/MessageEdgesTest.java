package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where a message can be lost at the edges of the flow (issue 11 points 3 and 4, issue 13 point 3):
 * a line that drops while the message is recorded, the after-queue entry without the spoken-ID
 * variable, and a spoken ID that is only silence.
 */
class MessageEdgesTest {
    @TempDir static Path dir;
    static IvrHarness ivr;
    static Path silence;

    @BeforeAll
    static void start() throws Exception {
        ivr = new IvrHarness(dir);
        silence = writeSilence(dir.resolve("silence.wav"), 4.0);
    }

    @AfterAll
    static void stop() {
        ivr.close();
    }

    @BeforeEach
    void reset() {
        ivr.officeOpen.set(false);
        ivr.recogniserConfigured = false;
        ivr.recognitions.clear();
    }

    /** What a caller who says nothing sends: digital silence (the harness in real-calls/ played zeros). */
    static Path writeSilence(Path file, double seconds) throws IOException {
        int n = (int) (8000 * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(n * 2);
        Files.write(file, b.array());
        return file;
    }

    static void awaitEnded(String callId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
    }

    /** To the message, then the line goes while the caller speaks into it. */
    static CallerScript dropsDuringTheMessage(String how) {
        CallerScript.Step s = CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech);
        return switch (how) {
            case "eof" -> s.closeConnection().build();
            case "reset" -> s.resetConnection().build();
            // the asynchronous HANGUP before the hang-up reply (the race the traces' README describes)
            case "hangup-line-first" -> s.reply("HANGUP", "200 result=-1 (hangup) endpos=16000").build();
            default -> throw new IllegalArgumentException(how);
        };
    }

    @ParameterizedTest(name = "line lost during the message by {0}")
    @ValueSource(strings = {"eof", "reset", "hangup-line-first"})
    void aMessageCutOffWhileRecordingBecomesACase(String how) {
        CallTranscript t = ivr.entry(dropsDuringTheMessage(how));
        String callId = t.environment().get("agi_uniqueid");
        awaitEnded(callId);
        var adopted = ivr.recordings.adopted(callId);
        assertThat(adopted).as(t.format()).hasSize(2);
        assertThat(adopted.get(1).durationSamples()).isPositive();
        var cases = ivr.casesOfCall(callId);
        assertThat(cases).as(t.format()).hasSize(1);
        assertThat(((Number) cases.getFirst().get("MESSAGE_RECORDING_ID")).longValue()).isEqualTo(adopted.get(1).id());
        assertThat(((Number) cases.getFirst().get("SPOKEN_ID_RECORDING_ID")).longValue()).isEqualTo(adopted.get(0).id());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
    }

    @Test
    void afterTheQueueWithoutTheSpokenIdVariableTheCallerStillLeavesAMessageAndHearsACode() {
        String callId = "1796296438.901";
        ivr.callLog.started(callId, "0912", "PJSIP/x", IvrHarness.NOW);
        CallTranscript t = ivr.call(DialplanContract.SCRIPT_AFTER_QUEUE).uniqueId(callId)
                .variable("QUEUESTATUS", "TIMEOUT")
                .variable(DialplanContract.VAR_CALL_ID, callId)
                .variable(DialplanContract.VAR_RELATION, "SELF")
                .script(CallerScript.builder()
                        .onRecord().say(ivr.speech)
                        .onPrompt("message-menu").press("1")
                        .build())
                .run();
        assertThat(t.promptNames()).as(t.format()).startsWith("queue-unanswered", "record-message", "message-menu",
                "message-registered", "your-code-is");
        assertThat(t.promptNames()).doesNotContain("technical-problem");
        Map<String, Object> c = ivr.casesOfCall(callId).getFirst();
        assertThat(c.get("SPOKEN_ID_RECORDING_ID")).isNull();
        assertThat(((Number) c.get("MESSAGE_RECORDING_ID")).longValue()).isEqualTo(ivr.recordings.adopted(callId).getFirst().id());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
    }

    @Test
    void silenceAfterTheBeepIsNotASpokenIdTheCallerIsAskedAgain() {
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(silence)
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build());
        String callId = t.environment().get("agi_uniqueid");
        // As on the real line: RECORD FILE s=3 stops on the silence and keeps one second of it.
        assertThat(t.recordings().getFirst().reply()).matches("200 result=\\d+ \\(timeout\\) endpos=8000");
        assertThat(t.promptNames()).as(t.format()).startsWith("welcome", "main-menu", "say-national-id", "id-not-heard",
                "say-national-id", "id-unverified");
        awaitEnded(callId);
        assertThat(ivr.steps(callId)).contains("caller-id:nothing heard");
        assertThat(ivr.casesOfCall(callId)).hasSize(1);
    }

    @Test
    void aSilentMessageIsTakenAsEmpty() {
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(silence)
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).as(t.format()).contains("message-empty");
    }
}
