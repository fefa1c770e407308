package ir.line111.console.handlers;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Inputs;
import ir.line111.console.http.Reply;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.security.PasswordChecks;
import ir.line111.console.security.Session;
import ir.line111.console.store.AuditLog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Sign-in, sign-out and "who am I". */
public final class AuthHandlers {
    private final ConsoleContext cx;

    public AuthHandlers(ConsoleContext cx) { this.cx = cx; }

    public void register(ApiRoutes r) {
        r.open(HttpMethod.POST, "/api/session", this::signIn);
        r.delete("/api/session", Roles.ANY, this::signOut);
        r.get("/api/me", Roles.ANY, c -> me(c.session()));
    }

    private Object signIn(Call c) {
        JsonObject body = c.json();
        String username = Inputs.text(body, "username", 64, true);
        Object pw = body.getValue("password");
        if (!(pw instanceof String password) || password.isEmpty() || password.length() > 200) {
            throw ApiException.invalid("password", "گذرواژه لازم است");
        }
        Duration wait = cx.throttle().waitBefore(username, c.ip());
        if (!wait.isZero()) {
            long s = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            return new Reply.Json(429, new JsonObject().put("error", "too_many_attempts")
                    .put("message", "تلاش‌های ناموفق زیاد بود؛ " + ir.line111.core.domain.identity.Digits.isolated(s) + " ثانیه دیگر دوباره امتحان کنید").put("retryAfterSeconds", s),
                    Map.of("Retry-After", Long.toString(s)));
        }
        Optional<ConsoleUser> user;
        try {
            user = cx.passwords().run(() -> cx.users().verify(username, password.toCharArray()));
        } catch (PasswordChecks.Busy busy) {
            throw ApiException.tooMany("sign_in_busy", "سامانه سرگرم بررسی ورودهای دیگر است؛ چند ثانیه دیگر دوباره امتحان کنید", 2);
        }
        if (user.isEmpty() || user.get().roles().isEmpty()) {
            cx.throttle().failed(username, c.ip());
            cx.audit().record(username, AuditLog.Action.SIGN_IN_FAILED, null, null, null, null, c.ip());
            throw new ApiException(401, "unauthenticated", "نام کاربری یا گذرواژه نادرست است", null);
        }
        cx.throttle().succeeded(username, c.ip());
        // A fresh id every time; whatever session the browser had is ended (no fixation).
        String old = cookie(c);
        if (old != null) cx.sessions().close(old);
        Session s = cx.sessions().open(user.get(), c.ip());
        cx.audit().record(s.username(), AuditLog.Action.SIGN_IN, null, null, null, null, c.ip());
        String cookie = ApiRoutes.SESSION_COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict";
        return new Reply.Json(200, me(s), Map.of("Set-Cookie", cookie));
    }

    private Object signOut(Call c) {
        cx.sessions().close(c.session().id());
        cx.audit().record(c.username(), AuditLog.Action.SIGN_OUT, null, null, null, null, c.ip());
        return new Reply.Text(204, "text/plain", "", Map.of("Set-Cookie",
                ApiRoutes.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
    }

    private JsonObject me(Session s) {
        JsonArray roles = new JsonArray();
        s.user().roles().stream().sorted().forEach(r -> roles.add(r.wire()));
        JsonObject o = new JsonObject().put("username", s.username()).put("fullName", s.user().fullName())
                .put("roles", roles).put("csrfToken", s.csrfToken())
                .put("idleTimeoutSeconds", cx.sessions().idle().toSeconds()).put("expiresAt", s.expiresAt().toString());
        if (s.device() != null) o.put("device", s.device());
        return o;
    }

    private static String cookie(Call c) {
        String h = c.header("Cookie");
        if (h == null) return null;
        for (String part : h.split(";")) {
            String p = part.strip();
            if (p.startsWith(ApiRoutes.SESSION_COOKIE + "=")) return p.substring(ApiRoutes.SESSION_COOKIE.length() + 1);
        }
        return null;
    }
}
