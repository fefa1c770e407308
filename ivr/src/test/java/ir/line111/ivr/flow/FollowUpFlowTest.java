package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.Damm;
import ir.line111.fakeasterisk.agi.CallEnd;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.prompts.PersianSpeech;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §4 step 9 (follow-up) and the after-queue entry of step 7. */
class FollowUpFlowTest {
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
    }

    static CaseSummary voicemail(String callId) {
        return ivr.cases.registerVoicemail(new VoicemailIntake(callId, "0912", SubjectPerson.self(NationalId.of("0499370899"), true),
                null, null, IvrHarness.NOW));
    }

    /** Answered by {@code agency}, whose IVR prompt is {@code promptKey} (null: none of its own). */
    static long answered(CaseSummary c, String agency, String promptKey) {
        var existing = ivr.query("select id from agency where name = ?", agency);
        long agencyId = existing.isEmpty() ? c.id() + 100000 : ((Number) existing.getFirst().get("ID")).longValue();
        if (existing.isEmpty()) {
            ivr.update("insert into agency (id, name, active, created_at, prompt_key) values (?, ?, true, current_timestamp, ?)",
                    agencyId, agency, promptKey);
        }
        ivr.update("update case_record set status = 'ANSWERED', agency_id = ?, answer = 'done' where id = ?", agencyId, c.id());
        return agencyId;
    }

    static String wrongCheckDigit(String code) {
        char last = code.charAt(8);
        return code.substring(0, 8) + (char) ('0' + (last - '0' + 1) % 10);
    }

    @Test
    void aKnownCodeGivesTheStatusAndTheExpectedDateInJalali() {
        CaseSummary c = voicemail("seed-1");
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(c.trackingCode().digits() + "#")
                .build());
        List<String> expected = new ArrayList<>(List.of("case-status", "status-awaiting-transcription", "expected-answer-date"));
        expected.addAll(PersianSpeech.jalaliDate(c.dueAt()));
        expected.add("goodbye");
        assertThat(t.promptNames()).endsWith(expected.toArray(String[]::new));
        String callId = t.environment().get("agi_uniqueid");
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.FOLLOW_UP_HEARD);
        assertThat(ivr.callRow(callId).caseId()).isEqualTo(c.id());
    }

    @Test
    void aWrongCodeThreeTimesEndsTheCallTellingEachMistakeApart() {
        CaseSummary c = voicemail("seed-2");
        String unknown = "12345678" + Damm.checkDigit("12345678");
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(wrongCheckDigit(c.trackingCode().digits()) + "#")
                .onPrompt("enter-tracking-code").press("1234#")
                .onPrompt("enter-tracking-code").press(unknown + "#")
                .build());
        assertThat(t.promptNames()).containsExactly("welcome", "main-menu", "enter-tracking-code", "code-check-failed",
                "enter-tracking-code", "code-malformed", "enter-tracking-code", "code-not-found", "goodbye");
        String callId = t.environment().get("agi_uniqueid");
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.NO_INPUT);
        assertThat(ivr.steps(callId)).contains("follow-up-code:wrong check digit", "follow-up-code:malformed", "follow-up-code:no such code");
    }

    @Test
    void noCodeKeyedIsNoInput() {
        CallTranscript t = ivr.entry(CallerScript.builder().onPrompt("main-menu").press("2").build());
        assertThat(t.promptNames()).containsExactly("welcome", "main-menu", "enter-tracking-code", "no-input",
                "enter-tracking-code", "no-input", "enter-tracking-code", "no-input", "goodbye");
    }

    @Test
    void anAnsweredCaseNamesTheAgencyAndTakesAnObjection() {
        CaseSummary c = voicemail("seed-3");
        answered(c, "شهرداری", "agency-municipality");
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(c.trackingCode().digits() + "#")
                .onPrompt("answered-menu").press("2")
                .build());
        assertThat(t.promptNames()).endsWith("case-status", "status-answered", "referred-to", "agency-municipality",
                "answered-menu", "objection-registered", "goodbye");
        assertThat(ivr.query("select status from case_record where id = ?", c.id()).getFirst().get("STATUS")).isEqualTo("OBJECTION_1");
        String callId = t.environment().get("agi_uniqueid");
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.OBJECTION_REGISTERED);
        assertThat(ivr.events(c.id())).anySatisfy(e -> assertThat(e.get("CALL_ID")).isEqualTo(callId));
    }

    @Test
    void theAgencyIsSaidByItsPromptKeyNotByItsName() {
        CaseSummary c = voicemail("seed-rename");
        long agency = answered(c, "شرکت آب و فاضلاب " + c.id(), "agency-water");
        ivr.update("update agency set name = ? where id = ?", "آبفای استان " + c.id(), agency);   // renamed in the console
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(c.trackingCode().digits() + "#")
                .build());
        assertThat(t.promptNames()).contains("referred-to", "agency-water").doesNotContain("agency-concerned");

        // A name that happens to be a prompt's text is not a prompt key: only the column decides.
        CaseSummary d = voicemail("seed-name-only");
        ivr.update("insert into agency (id, name, active, created_at) values (?, ?, true, current_timestamp)", d.id() + 200000, "بانک‌ها");
        ivr.update("update case_record set status = 'ANSWERED', agency_id = ?, answer = 'done' where id = ?", d.id() + 200000, d.id());
        CallTranscript u = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(d.trackingCode().digits() + "#")
                .build());
        assertThat(u.promptNames()).contains("referred-to", "agency-concerned").doesNotContain("agency-banks");
    }

    @Test
    void aSecondObjectionGoesToTheComplaintsBoard() {
        CaseSummary c = voicemail("seed-4");
        answered(c, "اداره ناشناخته", null);
        ivr.update("update case_record set objection_count = 1 where id = ?", c.id());
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(c.trackingCode().digits() + "#")
                .onPrompt("answered-menu").press("2")
                .build());
        assertThat(t.promptNames()).contains("agency-concerned").endsWith("objection-board", "goodbye");
        assertThat(ivr.query("select status from case_record where id = ?", c.id()).getFirst().get("STATUS")).isEqualTo("COMPLAINTS_BOARD");
    }

    @Test
    void anAnsweredCaseCanBeTakenToAnOperatorWithTheCaseOnTheScreen() {
        CaseSummary c = voicemail("seed-5");
        answered(c, "شرکت گاز", "agency-gas");
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(c.trackingCode().digits() + "#")
                .onPrompt("answered-menu").press("1")
                .build());
        assertThat(t.promptNames()).contains("agency-gas").endsWith("connecting-operator");
        assertThat(t.variablesSet()).containsEntry(DialplanContract.VAR_DRAFT_CASE, Long.toString(c.id()))
                .containsEntry(DialplanContract.VAR_NEXT, DialplanContract.NEXT_QUEUE);
        assertThat(t.end()).isInstanceOf(CallEnd.ReturnedToDialplan.class);
    }

    @Test
    void anOperatorOutOfHoursIsRefusedPolitely() {
        ivr.officeOpen.set(false);
        CaseSummary c = voicemail("seed-6");
        answered(c, "شرکت گاز", "agency-gas");
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(c.trackingCode().digits() + "#")
                .onPrompt("answered-menu").press("1")
                .build());
        assertThat(t.promptNames()).endsWith("answered-menu", "operator-closed", "goodbye");
    }

    @Test
    void afterTheQueueTheCallerHearsTheOperatorsCodeTwiceAndScoresTheCall() {
        String callId = "1795378999.42";
        CaseSummary c = voicemail(callId); // stands for the case the operator registered during this call
        ivr.callLog.started(callId, "0912", "PJSIP/x", IvrHarness.NOW);
        CallTranscript t = ivr.call(DialplanContract.SCRIPT_AFTER_QUEUE).uniqueId(callId)
                .variable(DialplanContract.VAR_CALL_ID, callId)
                .script(CallerScript.builder().onPrompt("satisfaction-menu").press("4").build())
                .run();
        List<String> expected = new ArrayList<>(List.of("after-queue-code"));
        expected.addAll(PersianSpeech.digits(c.trackingCode().digits()));
        expected.add("code-again");
        expected.addAll(PersianSpeech.digits(c.trackingCode().digits()));
        expected.addAll(List.of("satisfaction-menu", "thanks", "goodbye"));
        assertThat(t.promptNames()).containsExactlyElementsOf(expected);
        IvrHarness.CallRow row = ivr.callRow(callId);
        assertThat(row.satisfaction()).isEqualTo(4);
        assertThat(row.outcome()).isEqualTo(CallOutcome.ANSWERED_BY_OPERATOR);
        assertThat(t.end()).isInstanceOf(CallEnd.ScriptHungUp.class);
    }

    @Test
    void whenNoOperatorTookTheCallTheCallerLeavesAMessageAboutTheSamePerson() {
        String callId = "1795378999.77";
        ivr.callLog.started(callId, "0912", "PJSIP/x", IvrHarness.NOW);
        CallTranscript t = ivr.call(DialplanContract.SCRIPT_AFTER_QUEUE).uniqueId(callId)
                .variable("QUEUESTATUS", "TIMEOUT")
                .variable(DialplanContract.VAR_CALL_ID, callId)
                .variable(DialplanContract.VAR_NATIONAL_ID, "0499370899")
                .variable(DialplanContract.VAR_NATIONAL_ID_VERIFIED, "true")
                .variable(DialplanContract.VAR_SUBJECT_NATIONAL_ID, "0684159414")
                .variable(DialplanContract.VAR_RELATION, "SPOUSE")
                .variable(DialplanContract.VAR_SPOKEN_ID_RECORDING, "4242")
                .script(CallerScript.builder()
                        .onRecord().say(ivr.speech)
                        .onPrompt("message-menu").press("1")
                        .build())
                .run();
        assertThat(t.promptNames()).startsWith("queue-unanswered", "record-message", "message-menu", "message-registered");
        var c = ivr.casesOfCall(callId).getFirst();
        assertThat(c.get("SUBJECT_NATIONAL_ID")).isEqualTo("0684159414");
        assertThat(c.get("SUBJECT_RELATION")).isEqualTo("SPOUSE");
        assertThat(c.get("SUBJECT_ID_VERIFIED")).isEqualTo(true);
        assertThat(((Number) c.get("SPOKEN_ID_RECORDING_ID")).longValue()).isEqualTo(4242L);
        assertThat(((Number) c.get("MESSAGE_RECORDING_ID")).longValue()).isEqualTo(ivr.recordings.adopted(callId).getFirst().id());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        assertThat(ivr.steps(callId)).contains("queue-unanswered:TIMEOUT");
    }

    @Test
    void afterTheQueueWithoutACaseTheScoreIsStillAsked() {
        CallTranscript t = ivr.call(DialplanContract.SCRIPT_AFTER_QUEUE)
                .script(CallerScript.builder().onPrompt("satisfaction-menu").press("9").onPrompt("satisfaction-menu").press("5").build())
                .run();
        assertThat(t.promptNames()).containsExactly("no-case-registered", "satisfaction-menu", "invalid-choice",
                "satisfaction-menu", "thanks", "goodbye");
        assertThat(ivr.callRow(t.environment().get("agi_uniqueid")).satisfaction()).isEqualTo(5);
    }

    @Test
    void theMainMenuRepeatsOnWrongOrMissingKeysAtMostThreeTimes() {
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("7")
                .onPrompt("main-menu").silence()
                .onPrompt("main-menu").press("*")
                .build());
        assertThat(t.promptNames()).containsExactly("welcome", "main-menu", "invalid-choice", "main-menu", "no-input",
                "main-menu", "invalid-choice", "goodbye");
        String callId = t.environment().get("agi_uniqueid");
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.NO_INPUT);
        assertThat(t.end()).isInstanceOf(CallEnd.ScriptHungUp.class);
    }

    @Test
    void aWrongKeyThenARightOneGoesOn() {
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("5")
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press("#").times(3)
                .build());
        assertThat(t.promptNames()).startsWith("welcome", "main-menu", "invalid-choice", "main-menu", "enter-tracking-code");
    }
}
