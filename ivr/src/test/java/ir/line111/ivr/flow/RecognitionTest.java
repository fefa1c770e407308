package ir.line111.ivr.flow;

import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.core.testing.ExpectedLogs;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recogniser's own timeout is the only one (its contract: answer in time whatever the worker
 * does); the call still never depends on it keeping its other promise, never to throw.
 */
class RecognitionTest {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.ivr.flow");

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
        ivr.officeOpen.set(false);
        ivr.recogniserConfigured = true;
        ivr.recognitions.clear();
        ivr.recogniserFault = null;
    }

    @Test
    void aRecogniserThatThrowsLeavesTheIdUnverifiedAndTheCallGoesOn() {
        ivr.recogniserFault = new IllegalStateException("decoder exploded");
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech).press("#")
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build());
        assertThat(t.promptNames()).containsSubsequence("say-national-id", "id-unverified", "whose-matter", "message-registered");
        String callId = t.environment().get("agi_uniqueid");
        assertThat(ivr.steps(callId)).contains("caller-id:unverified: recogniser failed");
        assertThat(logs.events()).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("recogniser failed", "decoder exploded"));
    }

    @Test
    void whatTheRecogniserAnswersInItsOwnTimeIsTaken() {
        ivr.recognitions.add(new Recognition.Unavailable("speech recogniser did not answer within 1500 ms"));
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech).press("#")
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build());
        String callId = t.environment().get("agi_uniqueid");
        assertThat(ivr.steps(callId)).contains("caller-id:unverified: speech recogniser did not answer within 1500 ms");
    }
}
