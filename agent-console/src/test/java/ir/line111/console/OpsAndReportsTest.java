package ir.line111.console;

import io.vertx.core.json.JsonObject;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.calls.CallOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics, the contract document, reports as JSON and CSV, admin data entered per Jalali date. */
class OpsAndReportsTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    @Test
    void healthReportsTheDatabaseAndThePluggedChecks() {
        Browser b = fx.browser();
        assertThat(b.get("/health/live").status()).isEqualTo(200);
        var h = b.get("/health");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().getJsonObject("checks").getJsonObject("database").getString("status")).isEqualTo("UP");
        assertThat(h.json().getJsonObject("checks").getJsonObject("ami").getString("status")).isEqualTo("DISABLED");
        fx.ami.set(HealthCheck.Status.down("connection refused"));
        var degraded = b.get("/health");
        assertThat(degraded.status()).as("AMI is not required for readiness").isEqualTo(200);
        assertThat(degraded.json().getJsonObject("checks").getJsonObject("ami").getString("detail")).isEqualTo("connection refused");
        fx.ami.set(HealthCheck.Status.disabled("no AMI in tests"));
    }

    @Test
    void metricsAreInPrometheusFormatWithApiLatency() {
        Browser b = fx.signedIn("supervisor");
        b.get("/api/cases?size=1");
        var m = fx.browser().get("/metrics");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body()).contains("console_api_requests_seconds_bucket").contains("route=\"/api/cases\"")
                .contains("line111_queue_callers_waiting").contains("line111_calls_abandoned_total");
    }

    @Test
    void theContractIsServedAndUnknownApiPathsAre404() {
        var doc = fx.browser().get("/openapi.yaml");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body()).contains("openapi: 3.1.0").contains("/api/cases");
        assertThat(fx.signedIn("admin").get("/api/nothing-here").status()).isEqualTo(404);
        assertThat(doc.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(doc.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    }

    @Test
    void theUiAndItsWebJarsAreServedFromTheClasspath() {
        var index = fx.browser().get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("dir=\"rtl\"");
        var chart = fx.browser().get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(fx.browser().get("/webjars/").status()).isIn(403, 404);
        assertThat(fx.browser().get("/webjars/../../../../etc/passwd").status()).isIn(400, 403, 404);
    }

    @Test
    void everyReportRunsAsJsonAndCsv() throws Exception {
        fx.liveCase();
        try (var c = fx.db.dataSource().getConnection(); var st = c.prepareStatement(
                "insert into call_record (id, call_id, caller_number, started_at, outcome) values (?, ?, ?, ?, ?)")) {
            int i = 0;
            for (CallOutcome o : new CallOutcome[]{CallOutcome.ANSWERED_BY_OPERATOR, CallOutcome.ABANDONED_IN_QUEUE, CallOutcome.MESSAGE_LEFT}) {
                st.setLong(1, 10_000 + i);
                st.setString(2, "r-" + i++);
                st.setString(3, "0912");
                st.setObject(4, java.time.OffsetDateTime.now());
                st.setString(5, o.name());
                st.executeUpdate();
            }
        }
        Browser sup = fx.signedIn("supervisor");
        var list = sup.get("/api/reports").json().getJsonArray("reports");
        assertThat(list).hasSize(10);
        String today = LocalDate.now(ZoneId.of("Asia/Tehran")).toString();
        for (Object o : list) {
            String name = ((JsonObject) o).getString("code");
            var r = sup.get("/api/reports/" + name + "?from=" + today + "&to=" + today);
            assertThat(r.status()).as(name + " " + r.body()).isEqualTo(200);
            assertThat(r.json().getJsonArray("columns")).as(name).isNotEmpty();
            var csv = sup.get("/api/reports/" + name + "?format=csv&from=" + today + "&to=" + today);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            assertThat(csv.body()).startsWith("\uFEFF");
        }
        // codes for machines beside Persian for people, in JSON and in the CSV (Persian headers, a code column)
        JsonObject outcomes = sup.get("/api/reports/call-outcomes?from=" + today + "&to=" + today).json();
        assertThat(outcomes.getJsonArray("columns").stream().map(x -> ((JsonObject) x).getString("key"))).containsExactly("outcome", "label", "calls");
        assertThat(outcomes.getJsonArray("rows").stream().map(x -> (JsonObject) x).filter(x -> "MESSAGE_LEFT".equals(x.getString("outcome")))
                .findFirst().orElseThrow().getString("label")).isEqualTo("پیام ضبط‌شده");
        String kindsCsv = sup.get("/api/reports/cases-by-kind?format=csv&from=" + today + "&to=" + today).body();
        assertThat(kindsCsv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFکد نوع,عنوان,پرونده‌ها");
        assertThat(kindsCsv).contains("\r\nCOMPLAINT,شکایت,");
        for (Object o : list) {
            String name = ((JsonObject) o).getString("code");
            String header = sup.get("/api/reports/" + name + "?format=csv&from=" + today + "&to=" + today).body().lines().findFirst().orElseThrow();
            assertThat(header).as(name).doesNotContainPattern("[A-Za-z]");
        }
        JsonObject byDay = sup.get("/api/reports/calls-by-day?from=" + today + "&to=" + today).json();
        JsonObject row = byDay.getJsonArray("rows").getJsonObject(0);
        assertThat(row.getLong("calls")).isEqualTo(3);
        assertThat(row.getLong("answered")).isEqualTo(1);
        assertThat(row.getLong("abandoned")).isEqualTo(1);
        assertThat(row.getLong("diverted")).isEqualTo(1);
        JsonObject kinds = sup.get("/api/reports/cases-by-kind?from=" + today + "&to=" + today).json();
        assertThat(kinds.getJsonArray("rows").stream().map(x -> (JsonObject) x).filter(x -> "COMPLAINT".equals(x.getString("kind")))
                .findFirst().orElseThrow().getLong("cases")).isGreaterThanOrEqualTo(1);
        // a Jalali range works too, and a nonsense one is refused
        assertThat(sup.get("/api/reports/calls-by-day?from=1405/01/01&to=1405/01/07").status()).isEqualTo(200);
        assertThat(sup.get("/api/reports/calls-by-day?from=yesterday").status()).isEqualTo(400);
        assertThat(sup.get("/api/reports/no-such-report").status()).isEqualTo(404);
        assertThat(Instant.now()).isNotNull();
    }

    @Test
    void holidaysAreEnteredPerJalaliDateAndSettingsChange() {
        Browser admin = fx.signedIn("admin");
        var h = admin.post("/api/admin/holidays", new JsonObject().put("jalaliDate", "۱۴۰۵/۰۱/۰۱").put("name", "نوروز"));
        assertThat(h.status()).as(h.body()).isEqualTo(200);
        assertThat(h.json().getString("date")).isEqualTo("2026-03-21");
        assertThat(admin.get("/api/admin/holidays?year=1405").json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("jalaliDate"))).contains("1405/01/01");
        assertThat(admin.post("/api/admin/holidays", new JsonObject().put("jalaliDate", "1405/12/31").put("name", "x")).status())
                .as("1405 is not a leap year").isEqualTo(400);
        assertThat(admin.delete("/api/admin/holidays/1405-01-01").status()).isEqualTo(204);
        var s = admin.put("/api/admin/settings", new JsonObject().put("duplicateWindowDays", 45).put("busyMaxWaitSeconds", 240));
        assertThat(s.json().getInteger("duplicateWindowDays")).isEqualTo(45);
        assertThat(admin.put("/api/admin/settings", new JsonObject().put("duplicateWindowDays", 0)).status()).isEqualTo(400);
        var oh = admin.put("/api/admin/office-hours", new JsonObject().put("open", "08:00").put("close", "15:00"));
        assertThat(oh.json().getString("open")).isEqualTo("08:00");
        assertThat(admin.put("/api/admin/office-hours", new JsonObject().put("open", "16:00")).status()).isEqualTo(400);
    }
}
