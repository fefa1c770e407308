package ir.line111.console.http;

import ir.line111.core.domain.identity.Digits;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import ir.line111.console.security.Role;
import ir.line111.console.security.Session;

/**
 * One API request as a handler sees it, off the event loop: the signed-in session, parameters and the
 * JSON body. Everything here was read by the event loop before the handler ran.
 */
public final class Call {
    private final RoutingContext ctx;
    private final Session session;
    private final MultiMap params;
    private final MultiMap headers;
    private final Buffer body;
    private final String ip;
    private final String path;

    Call(RoutingContext ctx, Session session, String ip) {
        this.ctx = ctx;
        this.session = session;
        this.params = MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().params());
        this.params.addAll(ctx.pathParams());
        this.headers = MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers());
        this.body = ctx.body() == null ? null : ctx.body().buffer();
        this.ip = ip;
        this.path = ctx.normalizedPath();
    }

    /** The session; null only on the routes that need none (sign-in). */
    public Session session() { return session; }
    public String username() { return session.username(); }
    public boolean has(Role role) { return session != null && session.has(role); }
    /** The user's roles in core's terms, for core's rules ({@code CaseAction.allowedIn}); none without a session. */
    public java.util.Set<ir.line111.core.domain.users.Role> coreRoles() {
        return session == null ? java.util.Set.of() : Role.core(session.user().roles());
    }
    public String ip() { return ip; }
    public String header(String name) { return headers.get(name); }
    /** The concrete path asked for ({@code /api/cases/42/refer}). */
    public String path() { return path; }
    RoutingContext routingContext() { return ctx; }

    public String param(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public long pathId(String name) {
        String v = params.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.notFound();
        }
    }

    public Long longParam(String name) {
        String v = param(name);
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "عدد نیست");
        }
    }

    public int intParam(String name, int dflt, int min, int max) {
        String v = param(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) throw ApiException.invalid(name, "خارج از محدوده " + Digits.isolated(min) + " تا " + Digits.isolated(max));
            return i;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "عدد نیست");
        }
    }

    /** The JSON body, or an empty object when none was sent; a key given twice is refused (400). */
    public JsonObject json() {
        return JsonBodies.object(body);
    }

    public Buffer rawBody() { return body; }
}
