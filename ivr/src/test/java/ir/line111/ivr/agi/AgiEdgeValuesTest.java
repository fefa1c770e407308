package ir.line111.ivr.agi;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long or odd values from Asterisk never cost a registration (issue 11 point 5). */
class AgiEdgeValuesTest {
    @TempDir static Path dir;
    static IvrHarness ivr;

    @BeforeAll
    static void start() throws Exception {
        ivr = new IvrHarness(dir);
        ivr.officeOpen.set(false);
        ivr.recogniserConfigured = false;
    }

    @AfterAll
    static void stop() {
        ivr.close();
    }

    static CallerScript leavesAMessage() {
        return CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build();
    }

    @ParameterizedTest(name = "caller id of {0} chars, uniqueid of {1}")
    @CsvSource({"41, 20", "120, 20", "15, 65", "15, 130", "300, 300"})
    void aLongCallerIdOrUniqueIdStillGetsTheMessageRegistered(int callerLength, int uniqueLength) {
        String caller = "09" + "1".repeat(callerLength - 2);
        String base = "1796296438." + callerLength + "0";
        String unique = base + "7".repeat(uniqueLength - base.length());
        CallTranscript t = ivr.call("line111").callerId(caller).uniqueId(unique).script(leavesAMessage()).run();
        assertThat(t.promptNames()).as(t.format()).contains("message-registered", "your-code-is").doesNotContain("technical-problem");
        String callId = AgiValues.callId(unique);
        assertThat(callId.length()).isLessThanOrEqualTo(64);
        await().atMost(Duration.ofSeconds(10)).until(() -> ivr.callRow(callId) != null && ivr.callRow(callId).ended());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        List<Map<String, Object>> cases = ivr.casesOfCall(callId);
        assertThat(cases).hasSize(1);
        // Longer than the column, it cannot be a telephone number: the message is kept as from an unknown number.
        assertThat((String) cases.getFirst().get("CALLER_NUMBER")).isEqualTo(caller.length() <= 40 ? caller : null);
    }

    @Test
    void callIdsAreBoundedStableAndNeverMerged() {
        assertThat(AgiValues.callId("1796296438.12")).isEqualTo("1796296438.12");
        assertThat(AgiValues.callId(" pbx1-1796296438.12 ")).isEqualTo("pbx1-1796296438.12");
        assertThat(AgiValues.callId("  ")).isNull();
        String longer = "1796296438." + "9".repeat(100);
        assertThat(AgiValues.callId(longer)).hasSizeLessThanOrEqualTo(64).isEqualTo(AgiValues.callId(longer));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) ids.add(AgiValues.callId(longer + i));
        assertThat(ids).hasSize(1000);
        assertThat(AgiValues.callId("a b")).isNotEqualTo(AgiValues.callId("a_b")).matches("[A-Za-z0-9._-]+");
        assertThat(AgiValues.callId("1796296438.1\u0000;DROP")).matches("[A-Za-z0-9._-]{1,64}");
    }

    @Test
    void callerNumbersAndChannelsAreBoundedWithoutControlCharacters() {
        assertThat(AgiValues.callerNumber("0912\r\n1234567")).isEqualTo("09121234567");
        assertThat(AgiValues.callerNumber("9".repeat(40))).hasSize(40);
        assertThat(AgiValues.callerNumber("9".repeat(41))).as("cannot be a number: unknown, not a cut one").isNull();
        assertThat(AgiValues.callerNumber(" ")).isNull();
        assertThat(AgiValues.channel("PJSIP/" + "x".repeat(500))).hasSize(200);
    }
}
