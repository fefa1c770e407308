package ir.line111.console;

import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, fresh session ids, time-outs, backoff after failures, sign-out, the audit of sign-ins. */
class SessionSecurityTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    @Test
    void signInGivesAnHttpOnlyStrictCookieRolesAndACsrfToken() {
        Browser b = fx.browser();
        var r = b.signIn("supervisor", ConsoleFixture.PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonArray("roles").stream().map(String::valueOf)).containsExactly("supervisor");
        assertThat(r.json().getString("csrfToken")).hasSizeGreaterThan(30);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("line111_session=").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(b.get("/api/me").json().getString("username")).isEqualTo("supervisor");
    }

    @Test
    void aWrongPasswordOrUnknownUserGets401WithTheSameMessage() {
        var wrong = fx.browser().signIn("operator2", "not the password");
        var unknown = fx.browser().signIn("nobody-here", "not the password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().getString("message")).isEqualTo(unknown.json().getString("message"));
    }

    @Test
    void everySignInGetsAFreshSessionIdAndTheOldOneEnds() {
        Browser b = fx.browser();
        b.signIn("operator", ConsoleFixture.PASSWORD);
        String first = sessionCookie(b);
        b.signIn("operator", ConsoleFixture.PASSWORD);
        String second = sessionCookie(b);
        assertThat(second).isNotEqualTo(first);
        Browser thief = fx.browser();
        thief.cookies().getCookieStore().add(java.net.URI.create(fx.base()), cookie(first));
        assertThat(thief.get("/api/me").status()).isEqualTo(401);
        assertThat(b.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void signOutEndsTheSession() {
        Browser b = fx.signedIn("transcriber");
        String id = sessionCookie(b);
        assertThat(b.delete("/api/session").status()).isEqualTo(204);
        Browser replay = fx.browser();
        replay.cookies().getCookieStore().add(java.net.URI.create(fx.base()), cookie(id));
        assertThat(replay.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void idleAndAbsoluteTimeOutsEndSessions() {
        Browser idle = fx.signedIn("admin");
        fx.clock.advance(Duration.ofMinutes(31));
        var r = idle.get("/api/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("session_expired");

        Browser busy = fx.signedIn("admin");
        for (int i = 0; i < 23; i++) {
            fx.clock.advance(Duration.ofMinutes(25));
            assertThat(busy.get("/api/me").status()).as("still active after %d min", (i + 1) * 25).isEqualTo(200);
        }
        fx.clock.advance(Duration.ofMinutes(25)); // past 10 hours although never idle for long
        assertThat(busy.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresAreSlowedDownPerUserAndAddress() {
        Browser b = fx.browser();
        for (int i = 0; i < 3; i++) assertThat(b.signIn("supervisor", "guess " + i).status()).isEqualTo(401);
        var slowed = b.signIn("supervisor", ConsoleFixture.PASSWORD);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.error()).isEqualTo("too_many_attempts");
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        // another user from the same address is not locked out by it
        assertThat(fx.browser().signIn("operator", ConsoleFixture.PASSWORD).status()).isEqualTo(200);
        fx.clock.advance(Duration.ofSeconds(3));
        assertThat(b.signIn("supervisor", ConsoleFixture.PASSWORD).status()).isEqualTo(200);
        var audit = fx.signedIn("admin").get("/api/admin/audit?username=supervisor&limit=50").json().getJsonArray("items");
        assertThat(audit.stream().map(o -> ((JsonObject) o).getString("action"))).contains("SIGN_IN_FAILED", "SIGN_IN");
    }

    @Test
    void aDisabledUserCannotSignInAndLosesOpenSessions() {
        Browser admin = fx.signedIn("admin");
        var created = admin.post("/api/admin/users", new JsonObject().put("username", "leaver").put("password", "a long password 1")
                .put("roles", new io.vertx.core.json.JsonArray().add("operator")));
        assertThat(created.status()).isEqualTo(201);
        Browser leaver = fx.browser();
        assertThat(leaver.signIn("leaver", "a long password 1").status()).isEqualTo(200);
        assertThat(admin.put("/api/admin/users/leaver", new JsonObject().put("roles", new io.vertx.core.json.JsonArray().add("operator"))
                .put("enabled", false)).status()).isEqualTo(200);
        assertThat(leaver.get("/api/me").status()).isEqualTo(401);
        assertThat(fx.browser().signIn("leaver", "a long password 1").status()).isEqualTo(401);
    }

    static String sessionCookie(Browser b) {
        return b.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("line111_session"))
                .findFirst().orElseThrow().getValue();
    }

    static HttpCookie cookie(String value) {
        HttpCookie c = new HttpCookie("line111_session", value);
        c.setPath("/");
        c.setVersion(0);
        return c;
    }
}
