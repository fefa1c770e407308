package ir.line111.ivr.agi;

import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end reason of a spoken-ID recording (RECORD FILE … 15000 beep s=3), decided from Asterisk's
 * own replies as the real calls in shared/asterisk-traces/real-calls/ show them (issue 13 point 4).
 */
class RecordingEndTest {
    @TempDir static Path dir;
    static IvrHarness ivr;

    @BeforeAll
    static void start() throws Exception {
        ivr = new IvrHarness(dir);
        ivr.recogniserConfigured = false;
    }

    @AfterAll
    static void stop() {
        ivr.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // offline-success: the 15 s maximum, one millisecond left on the last wait
            "200 result=1 (timeout) endpos=60538     | MAX_LENGTH | 60538",
            // hangups: the maximum with nothing left
            "200 result=0 (timeout) endpos=54938     | MAX_LENGTH | 54938",
            // offline-silence: speech, then 4 s of silence
            "200 result=3916 (timeout) endpos=65658  | SILENCE    | 65658",
            // busy-and-silentid: nothing said, one second of the silence kept
            "200 result=11105 (timeout) endpos=8160  | SILENCE    | 8160",
            // the traces: '#' pressed, and a hang-up
            "200 result=35 (dtmf) endpos=3441        | KEY        | 3441",
            "200 result=-1 (hangup) endpos=5041      | HUNG_UP    | 5041",
            // the recordings folder cannot be written: not a hang-up, the caller is asked again
            "200 result=-1 (writefile)               | NOT_WRITTEN | 0",
            // no audio at all, after exactly the timeout
            "200 result=0 (timeout) endpos=0         | MAX_LENGTH | 0",
    })
    void theEndReasonIsWhatAsteriskReported(String reply, String end, long samples) {
        CallTranscript t = ivr.call("line111").script(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().reply(reply.strip())
                .hangUpWhenPlayed("id-not-heard")
                .onCommand("RECORD FILE").hangUpBefore()
                .build()).run();
        String callId = t.environment().get("agi_uniqueid");
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
        assertThat(ivr.steps(callId)).as(t.format()).contains("id-recorded:" + end + " " + samples + " samples");
    }
}
