package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.testing.TestNationalIds;
import ir.line111.core.domain.queue.QueueLoad;
import ir.line111.fakeasterisk.agi.CallEnd;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §4 steps 6–7: office hours, holidays, live or message, the busy-queue diversion and the hand-over. */
class LiveFlowTest {
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
        ivr.recognitions.clear();
        ivr.recogniserConfigured = true;
        ivr.queue.set(new QueueLoad.Snapshot(true, 0, 3, 2, Duration.ZERO));
        ivr.queue.diverted.clear();
    }

    static CallerScript.Step untilMode() {
        return CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("confirm-menu").press("1")
                .onPrompt("whose-matter").press("1");
    }

    @Test
    void inOfficeHoursTheCallerIsHandedToTheQueueWithWhatTheConsoleNeeds() {
        String id = TestNationalIds.random().digits();
        ivr.recognitions.add(IvrHarness.recognised(id));
        CallTranscript t = ivr.entry(untilMode().onPrompt("mode-menu").press("1").build());
        String callId = t.environment().get("agi_uniqueid");
        assertThat(t.promptNames()).endsWith("mode-menu", "connecting-operator");
        assertThat(t.end()).isInstanceOf(CallEnd.ReturnedToDialplan.class);
        Map<String, String> v = t.variablesSet();
        assertThat(v).containsEntry(DialplanContract.VAR_NEXT, DialplanContract.NEXT_QUEUE)
                .containsEntry(DialplanContract.VAR_CALL_ID, callId)
                .containsEntry(DialplanContract.VAR_NATIONAL_ID, id)
                .containsEntry(DialplanContract.VAR_NATIONAL_ID_VERIFIED, "true")
                .containsEntry(DialplanContract.VAR_SUBJECT_NATIONAL_ID, id)
                .containsEntry(DialplanContract.VAR_RELATION, "SELF")
                .containsKey(DialplanContract.VAR_CONVERSATION_FILE)
                .containsEntry(DialplanContract.VAR_SPOKEN_ID_RECORDING, Long.toString(ivr.recordings.adopted(callId).getFirst().id()));
        assertThat(v.get(DialplanContract.VAR_CONVERSATION_FILE)).startsWith(dir.resolve("recordings").toString());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.HANDED_TO_QUEUE);
        assertThat(ivr.callRow(callId).lastStep()).isEqualTo("queue");
        assertThat(ivr.casesOfCall(callId)).isEmpty();
    }

    @Test
    void aBusyQueueIsSaidWithTheEstimatedWaitAndTheMessageOffered() {
        ivr.recognitions.add(IvrHarness.recognised(TestNationalIds.random().digits()));
        ivr.queue.set(new QueueLoad.Snapshot(true, 12, 3, 0, Duration.ofSeconds(7 * 60 + 10)));
        CallTranscript t = ivr.entry(untilMode()
                .onPrompt("mode-menu").press("1")
                .onPrompt("busy-menu").press("2")
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).containsSubsequence("mode-menu", "queue-busy", "estimated-wait", "num-8", "minute",
                "busy-menu", "record-message", "message-menu", "message-registered");
        String callId = t.environment().get("agi_uniqueid");
        assertThat(ivr.casesOfCall(callId)).hasSize(1);
        assertThat(ivr.steps(callId)).anyMatch(s -> s.startsWith("queue-busy:waiting 12"));
        assertThat(ivr.queue.diverted).containsExactly(callId);
    }

    @Test
    void aBusyQueueCanStillBeJoined() {
        ivr.recognitions.add(IvrHarness.recognised(TestNationalIds.random().digits()));
        ivr.queue.set(new QueueLoad.Snapshot(true, 20, 4, 1, Duration.ofSeconds(90)));
        CallTranscript t = ivr.entry(untilMode()
                .onPrompt("mode-menu").press("1")
                .onPrompt("busy-menu").press("1")
                .build());
        assertThat(t.promptNames()).containsSubsequence("queue-busy", "estimated-wait", "num-2", "minute", "busy-menu", "connecting-operator");
        assertThat(t.variable(DialplanContract.VAR_NEXT)).contains(DialplanContract.NEXT_QUEUE);
        assertThat(ivr.queue.diverted).isEmpty();
    }

    @Test
    void unknownQueueLoadDoesNotKeepCallersFromOperators() {
        ivr.recognitions.add(IvrHarness.recognised(TestNationalIds.random().digits()));
        ivr.queue.set(QueueLoad.Snapshot.UNKNOWN);
        CallTranscript t = ivr.entry(untilMode().onPrompt("mode-menu").press("1").build());
        assertThat(t.promptNames()).doesNotContain("queue-busy").endsWith("connecting-operator");
    }

    @Test
    void choosingAMessageInOfficeHoursRecordsOne() {
        ivr.recognitions.add(IvrHarness.recognised(TestNationalIds.random().digits()));
        CallTranscript t = ivr.entry(untilMode()
                .onPrompt("mode-menu").press("2")
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).containsSubsequence("mode-menu", "record-message", "message-registered");
        assertThat(t.promptNames()).doesNotContain("office-closed");
    }

    @Test
    void outOfOfficeHoursTheCallerIsOfferedOnlyAMessage() {
        ivr.officeOpen.set(false);
        ivr.recognitions.add(IvrHarness.recognised(TestNationalIds.random().digits()));
        CallTranscript t = ivr.entry(untilMode()
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).containsSubsequence("whose-matter", "office-closed", "record-message").doesNotContain("mode-menu");
    }

    @Test
    void onAHolidayTheLineIsClosedToo() {
        // Saturday 10:00 in Tehran is within office hours, but this Saturday is an administered holiday.
        LocalDate today = IvrHarness.NOW.atZone(ZoneId.of("Asia/Tehran")).toLocalDate();
        ivr.holidays.put(today, "test holiday");
        try {
            ivr.recognitions.add(IvrHarness.recognised(TestNationalIds.random().digits()));
            CallTranscript t = ivr.entry(untilMode()
                    .onRecord().say(ivr.speech)
                    .onPrompt("message-menu").press("1")
                    .build());
            assertThat(t.promptNames()).contains("office-closed").doesNotContain("mode-menu");
        } finally {
            ivr.holidays.remove(today);
        }
    }
}
