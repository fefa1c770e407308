package ir.line111.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the API gives, whoever raised it (a handler, core's rules, Vert.x itself), has a stable code and a Persian message. */
class ApiErrorsTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    @Test
    void everyErrorHasAStableCodeAndAPersianMessage() {
        Browser sup = fx.signedIn("supervisor");
        Browser admin = fx.signedIn("admin");
        long id = fx.liveCase().id();
        Map<String, Browser.Response> errors = new LinkedHashMap<>();
        errors.put("unknown route", sup.get("/api/nothing-here"));
        errors.put("no session", fx.browser().get("/api/me"));
        errors.put("no csrf", sup.send("POST", "/api/cases/" + id + "/close", "{}", false));
        errors.put("bad json", sup.send("POST", "/api/cases/" + id + "/close", "{", true));
        errors.put("too large", sup.send("POST", "/api/cases/" + id + "/close", "{\"note\":\"" + "x".repeat(1_100_000) + "\"}", true));
        errors.put("core's case rule", sup.post("/api/cases/" + id + "/board", new JsonObject()));
        errors.put("unknown agency", sup.post("/api/cases/" + id + "/refer", new JsonObject().put("agencyId", 999_999)));
        errors.put("user exists", admin.post("/api/admin/users", new JsonObject().put("username", "operator2").put("password", "a long password 1")
                .put("roles", new JsonArray().add("operator"))));
        errors.put("weak password", admin.post("/api/admin/users", new JsonObject().put("username", "newbie").put("password", "short")
                .put("roles", new JsonArray().add("operator"))));
        errors.put("bad username", admin.post("/api/admin/users", new JsonObject().put("username", "Not A Name!").put("password", "a long password 1")
                .put("roles", new JsonArray().add("operator"))));
        errors.put("wrong type", sup.sendAs("POST", "/api/cases/" + id + "/close", "{}", "text/plain", true, List.of()));
        errors.put("national ID check digit", sup.get("/api/cases?nationalId=0499370898"));
        errors.put("tracking code letters", sup.get("/api/cases?trackingCode=12345678x"));
        errors.put("tracking code length", sup.get("/api/cases?trackingCode=12345"));
        errors.put("unknown kind", sup.get("/api/cases?kind=NOPE"));
        errors.forEach((what, r) -> {
            assertThat(r.status()).as(what).isBetween(400, 599);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
            JsonObject body = r.json();
            assertThat(body.getString("error")).as(what + ": " + r.body()).matches("[a-z_]+");
            assertThat(body.getString("message")).as(what + ": " + r.body()).matches("(?s).*[\\u0600-\\u06FF].*").doesNotContainPattern("[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}");
            // no English words: only the technical names people see on their screens anyway
            assertThat(body.getString("message").replaceAll("JSON|CSRF|WAV|AMI|HTTP|API|Idempotency-Key|Content-Type: application/json", ""))
                    .as(what + ": " + r.body()).doesNotContainPattern("[A-Za-z]{2,}");
        });
        assertThat(errors.get("national ID check digit").json().getString("reason")).isEqualTo("national_id.CHECKSUM");
        assertThat(errors.get("national ID check digit").json().getString("message")).isEqualTo(
                "کد ملی نامعتبر است: رقم کنترل نمی‌خواند؛ یک رقم اشتباه است یا جابه‌جا شده");
        assertThat(errors.get("tracking code letters").json().getString("reason")).isEqualTo("tracking_code.NOT_DIGITS");
        assertThat(errors.get("tracking code length").json().getString("message")).isEqualTo("کد رهگیری نامعتبر است: کد رهگیری درست ۹ رقم دارد");
    }
}
