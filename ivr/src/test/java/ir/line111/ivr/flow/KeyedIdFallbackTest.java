package ir.line111.ivr.flow;

import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.core.testing.TestNationalIds;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.prompts.PersianSpeech;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ivr.keyed-id-fallback=true: after two failed spoken attempts the caller may key the ID. */
class KeyedIdFallbackTest {
    @TempDir Path dir;

    @Test
    void afterTwoFailedSpokenAttemptsTheIdIsKeyedReadBackAndVerified() throws Exception {
        String id = TestNationalIds.random().digits();
        try (IvrHarness ivr = new IvrHarness(dir, Map.of("ivr.keyed-id-fallback", "true"))) {
            ivr.officeOpen.set(false);
            ivr.recognitions.add(new Recognition.NotUnderstood("a"));
            ivr.recognitions.add(new Recognition.NotUnderstood("b"));
            CallTranscript t = ivr.entry(CallerScript.builder()
                    .onPrompt("main-menu").press("1")
                    .onRecord().say(ivr.speech).times(3)
                    .onPrompt("key-national-id").press(id + "#")
                    .onPrompt("confirm-menu").press("1")
                    .onPrompt("whose-matter").press("1")
                    .onPrompt("message-menu").press("1")
                    .build());
            assertThat(t.promptNames()).containsSubsequence("say-national-id", "id-not-understood", "say-national-id",
                    "id-not-understood", "key-national-id", "you-said");
            assertThat(t.promptNames()).containsSubsequence(PersianSpeech.digits(id));
            String callId = t.environment().get("agi_uniqueid");
            Map<String, Object> c = ivr.casesOfCall(callId).getFirst();
            assertThat(c.get("SUBJECT_NATIONAL_ID")).isEqualTo(id);
            assertThat(c.get("SUBJECT_ID_VERIFIED")).isEqualTo(true);
            // The spoken attempts stay: staff can still hear the voice.
            assertThat(ivr.recordings.adopted(callId)).hasSize(3);
            assertThat(((Number) c.get("SPOKEN_ID_RECORDING_ID")).longValue()).isEqualTo(ivr.recordings.adopted(callId).get(1).id());
        }
    }
}
