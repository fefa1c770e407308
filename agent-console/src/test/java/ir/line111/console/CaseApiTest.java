package ir.line111.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering, finding and working a case through the API; who may see what; hostile text. */
class CaseApiTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    static JsonObject newCase(NationalId id, String summary) {
        return newCaseBody(fx.agencyId, id, summary);
    }

    static JsonObject newCaseBody(long agencyId, NationalId id, String summary) {
        return new JsonObject().put("kind", "COMPLAINT").put("agencyId", agencyId).put("summary", summary)
                .put("description", "شرح").put("deadlineClass", "CORRESPONDENCE").put("callerNumber", "09123456789")
                .put("callId", "1700000000.42")
                .put("subject", new JsonObject().put("nationalId", id.persian()).put("idVerified", true).put("relation", "SELF"));
    }

    @Test
    void anOperatorRegistersACaseAndGetsItsTrackingCode() {
        Browser op = fx.signedIn("operator");
        NationalId id = TestNationalIds.random();
        var r = op.post("/api/cases", newCase(id, "قطعی آب"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject c = r.json();
        assertThat(c.getString("trackingCode")).hasSize(9);
        assertThat(c.getString("trackingCodePersian")).matches("[۰-۹]{3}-[۰-۹]{3}-[۰-۹]{3}");
        assertThat(c.getString("status")).isEqualTo("REGISTERED");
        assertThat(c.getJsonObject("subject").getString("nationalId")).isEqualTo(id.digits());
        assertThat(c.getString("registeredBy")).isEqualTo("operator");
        assertThat(c.getJsonArray("timeline")).isNotEmpty();

        var byCode = op.get("/api/cases?trackingCode=" + c.getString("trackingCode")).json().getJsonArray("items");
        assertThat(byCode).hasSize(1);
        JsonObject listed = byCode.getJsonObject(0);
        assertThat(listed.getJsonObject("subject").getString("nationalIdMasked")).isEqualTo(id.masked());
        assertThat(listed.getJsonObject("subject").containsKey("nationalId")).as("lists carry masked IDs only").isFalse();
        assertThat(op.get("/api/cases?nationalId=" + id.digits()).json().getJsonArray("items")).hasSize(1);

        var dup = op.post("/api/cases/duplicate-check", new JsonObject().put("nationalId", id.digits())).json();
        assertThat(dup.getBoolean("duplicate")).isTrue();
        assertThat(dup.getJsonObject("existing").getString("trackingCode")).isEqualTo(c.getString("trackingCode"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Browser op = fx.signedIn("operator");
        var badId = op.post("/api/cases", newCase(TestNationalIds.random(), "x").put("subject", new JsonObject().put("nationalId", "1111111111")));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().getString("field")).isEqualTo("subject.nationalId");
        assertThat(op.post("/api/cases", newCase(TestNationalIds.random(), "x").put("kind", "NONSENSE")).json().getString("field")).isEqualTo("kind");
        var wrongCheck = op.get("/api/cases?trackingCode=123456789");
        assertThat(wrongCheck.status()).isIn(400);
        assertThat(op.get("/api/cases/not-a-number").status()).isEqualTo(404);
        assertThat(op.send("POST", "/api/cases", "{not json", true).status()).isEqualTo(400);
    }

    @Test
    void aTranscriberSeesRecordedMessagesOnlyAndAnAdminNoCases() {
        CaseSummary live = fx.liveCase();
        CaseSummary vm = fx.voicemail();
        Browser tr = fx.signedIn("transcriber");
        assertThat(tr.get("/api/cases/" + live.id()).status()).isEqualTo(404);
        assertThat(tr.get("/api/cases/" + vm.id()).status()).isEqualTo(200);
        assertThat(tr.get("/api/cases?trackingCode=" + live.trackingCode().digits()).json().getJsonArray("items")).isEmpty();
        assertThat(fx.signedIn("admin").get("/api/cases/" + live.id()).status()).isEqualTo(403);
        assertThat(fx.signedIn("operator").get("/api/cases/" + 987654321L).status()).isEqualTo(404);
        var audit = fx.signedIn("supervisor").get("/api/admin/audit?caseId=" + live.id()).json().getJsonArray("items");
        assertThat(audit.stream().map(o -> ((JsonObject) o).getString("action"))).contains("REFUSED");
    }

    @Test
    void aSupervisorWalksACaseThroughReferralAnswerObjectionsAndTheBoard() {
        Browser sup = fx.signedIn("supervisor");
        long id = fx.liveCase().id();
        assertThat(sup.post("/api/cases/" + id + "/refer", new JsonObject().put("agencyId", fx.otherAgencyId).put("note", "فوری")).json()
                .getString("status")).isEqualTo("REFERRED");
        assertThat(sup.post("/api/cases/" + id + "/objection", new JsonObject()).status()).isEqualTo(409);
        JsonObject answered = sup.post("/api/cases/" + id + "/answer", new JsonObject().put("text", "لوله تعمیر شد")).json();
        assertThat(answered.getString("status")).isEqualTo("ANSWERED");
        assertThat(answered.getString("answer")).isEqualTo("لوله تعمیر شد");
        assertThat(answered.getJsonArray("allowedActions").stream().map(String::valueOf)).contains("objection", "close");
        Browser op = fx.signedIn("operator");
        assertThat(op.post("/api/cases/" + id + "/objection", new JsonObject().put("note", "هنوز آب نیست")).json().getString("status"))
                .isEqualTo("OBJECTION_1");
        // the board follows the second objection (seed 001), not the first
        assertThat(sup.post("/api/cases/" + id + "/board", new JsonObject()).status()).isEqualTo(409);
        assertThat(sup.post("/api/cases/" + id + "/answer", new JsonObject().put("text", "پاسخ دوم")).json().getString("status")).isEqualTo("ANSWERED");
        JsonObject board = op.post("/api/cases/" + id + "/objection", new JsonObject().put("note", "باز هم نه")).json();
        assertThat(board.getString("status")).isEqualTo("COMPLAINTS_BOARD");
        JsonObject closed = sup.post("/api/cases/" + id + "/close", new JsonObject().put("note", "رأی هیأت")).json();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("type")).toList())
                .contains("REGISTERED", "REFERRED", "ANSWERED", "OBJECTION", "SENT_TO_BOARD", "CLOSED");
        assertThat(sup.post("/api/cases/" + id + "/refer", new JsonObject().put("agencyId", fx.agencyId)).status()).isEqualTo(409);
    }

    @Test
    void casesDueThisWeekIncludeTheOverdue() {
        long id = fx.liveCase().id();
        fx.clock.advance(java.time.Duration.ofDays(11));
        try {
            JsonArray due = fx.signedIn("supervisor").get("/api/cases/due").json().getJsonArray("items");
            JsonObject mine = due.stream().map(o -> (JsonObject) o).filter(o -> o.getLong("id") == id).findFirst().orElseThrow();
            assertThat(mine.getBoolean("overdue")).isTrue();
        } finally {
            fx.clock.advance(java.time.Duration.ofDays(-11));
        }
    }

    static final List<String> HOSTILE = List.of(
            "'; drop table case_record; --",
            "\" or 1=1 --",
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "Robert'); DELETE FROM app_user; --",
            "${7*7} {{7*7}} ../../etc/passwd");

    @Test
    void sqlAndScriptInjectionInEveryTextFieldIsStoredAndReturnedAsPlainText() {
        Browser op = fx.signedIn("operator");
        Browser sup = fx.signedIn("supervisor");
        Browser admin = fx.signedIn("admin");
        for (String evil : HOSTILE) {
            NationalId id = TestNationalIds.random();
            JsonObject body = newCase(id, evil).put("description", evil).put("callId", evil);
            body.getJsonObject("subject").put("fullName", evil);
            var r = op.post("/api/cases", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.body()).doesNotContain("<script").doesNotContain("<img");
            long caseId = r.json().getLong("id");
            op.post("/api/cases/" + caseId + "/messages", new JsonObject().put("text", evil));
            sup.post("/api/cases/" + caseId + "/refer", new JsonObject().put("agencyId", fx.agencyId).put("note", evil));
            sup.post("/api/cases/" + caseId + "/answer", new JsonObject().put("text", evil));
            JsonObject c = sup.get("/api/cases/" + caseId).json();
            assertThat(c.getString("summary")).isEqualTo(evil);
            assertThat(c.getString("description")).isEqualTo(evil);
            assertThat(c.getString("answer")).isEqualTo(evil);
            assertThat(c.getJsonObject("subject").getString("fullName")).isEqualTo(evil);
            assertThat(c.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("text")).toList())
                    .anyMatch(t -> t != null && t.contains(evil));
            var search = op.get("/api/cases?callerNumber=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(search.status()).isEqualTo(400);
            var kind = op.get("/api/cases?kind=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(kind.status()).isEqualTo(400);
            var agency = admin.post("/api/admin/agencies", new JsonObject().put("name", evil + System.nanoTime()));
            assertThat(agency.status()).isEqualTo(201);
            assertThat(agency.json().getString("name")).startsWith(evil);
            var holiday = admin.post("/api/admin/holidays", new JsonObject().put("jalaliDate", "1405/02/0" + (1 + HOSTILE.indexOf(evil))).put("name", evil));
            assertThat(holiday.json().getString("name")).isEqualTo(evil);
            assertThat(admin.post("/api/admin/holidays", new JsonObject().put("jalaliDate", evil).put("name", "x")).status()).isEqualTo(400);
            assertThat(admin.put("/api/admin/users/operator2", new JsonObject().put("fullName", evil)
                    .put("roles", new JsonArray().add("operator")).put("device", "PJSIP/op2")).json().getString("fullName")).isEqualTo(evil);
        }
        // the tables are all still there and whole
        assertThat(op.get("/api/cases?size=200").json().getJsonArray("items").size()).isGreaterThanOrEqualTo(HOSTILE.size());
        assertThat(fx.browser().signIn("supervisor", ConsoleFixture.PASSWORD).status()).isEqualTo(200);
    }
}
