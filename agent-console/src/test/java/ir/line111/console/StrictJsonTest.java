package ir.line111.console;

import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A body must be declared JSON (415 otherwise; a cross-site form or no-cors POST cannot be), and no key may come twice. */
class StrictJsonTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    static final String SIGN_IN = new JsonObject().put("username", "operator").put("password", ConsoleFixture.PASSWORD).encode();

    @Test
    void signInRefusesABodyNotDeclaredJson() {
        for (String type : new String[]{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null,
                "application/json; charset=iso-8859-1"}) {
            var r = fx.browser().sendAs("POST", "/api/session", SIGN_IN, type, false, List.of());
            assertThat(r.status()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(r.error()).isEqualTo("unsupported_media_type");
            assertThat(r.json().getString("message")).matches(".*[آ-ی].*");
            assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(fx.browser().sendAs("POST", "/api/session", SIGN_IN, "application/json; charset=UTF-8", false, List.of()).status()).isEqualTo(200);
    }

    @Test
    void everyJsonRouteRefusesOtherTypes() {
        Browser op = fx.signedIn("operator");
        String body = CaseApiTest.newCaseBody(fx.agencyId, TestNationalIds.random(), "x").encode();
        assertThat(op.sendAs("POST", "/api/cases", body, "text/plain", true, List.of()).status()).isEqualTo(415);
        assertThat(op.sendAs("POST", "/api/cases", body, null, true, List.of()).status()).isEqualTo(415);
        assertThat(op.sendAs("POST", "/api/desk/presence", "{\"action\":\"ready\"}", "text/plain", true, List.of()).status()).isEqualTo(415);
        Browser admin = fx.signedIn("admin");
        assertThat(admin.sendAs("PUT", "/api/admin/settings", "{}", "application/xml", true, List.of()).status()).isEqualTo(415);
        assertThat(op.sendAs("POST", "/api/cases", body, "application/json", true, List.of()).status()).isEqualTo(201);
    }

    @Test
    void aKeyGivenTwiceIsRefusedAtAnyDepth() {
        var r = fx.browser().sendAs("POST", "/api/session",
                "{\"username\":\"nobody\",\"username\":\"operator\",\"password\":\"" + ConsoleFixture.PASSWORD + "\"}", "application/json", false, List.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("duplicate_json_key");
        assertThat(r.json().getString("message")).contains("username");

        Browser op = fx.signedIn("operator");
        String id = TestNationalIds.random().digits();
        String nested = "{\"kind\":\"COMPLAINT\",\"summary\":\"x\",\"subject\":{\"nationalId\":\"" + id + "\",\"nationalId\":\""
                + TestNationalIds.random().digits() + "\"}}";
        var c = op.sendAs("POST", "/api/cases", nested, "application/json", true, List.of());
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.error()).isEqualTo("duplicate_json_key");
        assertThat(op.get("/api/cases?nationalId=" + id).json().getJsonArray("items")).isEmpty();
    }
}
