package ir.line111.console;

import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Only audio of the case or its calls can be attached; every listening is audited once, whatever the ranges. */
class RecordingAccessTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    static CaseSummary caseFromCall(String callId) {
        return fx.cases.register(new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(TestNationalIds.random(), true),
                fx.agencyId, "خلاصه", null, DeadlineClass.SIMPLE, "09120000000", callId, new Actor("operator")));
    }

    static long recording(String callId, Long caseId) throws IOException {
        Path f = Files.write(fx.store.resolve("r-" + System.nanoTime() + ".wav"), ConsoleFixture.wav(16_000));
        return fx.recordings.add(RecordingKind.CONVERSATION, f, null, callId, caseId);
    }

    static JsonObject message(long recordingId) {
        return new JsonObject().put("text", "پیام").put("recordingId", recordingId);
    }

    @Test
    void onlyAudioOfTheCaseOrItsCallsCanBeAttached() throws IOException {
        String call = "1790000000." + System.nanoTime() % 1000;
        long caseId = caseFromCall(call).id();
        long other = caseFromCall("1790000001.1").id();
        Browser op = fx.signedIn("operator");
        Browser sup = fx.signedIn("supervisor");

        long orphan = recording("1790000099.9", null);
        var r = op.post("/api/cases/" + caseId + "/messages", message(orphan));
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().getString("field")).isEqualTo("recordingId");
        assertThat(op.get("/api/recordings/" + orphan).status()).as("the orphan stays out of reach").isEqualTo(404);

        assertThat(op.post("/api/cases/" + caseId + "/messages", message(987_654_321L)).status()).as("no such recording").isEqualTo(404);
        long ofOther = recording("1790000001.1", other);
        assertThat(op.post("/api/cases/" + caseId + "/messages", message(ofOther)).status()).as("another case's audio").isEqualTo(404);
        assertThat(sup.post("/api/cases/" + caseId + "/answer", new JsonObject().put("text", "پاسخ").put("recordingId", ofOther)).status())
                .isEqualTo(404);

        long sameCall = recording(call, null);
        assertThat(op.post("/api/cases/" + caseId + "/messages", message(sameCall)).status()).as("audio of the case's own call").isEqualTo(200);
        assertThat(op.get("/api/recordings/" + sameCall).status()).isEqualTo(200);
        long ownCase = recording("elsewhere", caseId);
        assertThat(sup.post("/api/cases/" + caseId + "/answer", new JsonObject().put("text", "پاسخ").put("recordingId", ownCase)).status())
                .isEqualTo(200);
    }

    @Test
    void everyListeningIsAuditedOnceWhateverTheRanges() throws IOException {
        String call = "1790000002." + System.nanoTime() % 1000;
        long caseId = caseFromCall(call).id();
        long rec = recording(call, caseId);
        Browser sup = fx.signedIn("supervisor");
        String audio = "/api/recordings/" + rec + "/audio";
        assertThat(sup.bytes(audio, "bytes=44-").statusCode()).isEqualTo(206);
        assertThat(sup.bytes(audio, "bytes=1-").statusCode()).isEqualTo(206);
        assertThat(sup.bytes(audio, "bytes=-94283").statusCode()).isEqualTo(206);
        assertThat(sup.bytes(audio, null).statusCode()).isEqualTo(200);
        assertThat(plays(sup, caseId, rec)).as("one listening, four requests").isEqualTo(1);

        fx.clock.advance(LISTENING_PAUSE.plusSeconds(1));
        assertThat(sup.bytes(audio, "bytes=500-").statusCode()).isEqualTo(206);
        assertThat(plays(sup, caseId, rec)).as("listened to again later").isEqualTo(2);

        Browser other = fx.signedIn("supervisor");
        assertThat(other.bytes(audio, "bytes=0-10").statusCode()).isEqualTo(206);
        assertThat(plays(sup, caseId, rec)).as("another session's listening").isEqualTo(3);
        assertThat(other.bytes(audio, "bytes=99999999-").statusCode()).isEqualTo(416);
        assertThat(plays(sup, caseId, rec)).isEqualTo(3);
    }

    /** The pause after which the console counts a new listening (Listenings.PAUSE). */
    static final Duration LISTENING_PAUSE = Duration.ofMinutes(5);

    static long plays(Browser sup, long caseId, long rec) {
        return sup.get("/api/admin/audit?caseId=" + caseId + "&limit=200").json().getJsonArray("items").stream()
                .map(o -> (JsonObject) o)
                .filter(o -> "PLAY_RECORDING".equals(o.getString("action")) && Long.valueOf(rec).equals(o.getLong("recordingId")))
                .count();
    }
}
