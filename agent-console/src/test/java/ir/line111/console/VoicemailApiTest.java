package ir.line111.console;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench: claims that never collide, listening with Range, registering under the caller's code. */
class VoicemailApiTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.console.handlers.RecordingHandlers");

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    @Test
    void twoTranscribersNeverGetTheSameMessage() throws Exception {
        for (int i = 0; i < 12; i++) fx.voicemail();
        Browser a = fx.signedIn("transcriber");
        Browser b = fx.signedIn("transcriber2");
        Set<Long> seen = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 6; round++) {
                List<Callable<Browser.Response>> both = List.of(() -> a.post("/api/voicemails/claim", null), () -> b.post("/api/voicemails/claim", null));
                List<Long> got = new ArrayList<>();
                for (Future<Browser.Response> f : pool.invokeAll(both)) {
                    Browser.Response r = f.get();
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    got.add(r.json().getLong("caseId"));
                }
                assertThat(got.get(0)).isNotEqualTo(got.get(1));
                assertThat(seen.add(got.get(0)) && seen.add(got.get(1))).as("a message handed out twice").isTrue();
                // each finishes its message so the next claim moves on
                for (var pair : List.of(new Object[]{a, got.get(0)}, new Object[]{b, got.get(1)})) {
                    var r = ((Browser) pair[0]).post("/api/voicemails/" + pair[1] + "/not-a-matter", new JsonObject().put("reason", "SILENCE"));
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                }
            }
        }
        // a claimed message cannot be finished by the other transcriber
        CaseSummary vm = fx.voicemail();
        long held;
        do {
            held = a.post("/api/voicemails/claim", null).json().getLong("caseId");
            if (held != vm.id()) a.post("/api/voicemails/" + held + "/not-a-matter", new JsonObject().put("reason", "TEST"));
        } while (held != vm.id());
        assertThat(b.post("/api/voicemails/" + vm.id() + "/not-a-matter", new JsonObject().put("reason", "TEST")).status()).isEqualTo(409);
        assertThat(b.get("/api/voicemails/" + vm.id()).status()).isEqualTo(404);
    }

    @Test
    void aTranscriberListensReadsTheTranscriptAndRegistersUnderTheCallersCode() {
        Browser sup = fx.signedIn("supervisor");
        CaseSummary vm = fx.voicemail();
        Browser tr = fx.signedIn("transcriber");
        JsonObject claimed;
        do {
            claimed = tr.post("/api/voicemails/claim", null).json();
            if (claimed.getLong("caseId") != vm.id()) {
                tr.post("/api/voicemails/" + claimed.getLong("caseId") + "/not-a-matter", new JsonObject().put("reason", "TEST"));
            }
        } while (claimed.getLong("caseId") != vm.id());
        assertThat(claimed.getString("trackingCode")).isEqualTo(vm.trackingCode().digits());
        assertThat(claimed.getJsonObject("subject").getString("nationalId")).hasSize(10);
        assertThat(claimed.getJsonObject("transcript").getString("status")).isEqualTo("DONE");
        assertThat(claimed.getJsonObject("transcript").getJsonArray("words")).hasSize(4);
        assertThat(claimed.getJsonObject("transcript").getJsonArray("words").getJsonObject(1).getDouble("start")).isEqualTo(0.5);

        long msg = claimed.getLong("messageRecordingId");
        var whole = tr.bytes("/api/recordings/" + msg + "/audio", null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.body()).hasSize(44 + 32_000);
        var part = tr.bytes("/api/recordings/" + msg + "/audio", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + (44 + 32_000));
        assertThat(tr.bytes("/api/recordings/" + msg + "/audio", "bytes=99999999-").statusCode()).isEqualTo(416);
        assertThat(tr.bytes("/api/recordings/" + claimed.getLong("spokenIdRecordingId") + "/audio", "bytes=0-").statusCode()).isEqualTo(206);

        String newId = TestNationalIds.random().digits();
        var reg = tr.post("/api/voicemails/" + vm.id() + "/register", new JsonObject().put("kind", "REQUEST").put("summary", "درخواست آب")
                .put("agencyId", fx.agencyId).put("transcript", "سلام آب قطع است")
                .put("subject", new JsonObject().put("nationalId", newId).put("relation", "CHILD").put("fullName", "علی")));
        assertThat(reg.status()).as(reg.body()).isEqualTo(200);
        JsonObject c = reg.json();
        assertThat(c.getString("trackingCode")).isEqualTo(vm.trackingCode().digits());
        assertThat(c.getString("status")).isEqualTo("REGISTERED");
        assertThat(c.getString("kind")).isEqualTo("REQUEST");
        assertThat(c.getJsonObject("subject").getString("nationalId")).isEqualTo(newId);
        assertThat(c.getJsonObject("subject").getBoolean("idVerified")).isTrue();
        assertThat(c.getString("dueAt")).isNotNull();
        assertThat(tr.post("/api/voicemails/" + vm.id() + "/register", new JsonObject()).status()).isEqualTo(409);
        assertThat(sup.get("/api/voicemails/progress").json().getLong("doneToday")).isGreaterThanOrEqualTo(1);
        var audit = sup.get("/api/admin/audit?caseId=" + vm.id()).json().getJsonArray("items");
        assertThat(audit.stream().map(o -> ((JsonObject) o).getString("action"))).contains("CLAIM_VOICEMAIL", "VIEW_NATIONAL_ID", "CHANGE_CASE");
        var plays = sup.get("/api/admin/audit?username=transcriber&limit=1000").json().getJsonArray("items");
        assertThat(plays.stream().map(o -> (JsonObject) o).filter(o -> "PLAY_RECORDING".equals(o.getString("action")))
                .map(o -> o.getLong("recordingId"))).contains(msg);
    }

    @Test
    void aRecordingWhoseFileLiesOutsideTheStoreIsRefused() throws Exception {
        CaseSummary vm = fx.voicemail();
        // the catalogue points a recording of a visible case at a file outside the store, and at one through a link
        long outside = fx.recordings.add(RecordingKind.VOICEMAIL, fx.outside, null);
        Path link = fx.store.resolve("sneaky-" + System.nanoTime() + ".wav");
        Files.createSymbolicLink(link, fx.outside);
        long viaLink = fx.recordings.add(RecordingKind.VOICEMAIL, link, null);
        long traversal = fx.recordings.add(RecordingKind.VOICEMAIL, fx.store.resolve("../" + fx.outside.getFileName()), null);
        Browser sup = fx.signedIn("supervisor");
        for (long rec : List.of(outside, viaLink, traversal)) {
            fx.cases.addMessage(vm.id(), rec, null, "extra", new ir.line111.core.domain.cases.Actor("test"));
            assertThat(sup.get("/api/recordings/" + rec).status()).as("metadata is visible").isEqualTo(200);
            assertThat(sup.bytes("/api/recordings/" + rec + "/audio", null).statusCode()).as("but not the bytes").isEqualTo(404);
        }
        // an unknown id, and an id of a recording that belongs to no case
        assertThat(sup.bytes("/api/recordings/123456/audio", null).statusCode()).isEqualTo(404);
        long orphan = fx.recordings.add(RecordingKind.VOICEMAIL, Files.write(fx.store.resolve("orphan.wav"), ConsoleFixture.wav(10)), null);
        assertThat(sup.bytes("/api/recordings/" + orphan + "/audio", null).statusCode()).isEqualTo(404);
        // a path is never accepted from the client: it is just not a recording id
        assertThat(sup.bytes("/api/recordings/..%2F..%2Fetc%2Fpasswd/audio", null).statusCode()).isEqualTo(404);
        assertThat(sup.bytes("/api/recordings/audio?path=/etc/passwd", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorCannotPlayATranscribersMessageOfAnotherCaseButTheSupervisorCan() {
        CaseSummary live = fx.liveCase();
        long rec = fx.recordings.add(RecordingKind.CONVERSATION, fx.store.resolve("x.wav"), null);
        fx.cases.addMessage(live.id(), rec, null, "conversation", new ir.line111.core.domain.cases.Actor("test"));
        assertThat(fx.signedIn("transcriber").get("/api/recordings/" + rec).status()).isEqualTo(404);
        assertThat(fx.signedIn("supervisor").get("/api/recordings/" + rec).status()).isEqualTo(200);
    }
}
