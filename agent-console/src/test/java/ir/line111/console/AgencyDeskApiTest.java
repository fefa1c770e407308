package ir.line111.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailRegistration;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

/**
 * The agency desk over HTTP against the real console (issue 16): a liaison reaches only its agency's
 * referred cases by every route, sees the national ID only when shared, hears recordings only when shared,
 * answers with checked attachments, asks for a longer deadline and sends a case back.
 */
class AgencyDeskApiTest {

    static final Actor SUP = new Actor("supervisor");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    static ConsoleFixture fx;
    static Browser water, health, sup;

    @BeforeAll
    static void start() {
        fx = ConsoleFixture.h2();
        water = fx.signedIn("liaison");
        health = fx.signedIn("liaison2");
        sup = fx.signedIn("supervisor");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static CaseSummary referredToWater(NationalId id) {
        CaseSummary c = fx.liveCase(id);
        fx.cases.refer(c.id(), fx.agencyId, null, SUP);
        return c;
    }

    /** A voicemail with its message recording, registered and referred to the water company. */
    static CaseSummary voicemailAtWater() {
        CaseSummary vm = fx.voicemail();
        fx.cases.registerTranscribed(vm.id(), new VoicemailRegistration(CaseKind.COMPLAINT, vm.subject(), fx.agencyId, "آب گل‌آلود است",
                null, DeadlineClass.SIMPLE, null), new Actor("transcriber"));
        fx.cases.refer(vm.id(), fx.agencyId, null, SUP);
        return fx.cases.findByTrackingCode(vm.trackingCode()).orElseThrow();
    }

    static HttpResponse<String> upload(Browser b, long caseId, byte[] bytes, String type, String name) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(fx.base() + "/api/agency/cases/" + caseId + "/attachments"))
                    .header("Content-Type", type).header("X-CSRF-Token", b.csrf())
                    .header("X-File-Name", java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            return HttpClient.newBuilder().cookieHandler(b.cookies()).build().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLiaisonReachesNoOtherAgencysCaseByAnyRoute() {
        CaseSummary c = referredToWater(TestNationalIds.random());
        CaseSummary notReferred = fx.liveCase();
        assertThat(water.get("/api/agency/inbox").json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("id")))
                .contains(c.id()).doesNotContain(notReferred.id());
        assertThat(health.get("/api/agency/inbox").json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("id")))
                .doesNotContain(c.id());
        String p = "/api/agency/cases/" + c.id();
        assertSoftly(s -> {
            for (Browser b : List.of(health)) {
                s.assertThat(b.get(p).status()).as("GET case").isEqualTo(404);
                s.assertThat(b.post(p + "/answer", new JsonObject().put("text", "x")).status()).as("answer").isEqualTo(404);
                s.assertThat(b.post(p + "/extension", new JsonObject().put("deadlineClass", "INSPECTION").put("reason", "r")).status()).isEqualTo(404);
                s.assertThat(b.post(p + "/not-ours", new JsonObject().put("reason", "r")).status()).as("not ours").isEqualTo(404);
                s.assertThat(b.post(p + "/complied", new JsonObject()).status()).as("complied").isEqualTo(404);
                s.assertThat(upload(b, c.id(), PDF, "application/pdf", "x.pdf").statusCode()).as("upload").isEqualTo(404);
                s.assertThat(b.get(p + "/attachments/1").status()).as("download").isEqualTo(404);
                s.assertThat(b.get(p + "/recordings/1/audio").status()).as("audio").isEqualTo(404);
            }
            s.assertThat(water.get("/api/agency/cases/" + notReferred.id()).status()).as("registered with the agency, not referred").isEqualTo(404);
            s.assertThat(water.get("/api/agency/cases/999999999").status()).as("none").isEqualTo(404);
            // and none of the staff routes
            s.assertThat(water.get("/api/cases/" + c.id()).status()).isEqualTo(403);
            s.assertThat(water.get("/api/cases?agencyId=" + fx.agencyId).status()).isEqualTo(403);
        });
        assertThat(water.get(p).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit(c.id())).contains("REFUSED", "VIEW_CASE"));
    }

    @Test
    void theNationalIdOnlyWhereTheMatterNeedsItAndRecordingsOnlyWhenShared() {
        CaseSummary vm = voicemailAtWater();
        String p = "/api/agency/cases/" + vm.id();
        JsonObject seen = water.get(p).json();
        assertThat(seen.getJsonObject("subject").containsKey("nationalId")).isFalse();
        assertThat(seen.encode()).doesNotContain(vm.subject().nationalId().digits());
        assertThat(seen.getJsonArray("recordings")).isEmpty();
        long message = fx.cases.detail(vm.id()).orElseThrow().messageRecordingId();
        long spoken = fx.cases.detail(vm.id()).orElseThrow().spokenIdRecordingId();
        assertThat(water.get(p + "/recordings/" + message + "/audio").status()).isEqualTo(404);

        assertThat(sup.put("/api/cases/" + vm.id() + "/sharing", new JsonObject().put("recordingsShared", true)).status()).isEqualTo(200);
        seen = water.get(p).json();
        assertThat(seen.getJsonArray("recordings").stream().map(o -> ((JsonObject) o).getString("kind"))).containsExactly("VOICEMAIL");
        assertThat(water.bytes(p + "/recordings/" + message + "/audio", null).statusCode()).isEqualTo(200);
        assertThat(water.get(p + "/recordings/" + spoken + "/audio").status()).as("the spoken ID says the national ID").isEqualTo(404);
        assertThat(health.get("/api/agency/cases/" + vm.id() + "/recordings/" + message + "/audio").status()).isEqualTo(404);

        sup.put("/api/cases/" + vm.id() + "/sharing", new JsonObject().put("recordingsShared", true).put("nationalIdShared", true));
        seen = water.get(p).json();
        assertThat(seen.getJsonObject("subject").getString("nationalId")).isEqualTo(vm.subject().nationalId().digits());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit(vm.id())).contains("VIEW_NATIONAL_ID", "PLAY_RECORDING"));
        assertThat(fx.cases.timeline(vm.id()).stream().map(e -> e.type().name())).contains("RECORDINGS_SHARED", "NATIONAL_ID_SHARED");
    }

    @Test
    void anAnswerWithACheckedAttachment() {
        CaseSummary c = referredToWater(TestNationalIds.random());
        assertThat(upload(water, c.id(), "MZ\u0090\u0000this is an exe".getBytes(StandardCharsets.ISO_8859_1), "application/pdf", "report.pdf")
                .statusCode()).as("not a PDF inside").isEqualTo(415);
        assertThat(upload(water, c.id(), PDF, "text/html", "x.pdf").statusCode()).isEqualTo(415);
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThat(upload(water, c.id(), big, "application/pdf", "big.pdf").statusCode()).isIn(413);
        HttpResponse<String> ok = upload(water, c.id(), PDF, "application/pdf", "گزارش بازدید.pdf");
        assertThat(ok.statusCode()).isEqualTo(201);
        JsonObject file = new JsonObject(ok.body());
        assertThat(file.getString("fileName")).isEqualTo("گزارش بازدید.pdf");
        assertThat(file.getString("mediaType")).isEqualTo("application/pdf");
        var download = water.bytes("/api/agency/cases/" + c.id() + "/attachments/" + file.getLong("id"), null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);

        JsonObject answered = water.post("/api/agency/cases/" + c.id() + "/answer", new JsonObject().put("text", "لوله تعمیر شد")
                .put("attachmentIds", new JsonArray().add(file.getLong("id")))).json();
        assertThat(answered.getString("status")).isEqualTo("ANSWERED");
        assertThat(answered.getJsonArray("allowedActions")).isEmpty();
        assertThat(fx.cases.detail(c.id()).orElseThrow().timeline().getLast().actor().name()).isEqualTo("liaison");
        assertThat(water.post("/api/agency/cases/" + c.id() + "/answer", new JsonObject().put("text", "again")).status()).isEqualTo(409);
    }

    @Test
    void aLongerDeadlineIsApprovedAndNotOursReturnsToTheSupervisors() {
        CaseSummary c = referredToWater(TestNationalIds.random());
        String p = "/api/agency/cases/" + c.id();
        JsonObject asked = water.post(p + "/extension", new JsonObject().put("deadlineClass", "CORRESPONDENCE_AND_INSPECTION")
                .put("reason", "نیاز به بازدید میدانی و مکاتبه با شهرداری")).json();
        assertThat(asked.getJsonArray("allowedActions")).doesNotContain("extension");
        JsonArray waiting = sup.get("/api/oversight").json().getJsonArray("extensions");
        long id = waiting.stream().map(o -> (JsonObject) o).filter(o -> o.getLong("caseId") == c.id()).findFirst().orElseThrow().getLong("id");
        assertThat(sup.post("/api/extensions/" + id + "/decision", new JsonObject().put("approve", true)).json().getString("decision")).isEqualTo("APPROVED");
        JsonObject after = water.get(p).json();
        assertThat(after.getString("deadlineClass")).isEqualTo("CORRESPONDENCE_AND_INSPECTION");
        assertThat(after.getString("dueAt")).isEqualTo(c.registeredAt().plus(Duration.ofDays(35)).toString());
        assertThat(after.getString("dueJalali")).matches("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}");

        assertThat(water.post(p + "/not-ours", new JsonObject().put("reason", "")).status()).isEqualTo(400);
        assertThat(water.post(p + "/not-ours", new JsonObject().put("reason", "خیابان در محدودهٔ شهرداری است")).status()).isEqualTo(204);
        assertThat(water.get(p).status()).isEqualTo(404);
        assertThat(sup.get("/api/oversight").json().getJsonArray("returned").stream().map(o -> ((JsonObject) o).getLong("id"))).contains(c.id());
        assertThat(fx.cases.timeline(c.id()).stream().map(e -> e.type().name()))
                .containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_APPROVED", "RETURNED_BY_AGENCY");
    }

    @Test
    void urgentCasesComeFirstAndAreReportedForThePresidency() {
        CaseSummary first = referredToWater(TestNationalIds.random());
        CaseSummary second = referredToWater(TestNationalIds.random());
        assertThat(fx.signedIn("operator").post("/api/cases/" + second.id() + "/urgent", new JsonObject().put("reason", "بیمارستان بی‌آب است"))
                .json().getBoolean("urgent")).isTrue();
        List<Long> order = water.get("/api/agency/inbox").json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("id"))
                .filter(i -> i == first.id() || i == second.id()).toList();
        assertThat(order).containsExactly(second.id(), first.id());
        var csv = sup.get("/api/oversight/urgent.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFکد رهگیری,نوع,خلاصه,دلیل فوری بودن,دستگاه اجرایی");
        assertThat(csv.body()).contains(second.trackingCode().digits()).contains("بیمارستان بی‌آب است").doesNotContain(first.trackingCode().digits());
    }

    @Test
    void theDigestGroupsWhatIsDueAndOverduePerAgency() {
        CaseSummary c = referredToWater(TestNationalIds.random());
        CaseSummary late = referredToWater(TestNationalIds.random());
        setDue(late.id(), fx.clock.instant().minus(Duration.ofDays(2)));
        setDue(c.id(), fx.clock.instant().plus(Duration.ofDays(1)));
        JsonArray agencies = sup.get("/api/oversight/digest").json().getJsonArray("agencies");
        JsonObject w = agencies.stream().map(o -> (JsonObject) o).filter(a -> a.getLong("agencyId") == fx.agencyId).findFirst().orElseThrow();
        assertThat(w.getJsonArray("overdue").stream().map(o -> ((JsonObject) o).getLong("id"))).contains(late.id()).doesNotContain(c.id());
        assertThat(w.getJsonArray("due").stream().map(o -> ((JsonObject) o).getLong("id"))).contains(c.id());
        JsonObject lateItem = w.getJsonArray("overdue").stream().map(o -> (JsonObject) o).filter(o -> o.getLong("id") == late.id()).findFirst().orElseThrow();
        assertThat(lateItem.getInteger("daysLeft")).isEqualTo(-2);
        assertThat(lateItem.getString("daysLeftLabel")).isEqualTo("۲ روز گذشته");

        // overdue at the agency: onto the supervisors' list, once
        assertThat(new ir.line111.core.persistence.PersistentCaseOversight(fx.db, fx.clock).escalateOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(new ir.line111.core.persistence.PersistentCaseOversight(fx.db, fx.clock).escalateOverdue()).isZero();
        assertThat(sup.get("/api/oversight").json().getJsonArray("escalated").stream().map(o -> ((JsonObject) o).getLong("id")))
                .contains(late.id()).doesNotContain(c.id());

    }

    @Test
    void theMonthlyReportPerAgencyHasPersianHeaders() {
        CaseSummary c = referredToWater(TestNationalIds.random());
        water.post("/api/agency/cases/" + c.id() + "/answer", new JsonObject().put("text", "انجام شد"));
        JsonObject r = sup.get("/api/oversight/agency-report").json();
        JsonObject w = r.getJsonArray("items").stream().map(o -> (JsonObject) o).filter(o -> o.getLong("agencyId") == fx.agencyId).findFirst().orElseThrow();
        assertThat(w.getInteger("answered")).isGreaterThanOrEqualTo(1);
        assertThat(w.getDouble("onTimePercent")).isEqualTo(100.0);
        assertThat(w.getString("month")).matches("\\p{IsArabic}+ [۰-۹]{4}");
        var csv = sup.get("/api/oversight/agency-report?format=csv");
        assertThat(csv.body()).startsWith("\uFEFFدستگاه اجرایی,ماه,پاسخ‌ها,پاسخ به‌موقع (درصد),میانهٔ روزهای پاسخ").contains("شرکت آب و فاضلاب");
        assertThat(sup.get("/api/oversight/agency-report?from=1405/02/01&to=1405/01/01").status()).isEqualTo(400);
    }

    static void setDue(long caseId, java.time.Instant due) {
        try (var conn = fx.db.dataSource().getConnection(); var ps = conn.prepareStatement("update case_record set due_at = ? where id = ?")) {
            ps.setObject(1, due.atOffset(java.time.ZoneOffset.UTC));
            ps.setLong(2, caseId);
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> audit(long caseId) {
        return sup.get("/api/admin/audit?caseId=" + caseId + "&limit=200").json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("action")).toList();
    }

    static Stream<String> ids(JsonArray a) {
        return a.stream().map(o -> String.valueOf(((JsonObject) o).getLong("id")));
    }
}
