package ir.line111.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.testing.TestDatabases;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a live call leaves in the recordings tables (issue 13.1): the conversation the store attached
 * to the case ({@code recording.case_id} only), and the caller's spoken ID, which the case the operator
 * registers from the screen-pop takes. Both must be listed on the case page and playable.
 */
class LiveCallRecordingsTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture(TestDatabases.h2(), false, RecordingTablesTest::createTables);
    }

    @AfterAll
    static void stop() { fx.close(); }

    static long insert(String kind, String callId, Long caseId) throws Exception {
        String relative = "live/" + kind.toLowerCase() + "-" + System.nanoTime() + ".wav";
        byte[] bytes = ConsoleFixture.wav(8_000);
        Files.createDirectories(fx.store.resolve(relative).getParent());
        Files.write(fx.store.resolve(relative), bytes);
        try (Connection c = fx.db.dataSource().getConnection(); var ps = c.prepareStatement(
                "insert into recording (call_id, kind, path, duration_samples, sample_rate, size_bytes, case_id, recorded_at, adopted_at) "
                        + "values (?, ?, ?, ?, 8000, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, callId);
            ps.setString(2, kind);
            ps.setString(3, relative);
            ps.setLong(4, (bytes.length - 44) / 2);
            ps.setLong(5, bytes.length);
            ps.setObject(6, caseId);
            ps.setObject(7, OffsetDateTime.now());
            ps.setObject(8, OffsetDateTime.now());
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void pendingJob(long recordingId) throws Exception {
        try (Connection c = fx.db.dataSource().getConnection(); var ps = c.prepareStatement(
                "insert into transcription_job (recording_id, state, attempts, not_before, created_at) values (?, 'PENDING', 0, ?, ?)")) {
            ps.setLong(1, recordingId);
            ps.setObject(2, OffsetDateTime.now());
            ps.setObject(3, OffsetDateTime.now());
            ps.executeUpdate();
        }
    }

    static List<JsonObject> recordings(JsonObject detail) {
        return detail.getJsonArray("recordings").stream().map(o -> (JsonObject) o).toList();
    }

    @Test
    void theConversationTheStoreAttachedIsListedAndPlayable() throws Exception {
        String call = "1764590000." + System.nanoTime() % 1000;
        long caseId = fx.cases.register(new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(TestNationalIds.random(), true),
                fx.agencyId, "خلاصه", null, DeadlineClass.SIMPLE, "09120000000", call, new Actor("operator"))).id();
        long conversation = insert("CONVERSATION", call, caseId); // what AudioStore.attachToCase leaves
        pendingJob(conversation);

        for (String who : new String[]{"operator", "supervisor"}) {
            Browser b = fx.signedIn(who);
            JsonObject detail = b.get("/api/cases/" + caseId).json();
            assertThat(recordings(detail)).as(who + ": the case lists its conversation")
                    .anySatisfy(r -> {
                        assertThat(r.getLong("id")).isEqualTo(conversation);
                        assertThat(r.getString("kind")).isEqualTo("CONVERSATION");
                        assertThat(r.getBoolean("hasTranscript")).as("a PENDING job is no transcript").isFalse();
                    });
            var meta = b.get("/api/recordings/" + conversation);
            assertThat(meta.status()).as(meta.body()).isEqualTo(200);
            assertThat(meta.json().getBoolean("hasTranscript")).isFalse();
            assertThat(b.bytes("/api/recordings/" + conversation + "/audio", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theCaseRegisteredFromAScreenPopTakesTheCallersSpokenIdAndConversation() throws Exception {
        String call = "1764590001." + System.nanoTime() % 1000;
        long spoken = insert("SPOKEN_ID", call, null);
        long conversation = insert("CONVERSATION", call, null); // the call ended before the operator saved the case
        long voicemailOfCall = insert("VOICEMAIL", call, null);
        Browser op = fx.signedIn("operator");
        Browser other = fx.signedIn("operator2");
        Browser.Socket s = op.websocket(fx.origin());
        assertThat(s.next("hello", 5)).isNotNull();
        fx.vertx.eventBus().publish(EventAddresses.SCREEN_POP, ir.line111.console.support.Events.pop(call, "PJSIP/op1", null,
                "09121234567", ir.line111.core.domain.identity.NationalId.of("0499370899"), true, spoken, java.util.List.of()));
        assertThat(s.next("screen-pop", 5)).isNotNull();

        JsonObject body = new JsonObject().put("kind", "COMPLAINT").put("summary", "آب قطع است").put("callId", call)
                .put("callerNumber", "09121234567").put("spokenIdRecordingId", spoken)
                .put("subject", new JsonObject().put("nationalId", "0499370899").put("idVerified", true));
        var refused = other.post("/api/cases", body);
        assertThat(refused.status()).as("a clip not popped to this operator: " + refused.body()).isEqualTo(404);
        assertThat(refused.json().getString("field")).isEqualTo("spokenIdRecordingId");

        var created = op.post("/api/cases", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long caseId = created.json().getLong("id");
        assertThat(recordings(created.json())).extracting(r -> r.getLong("id") + ":" + r.getString("kind"))
                .containsExactlyInAnyOrder(spoken + ":SPOKEN_ID", conversation + ":CONVERSATION");

        Browser sup = fx.signedIn("supervisor");
        assertThat(recordings(sup.get("/api/cases/" + caseId).json())).hasSize(2);
        for (long id : new long[]{spoken, conversation}) {
            assertThat(sup.get("/api/recordings/" + id).status()).isEqualTo(200);
            assertThat(sup.bytes("/api/recordings/" + id + "/audio", null).statusCode()).isEqualTo(200);
        }
        assertThat(sup.get("/api/recordings/" + voicemailOfCall).status()).as("a message makes its own case").isEqualTo(404);
    }
}
