package ir.line111.ivr.flow;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.testing.TestNationalIds;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.fakeasterisk.agi.CallEnd;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.prompts.PersianSpeech;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §4 steps 1–5 and 8 through the real FastAGI server, the fake Asterisk and an H2 registry. */
class MessageFlowTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.ivr.flow");
    static final String VALID_ID = TestNationalIds.random().digits();
    static final String OTHER_ID = TestNationalIds.random().digits();

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
    }

    static String callId(CallTranscript t) {
        return t.environment().get("agi_uniqueid");
    }

    static List<String> codePrompts(String intro, String code) {
        List<String> p = new ArrayList<>(List.of(intro));
        p.addAll(PersianSpeech.digits(code));
        p.add("code-again");
        p.addAll(PersianSpeech.digits(code));
        return p;
    }

    @Test
    void withoutRecogniserTheSpokenIdIsKeptUnverifiedAndTheMessageGetsACodeAtOnce() throws Exception {
        ivr.recogniserConfigured = false;
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech).press("#")
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build());
        String callId = callId(t);

        List<Map<String, Object>> registered = ivr.casesOfCall(callId);
        assertThat(registered).hasSize(1);
        Map<String, Object> c = registered.getFirst();
        String code = (String) c.get("TRACKING_CODE");
        List<String> expected = new ArrayList<>(List.of("welcome", "main-menu", "say-national-id", "id-unverified",
                "whose-matter", "office-closed", "record-message", "message-menu", "message-registered"));
        expected.addAll(codePrompts("your-code-is", code));
        expected.addAll(List.of("hear-again-menu", "goodbye"));
        assertThat(t.promptNames()).containsExactlyElementsOf(expected);
        assertThat(t.end()).isInstanceOf(CallEnd.ScriptHungUp.class);
        assertThat(t.variable("LINE111_NEXT")).contains("HANGUP");

        var adopted = ivr.recordings.adopted(callId);
        assertThat(adopted).hasSize(2);
        assertThat(t.recordings()).hasSize(2);
        assertThat(adopted).allSatisfy(r -> {
            assertThat(Files.size(r.file())).isGreaterThan(44);
            assertThat(r.flagged()).isNull();
        });
        assertThat(c.get("CHANNEL")).isEqualTo("PHONE_MESSAGE");
        assertThat(c.get("STATUS")).isEqualTo("AWAITING_TRANSCRIPTION");
        assertThat(c.get("SUBJECT_NATIONAL_ID")).isNull();
        assertThat(c.get("SUBJECT_ID_VERIFIED")).isEqualTo(false);
        assertThat(c.get("SUBJECT_RELATION")).isEqualTo("SELF");
        assertThat(c.get("CALLER_NUMBER")).isEqualTo("09121234567");
        assertThat(((Number) c.get("SPOKEN_ID_RECORDING_ID")).longValue()).isEqualTo(adopted.get(0).id());
        assertThat(((Number) c.get("MESSAGE_RECORDING_ID")).longValue()).isEqualTo(adopted.get(1).id());

        IvrHarness.CallRow call = ivr.callRow(callId);
        assertThat(call.outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        assertThat(call.caseId()).isEqualTo(((Number) c.get("ID")).longValue());
        assertThat(call.ended()).isTrue();
        assertThat(ivr.steps(callId)).contains("main-menu:pressed 1", "office-closed", "message-review:pressed 1");
    }

    @Test
    void aRecognisedIdIsReadBackDigitByDigitAndConfirmed() {
        ivr.recognitions.add(IvrHarness.recognised(VALID_ID));
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("confirm-menu").press("1")
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .build());
        List<String> readBack = new ArrayList<>(List.of("say-national-id", "you-said"));
        readBack.addAll(PersianSpeech.digits(VALID_ID));
        readBack.add("confirm-menu");
        readBack.add("whose-matter");
        assertThat(t.promptNames()).containsSubsequence(readBack);
        Map<String, Object> c = ivr.casesOfCall(callId(t)).getFirst();
        assertThat(c.get("SUBJECT_NATIONAL_ID")).isEqualTo(VALID_ID);
        assertThat(c.get("SUBJECT_ID_VERIFIED")).isEqualTo(true);
        // No key at "hear again": the code is read twice once, then goodbye.
        assertThat(t.promptNames()).endsWith("hear-again-menu", "goodbye");
    }

    @Test
    void threeFailedAttemptsGoOnUnverifiedWithTheLastRecordingKept() {
        ivr.recognitions.add(new Recognition.NotUnderstood("noise"));
        ivr.recognitions.add(IvrHarness.recognised("0684159415")); // fails the checksum
        ivr.recognitions.add(IvrHarness.recognised(VALID_ID));      // caller says it is wrong
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(3)
                .onPrompt("confirm-menu").press("2")
                .onPrompt("whose-matter").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).containsSubsequence("say-national-id", "id-not-understood", "say-national-id",
                "id-not-valid", "say-national-id", "you-said", "confirm-menu", "id-unverified", "whose-matter");
        String callId = callId(t);
        var adopted = ivr.recordings.adopted(callId);
        assertThat(adopted).hasSize(4);
        Map<String, Object> c = ivr.casesOfCall(callId).getFirst();
        assertThat(c.get("SUBJECT_NATIONAL_ID")).isNull();
        assertThat(c.get("SUBJECT_ID_VERIFIED")).isEqualTo(false);
        assertThat(((Number) c.get("SPOKEN_ID_RECORDING_ID")).longValue()).isEqualTo(adopted.get(2).id());
    }

    @Test
    void anotherPersonsMatterRegistersThatPersonWithTheRelation() {
        ivr.recognitions.add(IvrHarness.recognised(VALID_ID));
        ivr.recognitions.add(IvrHarness.recognised(OTHER_ID));
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(2)
                .onPrompt("confirm-menu").press("1").times(2)
                .onPrompt("whose-matter").press("2")
                .onPrompt("relation-menu").press("2")
                .onRecord().say(ivr.speech)
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).containsSubsequence("whose-matter", "relation-menu", "say-subject-national-id", "you-said");
        Map<String, Object> c = ivr.casesOfCall(callId(t)).getFirst();
        assertThat(c.get("SUBJECT_NATIONAL_ID")).isEqualTo(OTHER_ID);
        assertThat(c.get("SUBJECT_RELATION")).isEqualTo(Relation.CHILD.name());
        assertThat(c.get("SUBJECT_ID_VERIFIED")).isEqualTo(true);
    }

    @Test
    void aLikelyDuplicateIsToldAndTheMessageCanBeAddedToIt() {
        String subject = TestNationalIds.random().digits();
        ivr.recognitions.add(IvrHarness.recognised(subject));
        CallTranscript first = ivr.entry(messageCallerConfirming());
        Map<String, Object> original = ivr.casesOfCall(callId(first)).getFirst();
        long caseId = ((Number) original.get("ID")).longValue();

        ivr.recognitions.add(IvrHarness.recognised(subject));
        CallTranscript second = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(2)
                .onPrompt("confirm-menu").press("1")
                .onPrompt("whose-matter").press("1")
                .onPrompt("duplicate-menu").press("1")
                .onPrompt("message-menu").press("1")
                .build());
        List<String> told = new ArrayList<>(List.of("duplicate-found"));
        told.addAll(PersianSpeech.digits((String) original.get("TRACKING_CODE")));
        told.add("duplicate-menu");
        assertThat(second.promptNames()).containsSubsequence(told);
        assertThat(second.promptNames()).endsWith("message-added", "goodbye");
        assertThat(ivr.casesOfCall(callId(second))).isEmpty();
        var events = ivr.events(caseId);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("CALL_ID")).isEqualTo(callId(second));
            assertThat(((Number) e.get("RECORDING_ID")).longValue()).isEqualTo(ivr.recordings.adopted(callId(second)).getLast().id());
        });
        assertThat(ivr.callRow(callId(second)).caseId()).isEqualTo(caseId);
        assertThat(ivr.callRow(callId(second)).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
    }

    @Test
    void aDuplicateCanBeSetAsideForANewMatter() {
        String subject = TestNationalIds.random().digits();
        ivr.recognitions.add(IvrHarness.recognised(subject));
        ivr.entry(messageCallerConfirming());
        ivr.recognitions.add(IvrHarness.recognised(subject));
        CallTranscript second = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(2)
                .onPrompt("confirm-menu").press("1")
                .onPrompt("whose-matter").press("1")
                .onPrompt("duplicate-menu").press("2")
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(second.promptNames()).containsSubsequence("duplicate-menu", "office-closed", "record-message", "message-registered");
        Map<String, Object> c = ivr.casesOfCall(callId(second)).getFirst();
        assertThat(c.get("SUBJECT_NATIONAL_ID")).isEqualTo(subject);
        assertThat(c.get("DUPLICATE_OF")).isNotNull();
    }

    @Test
    void theMessageCanBeRecordedAgainAndTheCodeHeardAgain() {
        ivr.recogniserConfigured = false;
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(3)
                .onPrompt("whose-matter").press("1")
                .onPrompt("message-menu").press("2")
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build());
        String callId = callId(t);
        var adopted = ivr.recordings.adopted(callId);
        assertThat(adopted).hasSize(3);
        Map<String, Object> c = ivr.casesOfCall(callId).getFirst();
        assertThat(((Number) c.get("MESSAGE_RECORDING_ID")).longValue()).isEqualTo(adopted.get(2).id());
        assertThat(t.promptNames().stream().filter("your-code-is"::equals)).hasSize(2);
        assertThat(t.promptNames().stream().filter("record-message"::equals)).hasSize(2);
    }

    @Test
    void theKeyedFallbackIsOffByDefault() {
        ivr.recognitions.add(new Recognition.NotUnderstood("a"));
        ivr.recognitions.add(new Recognition.NotUnderstood("b"));
        ivr.recognitions.add(new Recognition.NotUnderstood("c"));
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(4)
                .onPrompt("whose-matter").press("1")
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).doesNotContain("key-national-id");
        assertThat(t.promptNames().stream().filter("say-national-id"::equals)).hasSize(3);
    }

    @Test
    void silenceInsteadOfAMessageIsStillRegisteredWithTheSpokenId() {
        ivr.recogniserConfigured = false;
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech)
                .onPrompt("whose-matter").press("1")
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).containsSubsequence("record-message", "message-empty", "message-menu", "message-registered");
        Map<String, Object> c = ivr.casesOfCall(callId(t)).getFirst();
        assertThat(c.get("MESSAGE_RECORDING_ID")).isNull();
        assertThat(c.get("SPOKEN_ID_RECORDING_ID")).isNotNull();
    }

    @Test
    void aDatabaseDownAtRegistrationApologisesAndRegistersTheMessageOnTheWayOut() {
        ivr.recogniserConfigured = false;
        ivr.voicemailFailures.set(1);
        CallTranscript t = ivr.entry(CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(2)
                .onPrompt("whose-matter").press("1")
                .onPrompt("message-menu").press("1")
                .build());
        assertThat(t.promptNames()).endsWith("message-menu", "technical-problem");
        String callId = callId(t);
        Map<String, Object> c = ivr.casesOfCall(callId).getFirst();
        assertThat(((Number) c.get("MESSAGE_RECORDING_ID")).longValue()).isEqualTo(ivr.recordings.adopted(callId).get(1).id());
        assertThat(ivr.callRow(callId).outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
    }

    static CallerScript messageCallerConfirming() {
        return CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(ivr.speech).times(2)
                .onPrompt("confirm-menu").press("1")
                .onPrompt("whose-matter").press("1")
                .onPrompt("message-menu").press("1")
                .build();
    }
}
