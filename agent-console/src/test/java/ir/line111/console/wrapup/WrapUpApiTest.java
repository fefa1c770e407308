package ir.line111.console.wrapup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrap-up codes through the real console (HTTP, H2 migrated by Flyway): administered, chosen per call, counted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrapUpApiTest {
    private ConsoleFixture fx;
    private Browser admin;
    private Browser operator;
    private Browser supervisor;

    @BeforeAll
    void start() {
        fx = ConsoleFixture.h2();
        admin = fx.signedIn("admin");
        operator = fx.signedIn("operator");
        supervisor = fx.signedIn("supervisor");
    }

    @AfterAll
    void stop() { fx.close(); }

    private static List<String> codes(Browser.Response r) {
        JsonArray items = r.json().getJsonArray("items");
        return items.stream().map(o -> ((JsonObject) o).getString("code")).toList();
    }

    private Browser.Response choose(String callId, String code, String key) {
        return operator.send("POST", "/api/desk/calls/" + callId + "/wrap-up", new JsonObject().put("code", code).encode(), true,
                key == null ? List.of() : List.of("Idempotency-Key", key));
    }

    @Test
    void theAdminAddsRenamesAndRetiresACodeAndTheOperatorSeesOnlyActiveOnes() {
        var added = admin.post("/api/admin/wrap-up-codes", new JsonObject().put("code", "billing_question").put("label", "پرسش دربارهٔ قبض"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().getString("code")).isEqualTo("BILLING_QUESTION");
        assertThat(admin.post("/api/admin/wrap-up-codes", new JsonObject().put("code", "BILLING_QUESTION").put("label", "دیگر")).status()).isEqualTo(409);
        assertThat(admin.post("/api/admin/wrap-up-codes", new JsonObject().put("code", "1x").put("label", "بد")).status()).isEqualTo(400);
        assertThat(codes(operator.get("/api/wrap-up-codes"))).contains("BILLING_QUESTION", "CASE_REGISTERED");

        var renamed = admin.put("/api/admin/wrap-up-codes/BILLING_QUESTION", new JsonObject().put("label", "قبض و هزینه‌ها"));
        assertThat(renamed.json().getString("label")).isEqualTo("قبض و هزینه‌ها");
        var retired = admin.put("/api/admin/wrap-up-codes/BILLING_QUESTION", new JsonObject().put("active", false));
        assertThat(retired.json().getBoolean("active")).isFalse();
        assertThat(codes(operator.get("/api/wrap-up-codes"))).doesNotContain("BILLING_QUESTION");
        assertThat(codes(admin.get("/api/admin/wrap-up-codes"))).contains("BILLING_QUESTION");
        assertThat(choose("1763900000.1", "BILLING_QUESTION", null).status()).as("a retired code cannot be chosen").isEqualTo(400);
        assertThat(admin.put("/api/admin/wrap-up-codes/NO_SUCH", new JsonObject().put("active", false)).status()).isEqualTo(404);
        assertThat(operator.post("/api/admin/wrap-up-codes", new JsonObject().put("code", "X_Y").put("label", "x")).status()).isEqualTo(403);
    }

    @Test
    void theOperatorsChoiceIsStoredWithTheCallOnceAndCanBeCorrected() {
        String call = "1763900100.7";
        var first = choose(call, "INFORMATION", "wrapup-key-0001");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var repeat = choose(call, "INFORMATION", "wrapup-key-0001");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(repeat.json().getString("at")).isEqualTo(first.json().getString("at"));
        assertThat(new ir.line111.console.store.Jdbc(fx.db.dataSource()).count("select count(*) from console_call_wrapup where call_id = ?", call)).isEqualTo(1);

        var corrected = choose(call, "FOLLOW_UP", "wrapup-key-0002");
        assertThat(corrected.json().getString("code")).isEqualTo("FOLLOW_UP");
        var stored = supervisor.get("/api/desk/calls/" + call + "/wrap-up");
        assertThat(stored.json().getString("code")).isEqualTo("FOLLOW_UP");
        assertThat(stored.json().getString("username")).isEqualTo("operator");
        assertThat(choose(call, "NOT_A_CODE", null).status()).isEqualTo(400);
        assertThat(choose("bad%20call%20id", "INFORMATION", null).status()).isEqualTo(400);
    }

    @Test
    void theSupervisorCountsCallsPerCodeAsJsonAndAsCsvWithPersianHeaders() {
        choose("1763900200.1", "CALL_DROPPED", null);
        choose("1763900200.2", "CALL_DROPPED", null);
        choose("1763900200.3", "NOT_RELEVANT", null);
        var r = supervisor.get("/api/wrap-up-report");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject dropped = r.json().getJsonArray("rows").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("code").equals("CALL_DROPPED")).findFirst().orElseThrow();
        assertThat(dropped.getLong("calls")).isEqualTo(2);
        assertThat(dropped.getString("label")).isEqualTo("قطع تماس پیش از طرح موضوع");
        assertThat(r.json().getLong("total")).isGreaterThanOrEqualTo(3);

        var csv = supervisor.get("/api/wrap-up-report?format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF" + WrapUpCsv.HEADER).contains("تعداد تماس");
        assertThat(List.of(lines)).contains("CALL_DROPPED,قطع تماس پیش از طرح موضوع,فعال,2");
        assertThat(operator.get("/api/wrap-up-report").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/wrap-up-report?from=1405/02/01&to=1405/01/01").status()).isEqualTo(400);
    }
}
