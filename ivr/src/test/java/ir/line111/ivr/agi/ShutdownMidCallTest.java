package ir.line111.ivr.agi;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeCall;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backend stopped (SIGTERM, grace period) while a call is in progress (issue 13 point 2,
 * real-calls/sigterm-midcall.full.log): when the grace ends and the call is cut, the dialplan must
 * already know what to do. A caller whose message was taken is not sent to the fallback to record
 * it again; a caller who gave nothing is.
 */
class ShutdownMidCallTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.ivr");
    @TempDir Path dir;
    IvrHarness ivr;

    @BeforeEach
    void start() throws Exception {
        ivr = new IvrHarness(dir);
        ivr.officeOpen.set(false);
        ivr.recogniserConfigured = false;
    }

    @AfterEach
    void stop() {
        ivr.close();
    }

    /** The fake Asterisk holds its reply to the next command after {@code prompt}, as a long prompt would. */
    static FakeCall holdingAfter(FakeCall call, String prompt, AtomicBoolean held, CountDownLatch release) {
        return call.listener(e -> {
            if (e.command().line().contains("line111/" + prompt + " ")) {
                held.set(true);
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @Test
    void aCallCutAfterTheCallerHasACodeTellsTheDialplanToHangUp() throws Exception {
        String callId = "1796298900.431";
        AtomicBoolean held = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<CallTranscript> call = holdingAfter(ivr.call("line111").uniqueId(callId).script(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech).press("#")
                .onPrompt("message-menu").press("1")
                .build()), "hear-again-menu", held, release).start();
        await().atMost(Duration.ofSeconds(10)).untilTrue(held);
        assertThat(ivr.casesOfCall(callId)).hasSize(1);

        ivr.server.stop(Duration.ofMillis(300));   // the grace ends with the call still in progress: it is cut
        release.countDown();
        CallTranscript t = call.get(20, TimeUnit.SECONDS);

        assertThat(t.variable(DialplanContract.VAR_NEXT)).as(t.format()).contains(DialplanContract.NEXT_HANGUP);
        assertThat(ivr.casesOfCall(callId)).hasSize(1);
    }

    @Test
    void aCallCutAtTheReviewMenuKeepsItsMessageAndIsNotAskedForItAgain() throws Exception {
        String callId = "1796298900.432";
        AtomicBoolean held = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<CallTranscript> call = holdingAfter(ivr.call("line111").uniqueId(callId).script(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech).press("#")
                .build()), "message-menu", held, release).start();
        await().atMost(Duration.ofSeconds(10)).untilTrue(held);

        ivr.server.stop(Duration.ofMillis(300));
        release.countDown();
        CallTranscript t = call.get(20, TimeUnit.SECONDS);

        assertThat(t.variable(DialplanContract.VAR_NEXT)).as(t.format()).contains(DialplanContract.NEXT_HANGUP);
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.casesOfCall(callId).size() == 1);
    }

    @Test
    void aCallCutBeforeAnythingWasTakenIsLeftToTheFallback() throws Exception {
        String callId = "1796298900.433";
        ivr.recogniserConfigured = true;
        ivr.recogniserGate = new CountDownLatch(1);   // the call waits on the recogniser when the grace ends
        CompletableFuture<CallTranscript> call = ivr.call("line111").uniqueId(callId).script(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .build()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.recognising.get() == 1);

        ivr.server.stop(Duration.ofMillis(300));
        CallTranscript t = call.get(20, TimeUnit.SECONDS);

        assertThat(t.variable(DialplanContract.VAR_NEXT)).as(t.format()).isEmpty();   // the dialplan's default: the fallback
        assertThat(ivr.casesOfCall(callId)).isEmpty();
    }
}
