package ir.line111.ivr.agi;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.fakeasterisk.agi.CallEnd;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.MalformedEnvironment;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The FastAGI edge: the mapping, the ceiling, graceful stop, and a garbled Asterisk. */
class IvrServerTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.ivr", "org.asteriskjava");
    @TempDir Path dir;

    static CallerScript untilRecognition(IvrHarness ivr) {
        return CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .build();
    }

    @Test
    void onlyTheTwoContractScriptsAreServed() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir)) {
            CallTranscript t = ivr.call("ir.line111.ivr.agi.IvrServer").run();
            assertThat(t.prompts()).isEmpty();
            assertThat(t.variablesSet()).containsEntry("AJ_AGISTATUS", "NOT_FOUND");
            assertThat(ivr.callRow(t.environment().get("agi_uniqueid"))).isNull();
            // And the server carries on.
            CallTranscript ok = ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build());
            assertThat(ok.promptNames()).startsWith("welcome", "main-menu");
        }
    }

    @Test
    void aCallOverTheCeilingIsSentToTheDialplansFallback() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir, Map.of("agi.max-calls", "1", "speech.timeout-ms", "60000"))) {
            ivr.recogniserGate = new CountDownLatch(1);
            CompletableFuture<CallTranscript> first = ivr.call("line111").script(untilRecognition(ivr)).readTimeout(Duration.ofSeconds(60)).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> ivr.recognising.get() == 1);
            assertThat(ivr.server.activeCalls()).isEqualTo(1);

            CallTranscript refused = ivr.call("line111").run();
            assertThat(refused.variablesSet()).containsEntry(DialplanContract.VAR_NEXT, DialplanContract.NEXT_FALLBACK);
            assertThat(refused.prompts()).isEmpty();
            assertThat(refused.end()).isInstanceOf(CallEnd.ReturnedToDialplan.class);
            assertThat(ivr.server.refusedCalls()).isEqualTo(1);
            assertThat(ivr.callRow(refused.environment().get("agi_uniqueid")).outcome()).isEqualTo(CallOutcome.REFUSED_AT_CAPACITY);

            ivr.recogniserGate.countDown();
            CallTranscript done = first.get();
            assertThat(done.promptNames()).contains("id-not-understood");
            await().atMost(Duration.ofSeconds(10)).until(() -> ivr.server.activeCalls() == 0);
            CallTranscript next = ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build());
            assertThat(next.promptNames()).startsWith("welcome", "main-menu");
        }
    }

    @Test
    void stoppingLetsCallsFinishThenCutsOffTheRestKeepingWhatTheyRecorded() throws Exception {
        IvrHarness ivr = new IvrHarness(dir, Map.of("speech.timeout-ms", "60000"));
        try {
            ivr.recogniserGate = new CountDownLatch(1);
            CompletableFuture<CallTranscript> call = ivr.call("line111").script(untilRecognition(ivr)).readTimeout(Duration.ofSeconds(60)).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> ivr.recognising.get() == 1);
            ivr.server.stop(Duration.ofMillis(300));
            CallTranscript t = call.get();
            String callId = t.environment().get("agi_uniqueid");
            assertThat(ivr.recordings.adopted(callId)).hasSize(1);
            IvrHarness.CallRow row = ivr.callRow(callId);
            assertThat(row.ended()).isTrue();
            assertThat(row.lastStep()).isEqualTo("caller-id");
            assertThat(ivr.server.activeCalls()).isZero();
        } finally {
            ivr.recogniserGate.countDown();
            ivr.close();
        }
    }

    @ParameterizedTest
    @EnumSource(MalformedEnvironment.class)
    void aMalformedEnvironmentEndsThatCallAndTheServerCarriesOn(MalformedEnvironment kind) throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir)) {
            CallTranscript bad = ivr.call("line111").malformedEnvironment(kind).run();
            if (kind == MalformedEnvironment.GARBAGE_LINES) {
                // Stray lines around a complete environment are skipped: the call itself is served.
                assertThat(bad.promptNames()).startsWith("welcome", "main-menu");
            } else {
                assertThat(bad.prompts()).isEmpty();
                if (kind != MalformedEnvironment.TRUNCATED_THEN_CLOSE) {
                    assertThat(bad.variablesSet()).containsEntry(DialplanContract.VAR_NEXT, DialplanContract.NEXT_FALLBACK);
                }
            }
            CallTranscript ok = ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build());
            assertThat(ok.promptNames()).startsWith("welcome", "main-menu");
            await().atMost(Duration.ofSeconds(5)).until(() -> ivr.server.activeCalls() == 0);
        }
    }

    @Test
    void anUnexpectedReplyCodeEndsTheCallAsAnErrorKeepingTheRecording() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir)) {
            ivr.recogniserConfigured = false;
            CallTranscript t = ivr.entry(CallerScript.builder()
                    .onPrompt("main-menu").press("1")
                    .onRecord().say(ivr.speech)
                    .onPrompt("whose-matter").reply("999 what is this")
                    .build());
            String callId = t.environment().get("agi_uniqueid");
            await().atMost(Duration.ofSeconds(5)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
            assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.ERROR);
            assertThat(ivr.callRow(callId).lastStep()).isEqualTo("whose-matter");
            assertThat(ivr.recordings.adopted(callId)).hasSize(1);
            assertThat(ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build()).promptNames()).contains("main-menu");
        }
    }

    @Test
    void aSocketClosedMidCommandAfterAMessageStillRegistersIt() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir)) {
            ivr.recogniserConfigured = false;
            ivr.officeOpen.set(false);
            CallTranscript t = ivr.entry(CallerScript.builder()
                    .onPrompt("main-menu").press("1")
                    .onRecord().say(ivr.speech).times(2)
                    .onPrompt("whose-matter").press("1")
                    .onPrompt("message-menu").closeConnection("200 res")
                    .build());
            String callId = t.environment().get("agi_uniqueid");
            await().atMost(Duration.ofSeconds(5)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
            assertThat(ivr.casesOfCall(callId)).singleElement()
                    .satisfies(c -> assertThat(c.get("MESSAGE_RECORDING_ID")).isNotNull());
            assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
            assertThat(ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build()).promptNames()).contains("main-menu");
        }
    }
}
