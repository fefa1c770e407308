package ir.line111.console.handlers;

import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Reply;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.security.PasswordChecks;
import ir.line111.console.store.AuditLog;
import ir.line111.console.store.CoreConsoleUsers;
import ir.line111.core.domain.identity.Digits;
import ir.line111.core.domain.users.UserDirectory;
import ir.line111.core.domain.users.UserException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A signed-in user's own account: changing their own password. The current password is asked for (a
 * session left open on a desk must not be enough), checked on the bcrypt pool and slowed down after
 * failures exactly as sign-in is (the same {@code SignInThrottle} counters), the new one follows core's
 * rules, and every other session of the user ends. An admin resets someone else's password in
 * {@link AdminHandlers}. A repeat with the same Idempotency-Key gets the first answer (ApiRoutes).
 */
public final class AccountHandlers {
    private final ConsoleContext cx;

    public AccountHandlers(ConsoleContext cx) { this.cx = cx; }

    public void register(ApiRoutes r) {
        r.post("/api/me/password", Roles.ANY, this::changePassword);
    }

    private Object changePassword(Call c) {
        JsonObject b = c.json();
        char[] current = password(b, "currentPassword", "گذرواژهٔ کنونی را بنویسید");
        char[] fresh = password(b, "newPassword", "گذرواژهٔ تازه را بنویسید");
        String username = c.username();
        try {
            try {
                UserDirectory.checkPassword(fresh);
            } catch (UserException e) {
                throw ApiException.invalid("newPassword", CoreConsoleUsers.PASSWORD_RULES);
            }
            if (Arrays.equals(current, fresh)) throw ApiException.invalid("newPassword", "گذرواژهٔ تازه باید با گذرواژهٔ کنونی فرق کند");
            Duration wait = cx.throttle().waitBefore(username, c.ip());
            if (!wait.isZero()) {
                long s = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
                throw new ApiException(429, "too_many_attempts", "تلاش‌های ناموفق زیاد بود؛ "
                        + Digits.toPersian(Long.toString(s)) + " ثانیه دیگر دوباره امتحان کنید", null,
                        java.util.Map.of("Retry-After", Long.toString(s)));
            }
            Optional<ConsoleUser> ok;
            try {
                ok = cx.passwords().run(() -> cx.users().verify(username, current));
            } catch (PasswordChecks.Busy busy) {
                throw ApiException.tooMany("sign_in_busy", "سامانه سرگرم بررسی گذرواژه‌های دیگر است؛ چند ثانیه دیگر دوباره امتحان کنید", 2);
            }
            if (ok.isEmpty()) {
                cx.throttle().failed(username, c.ip());
                cx.audit().record(username, AuditLog.Action.PASSWORD_CHANGE_FAILED, null, null, null, null, c.ip());
                throw new ApiException(400, "wrong_password", "گذرواژهٔ کنونی درست نیست", "currentPassword");
            }
            cx.throttle().succeeded(username, c.ip());
            try {
                cx.passwords().run(() -> {
                    cx.users().setPassword(username, fresh);
                    return null;
                });
            } catch (PasswordChecks.Busy busy) {
                throw ApiException.tooMany("sign_in_busy", "سامانه سرگرم بررسی گذرواژه‌های دیگر است؛ چند ثانیه دیگر دوباره امتحان کنید", 2);
            }
            cx.sessions().closeOthers(username, c.session().id());
            cx.audit().record(username, AuditLog.Action.PASSWORD_CHANGED, null, null, null, null, c.ip());
            return Reply.noContent();
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(fresh, '\0');
        }
    }

    private static char[] password(JsonObject b, String field, String missing) {
        Object p = b.getValue(field);
        if (!(p instanceof String s) || s.isEmpty()) throw ApiException.invalid(field, missing);
        if (s.length() > 200) throw ApiException.invalid(field, CoreConsoleUsers.PASSWORD_RULES);
        return s.toCharArray();
    }
}
