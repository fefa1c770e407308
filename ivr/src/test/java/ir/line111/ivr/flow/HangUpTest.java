package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.testing.TestNationalIds;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A hang-up can come at any step: what was recorded is kept and registered, and the call record says where. */
class HangUpTest {
    @TempDir static Path dir;
    static IvrHarness ivr;

    @BeforeAll
    static void start() throws Exception {
        ivr = new IvrHarness(dir);
    }

    @AfterAll
    static void stop() {
        ivr.close();
    }

    @BeforeEach
    void reset() {
        ivr.officeOpen.set(true);
        ivr.recogniserConfigured = true;
        ivr.recognitions.clear();
        ivr.queue.set(ir.line111.core.domain.queue.QueueLoad.Snapshot.UNKNOWN);
    }

    /** The whole new-matter path to a registered message, with a hang-up while {@code prompt} plays. */
    static CallerScript hangingUpAt(String prompt) {
        return CallerScript.builder()
                .hangUpWhenPlayed(prompt)
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(2)
                .onPrompt("confirm-menu").press("1")
                .onPrompt("whose-matter").press("1")
                .onPrompt("mode-menu").press("2")
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build();
    }

    @ParameterizedTest(name = "hang-up during {0}")
    @CsvSource({
            "welcome,            welcome,        0, false",
            "main-menu,          main-menu,      0, false",
            "say-national-id,    caller-id,      0, false",
            "you-said,           caller-id-confirm, 1, false",
            "confirm-menu,       caller-id-confirm, 1, false",
            "whose-matter,       whose-matter,   1, false",
            "mode-menu,          mode,           1, false",
            "record-message,     message,        1, false",
            "message-menu,       message-review, 2, true",
            "message-registered, message-registered, 2, true",
            "your-code-is,       message-registered, 2, true",
            "code-again,         message-registered, 2, true",
            "hear-again-menu,    message-registered, 2, true",
    })
    void aHangUpAtAnyStepKeepsWhatWasRecorded(String prompt, String lastStep, int recordings, boolean registered) throws Exception {
        ivr.recognitions.add(IvrHarness.recognised(TestNationalIds.random().digits()));
        CallTranscript t = ivr.entry(hangingUpAt(prompt));
        String callId = t.environment().get("agi_uniqueid");
        assertThat(t.callerHungUp()).as(t.format()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
        IvrHarness.CallRow row = ivr.callRow(callId);
        assertThat(row.lastStep()).isEqualTo(lastStep);
        assertThat(row.outcome()).isEqualTo(registered ? CallOutcome.MESSAGE_LEFT : CallOutcome.CALLER_HUNG_UP);
        assertThat(ivr.recordings.adopted(callId)).hasSize(recordings);
        for (var r : ivr.recordings.adopted(callId)) assertThat(Files.exists(r.file())).isTrue();
        assertThat(ivr.casesOfCall(callId)).hasSize(registered ? 1 : 0);
        // Nothing was sent after the caller was gone but what Asterisk-Java itself sends at the end.
        assertThat(t.prompts()).doesNotContain("line111/" + "goodbye");
    }

    @Test
    void aHangUpWhileRecordingTheMessageRegistersWhatWasSaid() {
        ivr.recogniserConfigured = false;
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onPrompt("mode-menu").press("2")
                .onRecord().say(ivr.speech).hangUp()
                .build());
        String callId = t.environment().get("agi_uniqueid");
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
        Map<String, Object> c = ivr.casesOfCall(callId).getFirst();
        var adopted = ivr.recordings.adopted(callId);
        assertThat(adopted).hasSize(2);
        assertThat(adopted.get(1).durationSamples()).isPositive();
        assertThat(((Number) c.get("MESSAGE_RECORDING_ID")).longValue()).isEqualTo(adopted.get(1).id());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        assertThat(ivr.callRow(callId).lastStep()).isEqualTo("message");
    }

    @Test
    void aHangUpWhileSayingTheIdKeepsThatRecording() {
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).hangUp()
                .build());
        String callId = t.environment().get("agi_uniqueid");
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
        assertThat(ivr.recordings.adopted(callId)).singleElement().satisfies(r -> assertThat(r.durationSamples()).isPositive());
        assertThat(ivr.callRow(callId).lastStep()).isEqualTo("caller-id");
        assertThat(ivr.casesOfCall(callId)).isEmpty();
    }

    @Test
    void aHangUpBetweenCommandsIsNoticedAtTheNextOne() {
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2").hangUpAfter()
                .build());
        String callId = t.environment().get("agi_uniqueid");
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.CALLER_HUNG_UP);
    }

    @Test
    void aHangUpInTheFollowUpAndTheAfterQueueEntryEndsThemCleanly() {
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .hangUpWhenPlayed("enter-tracking-code")
                .build());
        String callId = t.environment().get("agi_uniqueid");
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
        assertThat(ivr.callRow(callId).lastStep()).isEqualTo("follow-up-code");

        CallTranscript after = ivr.call("line111-after-queue").script(CallerScript.builder().hangUpWhenPlayed("satisfaction-menu").build()).run();
        String afterId = after.environment().get("agi_uniqueid");
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(afterId) != null && ivr.callRow(afterId).ended());
        assertThat(ivr.callRow(afterId).satisfaction()).isNull();
        assertThat(ivr.callRow(afterId).lastStep()).isEqualTo("satisfaction");
    }
}
