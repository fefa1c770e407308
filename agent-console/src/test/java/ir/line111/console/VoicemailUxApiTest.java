package ir.line111.console;

import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.CaseSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 on the workbench API: whether a transcription model exists, durations in the queue, no default close reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoicemailUxApiTest {
    private ConsoleFixture fx;
    private Browser transcriber;

    @BeforeAll
    void start() {
        fx = ConsoleFixture.h2();
        transcriber = fx.signedIn("transcriber");
    }

    @AfterAll
    void stop() { fx.close(); }

    @Test
    void theApiSaysNoTranscriptionModelIsConfiguredAndListsDurations() {
        CaseSummary vm = fx.voicemail();
        var list = transcriber.get("/api/voicemails");
        assertThat(list.json().getBoolean("transcriptionConfigured")).isFalse();
        JsonObject item = list.json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(o -> o.getLong("caseId") == vm.id()).findFirst().orElseThrow();
        assertThat(item.getDouble("durationSeconds")).as("the queue shows how long each message is").isEqualTo(2.0);
        var claimed = transcriber.post("/api/voicemails/claim", null);
        assertThat(claimed.json().getBoolean("transcriptionConfigured")).isFalse();
    }

    @Test
    void closingAsNotAMatterNeedsAReason() {
        fx.voicemail();
        var claimed = transcriber.post("/api/voicemails/claim", null);
        long id = claimed.json().getLong("caseId");
        var none = transcriber.post("/api/voicemails/" + id + "/not-a-matter", new JsonObject());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().getString("field")).isEqualTo("reason");
        var silent = transcriber.post("/api/voicemails/" + id + "/not-a-matter", new JsonObject().put("reason", "SILENCE"));
        assertThat(silent.status()).as(silent.body()).isEqualTo(200);
        var ref = transcriber.get("/api/reference").json().getJsonArray("notAMatterReasons").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("code").equals("SILENCE")).findFirst().orElseThrow();
        assertThat(ref.getString("label")).isEqualTo("پیام خالی/بی\u200cصدا");
    }
}
