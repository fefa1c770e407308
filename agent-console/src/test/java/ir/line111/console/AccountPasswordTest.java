package ir.line111.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user changes their own password over the real console; an admin resets anyone's. */
class AccountPasswordTest {
    static ConsoleFixture fx;
    static final AtomicInteger n = new AtomicInteger();

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    /** A fresh user of {@code role} with {@code password}, made by the admin. */
    private static String user(String role, String password) {
        String name = "acct" + n.incrementAndGet();
        var r = fx.signedIn("admin").post("/api/admin/users", new JsonObject().put("username", name).put("password", password)
                .put("roles", new JsonArray().add(role)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }

    private static Browser signedIn(String name, String password) {
        Browser b = fx.browser();
        assertThat(b.signIn(name, password).status()).isEqualTo(200);
        return b;
    }

    private static Browser.Response change(Browser b, String current, String fresh, String... headers) {
        return b.send("POST", "/api/me/password", new JsonObject().put("currentPassword", current).put("newPassword", fresh).encode(), true,
                List.of(headers));
    }

    private static List<String> audit(String username) {
        return fx.signedIn("admin").get("/api/admin/audit?username=" + username + "&limit=50").json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("action")).toList();
    }

    @Test
    void aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() {
        String name = user("transcriber", "the first password");
        Browser here = signedIn(name, "the first password");
        Browser elsewhere = signedIn(name, "the first password");
        var r = change(here, "the first password", "the second password");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(here.get("/api/me").status()).as("the session that changed it stays").isEqualTo(200);
        assertThat(elsewhere.get("/api/me").status()).as("every other session ends").isEqualTo(401);
        assertThat(fx.browser().signIn(name, "the first password").status()).isEqualTo(401);
        assertThat(fx.browser().signIn(name, "the second password").status()).isEqualTo(200);
        assertThat(audit(name)).contains("PASSWORD_CHANGED");
    }

    @Test
    void everyRoleMayChangeItsOwn() {
        for (String role : List.of("operator", "transcriber", "supervisor", "admin")) {
            String name = user(role, "the first password");
            var r = change(signedIn(name, "the first password"), "the first password", "another long one");
            assertThat(r.status()).as(role + " " + r.body()).isEqualTo(204);
        }
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAuditedAndSlowedDownLikeSignIn() {
        String name = user("operator", "the first password");
        Browser b = signedIn(name, "the first password");
        for (int i = 0; i < 3; i++) {
            var wrong = change(b, "a guess " + i, "the second password");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.error()).isEqualTo("wrong_password");
            assertThat(wrong.json().getString("field")).isEqualTo("currentPassword");
            assertThat(wrong.json().getString("message")).isEqualTo("گذرواژهٔ کنونی درست نیست");
        }
        var slowed = change(b, "the first password", "the second password");
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.error()).isEqualTo("too_many_attempts");
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(fx.browser().signIn(name, "the first password").status()).as("a sign-in from the same address waits too").isEqualTo(429);
        fx.clock.advance(Duration.ofSeconds(3));
        assertThat(change(b, "the first password", "the second password").status()).isEqualTo(204);
        assertThat(audit(name)).contains("PASSWORD_CHANGE_FAILED", "PASSWORD_CHANGED");
    }

    @Test
    void theNewPasswordFollowsTheSameRulesAsEverywhere() {
        String name = user("supervisor", "the first password");
        Browser b = signedIn(name, "the first password");
        var shortOne = change(b, "the first password", "short");
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.json().getString("field")).isEqualTo("newPassword");
        assertThat(shortOne.json().getString("message")).isEqualTo("گذرواژه باید دست‌کم ۱۰ نویسه و حداکثر ۷۲ بایت باشد");
        var tooManyBytes = change(b, "the first password", "گ".repeat(37)); // 74 bytes in UTF-8
        assertThat(tooManyBytes.status()).isEqualTo(400);
        assertThat(tooManyBytes.json().getString("field")).isEqualTo("newPassword");
        var same = change(b, "the first password", "the first password");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().getString("field")).isEqualTo("newPassword");
        var missing = b.post("/api/me/password", new JsonObject().put("newPassword", "the second password"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getString("field")).isEqualTo("currentPassword");
        assertThat(fx.browser().signIn(name, "the first password").status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String name = user("operator", "the first password");
        Browser b = signedIn(name, "the first password");
        var first = change(b, "the first password", "the second password", "Idempotency-Key", "change-pw-" + name);
        var again = change(b, "the first password", "the second password", "Idempotency-Key", "change-pw-" + name);
        assertThat(first.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(fx.browser().signIn(name, "the second password").status()).isEqualTo(200);
        assertThat(audit(name).stream().filter("PASSWORD_CHANGED"::equals)).hasSize(1);
    }

    @Test
    void anAdminResetsSomeoneElsesPasswordAndTheirSessionsEnd() {
        String name = user("operator", "the first password");
        Browser victim = signedIn(name, "the first password");
        Browser admin = fx.signedIn("admin");
        var r = admin.post("/api/admin/users/" + name + "/password", new JsonObject().put("password", "set by the admin"));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(victim.get("/api/me").status()).isEqualTo(401);
        assertThat(fx.browser().signIn(name, "set by the admin").status()).isEqualTo(200);
        assertThat(fx.signedIn("operator").post("/api/admin/users/" + name + "/password", new JsonObject().put("password", "not allowed here")).status())
                .isEqualTo(403);
    }
}
