package ir.line111.console.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ir.line111.console.security.Role;
import ir.line111.console.security.Session;
import ir.line111.console.security.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Registers API routes so that none can forget the checks: every route names the roles it admits
 * (deny by default), state changes need the CSRF header, and the handler runs on a virtual thread so
 * that blocking work (JDBC, Hibernate, the event bus round trip to AMI) never holds the event loop.
 */
public final class ApiRoutes {

    /** A handler: returns a JsonObject/JsonArray (200), a {@link Reply}, or throws {@link ApiException}. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Call call) throws Exception;
    }

    public static final String SESSION_COOKIE = "line111_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_KEY = "line111.session";
    static final String EXPIRED_KEY = "line111.session.expired";

    public static final Set<Role> ANY_ROLE = EnumSet.allOf(Role.class);

    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);

    private final Router router;
    private final SessionStore sessions;
    private final ExecutorService blocking;
    private final MeterRegistry metrics;

    public ApiRoutes(Router router, SessionStore sessions, ExecutorService blocking, MeterRegistry metrics) {
        this.router = router;
        this.sessions = sessions;
        this.blocking = blocking;
        this.metrics = metrics;
    }

    public Router router() { return router; }

    /** Finds the session named by the cookie; runs before every API route. */
    public static void resolveSession(RoutingContext ctx, SessionStore sessions) {
        Cookie c = ctx.request().getCookie(SESSION_COOKIE);
        if (c != null) {
            switch (sessions.touch(c.getValue())) {
                case SessionStore.Lookup.Found f -> ctx.put(SESSION_KEY, f.session());
                case SessionStore.Lookup.Expired e -> ctx.put(EXPIRED_KEY, Boolean.TRUE);
                case SessionStore.Lookup.Missing m -> { }
            }
        }
        ctx.next();
    }

    public void get(String path, Set<Role> roles, Handler h) { add(HttpMethod.GET, path, roles, h); }
    public void post(String path, Set<Role> roles, Handler h) { add(HttpMethod.POST, path, roles, h); }
    public void put(String path, Set<Role> roles, Handler h) { add(HttpMethod.PUT, path, roles, h); }
    public void delete(String path, Set<Role> roles, Handler h) { add(HttpMethod.DELETE, path, roles, h); }

    /** A route that needs no session (sign-in only). */
    public void open(HttpMethod method, String path, Handler h) {
        router.route(method, path).handler(ctx -> dispatch(ctx, method, path, null, h));
    }

    private void add(HttpMethod method, String path, Set<Role> roles, Handler h) {
        Set<Role> admitted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        boolean changesState = method != HttpMethod.GET && method != HttpMethod.HEAD;
        router.route(method, path).handler(ctx -> {
            Session s = ctx.get(SESSION_KEY);
            if (s == null) {
                boolean expired = Boolean.TRUE.equals(ctx.get(EXPIRED_KEY));
                fail(ctx, method, path, new ApiException(401, expired ? "session_expired" : "unauthenticated",
                        expired ? "نشست شما به پایان رسیده است؛ دوباره وارد شوید" : "ابتدا وارد شوید", null));
                return;
            }
            if (changesState && !SessionStore.sameToken(s.csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
                fail(ctx, method, path, new ApiException(403, "csrf", "توکن CSRF نامعتبر است؛ صفحه را دوباره بارگذاری کنید", null));
                return;
            }
            if (admitted.stream().noneMatch(s::has)) {
                fail(ctx, method, path, ApiException.forbidden());
                return;
            }
            dispatch(ctx, method, path, s, h);
        });
    }

    private void dispatch(RoutingContext ctx, HttpMethod method, String path, Session s, Handler h) {
        long started = System.nanoTime();
        Context context = Vertx.currentContext();
        Call call = new Call(ctx, s, clientIp(ctx));
        blocking.execute(() -> {
            Object result;
            try {
                result = h.handle(call);
            } catch (Throwable t) {
                result = t;
            }
            Object r = result;
            context.runOnContext(v -> {
                int status = write(ctx, r);
                record(method, path, status, System.nanoTime() - started);
            });
        });
    }

    private void fail(RoutingContext ctx, HttpMethod method, String path, ApiException e) {
        long started = System.nanoTime();
        int status = write(ctx, e);
        record(method, path, status, System.nanoTime() - started);
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private void record(HttpMethod method, String path, int status, long nanos) {
        // one timer per route template and status (never per concrete path: ids would explode the series)
        timers.computeIfAbsent(method.name() + ' ' + path + ' ' + status, k -> Timer.builder("console.api.requests")
                        .description("Console API requests by route and status")
                        .tags("method", method.name(), "route", path, "status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .register(metrics))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public static String clientIp(RoutingContext ctx) {
        var a = ctx.request().remoteAddress();
        return a == null ? "?" : a.hostAddress();
    }

    /** Writes the outcome; returns the status sent. */
    static int write(RoutingContext ctx, Object result) {
        HttpServerResponse resp = ctx.response();
        if (resp.ended() || resp.closed()) return 499;
        resp.putHeader("Cache-Control", "no-store");
        try {
            return switch (result) {
                case JsonObject o -> json(resp, 200, o.encode());
                case JsonArray a -> json(resp, 200, a.encode());
                case Reply.Json j -> { j.headers().forEach(resp::putHeader); yield json(resp, j.status(), encode(j.body())); }
                case Reply.Empty e -> { resp.setStatusCode(e.status()).end(); yield e.status(); }
                case Reply.Text t -> {
                    t.headers().forEach(resp::putHeader);
                    resp.setStatusCode(t.status()).putHeader("Content-Type", t.contentType()).end(t.body());
                    yield t.status();
                }
                case Reply.File f -> {
                    f.headers().forEach(resp::putHeader);
                    resp.setStatusCode(f.status()).putHeader("Content-Type", f.contentType());
                    resp.sendFile(f.file().toString(), f.offset(), f.length());
                    yield f.status();
                }
                case ApiException e -> error(resp, e);
                case Throwable t when databaseUnavailable(t) -> {
                    log.warn("console API {} {}: the database is unavailable ({})", ctx.request().method(), ctx.normalizedPath(), t.getMessage());
                    resp.putHeader("Retry-After", "10");
                    yield error(resp, ApiException.unavailable("unavailable", "پایگاه داده در دسترس نیست؛ چند لحظه دیگر دوباره تلاش کنید. چیزی ثبت نشد."));
                }
                case ir.line111.core.domain.cases.NoSuchCaseException e -> error(resp, ApiException.notFound());
                case ir.line111.core.domain.cases.CaseRuleException e -> error(resp, ApiException.conflict(e.getMessage()));
                case java.util.NoSuchElementException e -> error(resp, ApiException.notFound());
                case IllegalArgumentException e -> error(resp, ApiException.invalid(null, e.getMessage()));
                case IllegalStateException e -> error(resp, ApiException.conflict(e.getMessage()));
                case Throwable t -> {
                    log.error("console API {} {} failed", ctx.request().method(), ctx.normalizedPath(), t);
                    yield error(resp, new ApiException(500, "internal", "خطای داخلی؛ دوباره تلاش کنید", null));
                }
                case null -> { resp.setStatusCode(204).end(); yield 204; }
                default -> json(resp, 200, encode(result));
            };
        } catch (RuntimeException e) {
            log.error("console API could not write a reply", e);
            if (!resp.ended()) resp.setStatusCode(500).end();
            return 500;
        }
    }

    /**
     * A lost or refused database connection anywhere in the cause chain (JDBC's connection classes,
     * SQL state class 08, H2's "database closed", core's DatabaseUnavailableException): the request
     * can be repeated, so 503, not 500.
     */
    static boolean databaseUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLTransientConnectionException || c instanceof java.sql.SQLNonTransientConnectionException
                    || c instanceof ir.line111.core.persistence.DatabaseUnavailableException) {
                return true;
            }
            if (c instanceof java.sql.SQLException se) {
                String state = se.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("90098") || state.equals("90121") || state.equals("57P01"))) return true;
            }
        }
        return false;
    }

    static int error(HttpServerResponse resp, ApiException e) {
        JsonObject body = new JsonObject().put("error", e.code()).put("message", e.getMessage() == null ? e.code() : e.getMessage());
        if (e.field() != null) body.put("field", e.field());
        return json(resp, e.status(), body.encode());
    }

    private static String encode(Object body) {
        return switch (body) {
            case JsonObject o -> o.encode();
            case JsonArray a -> a.encode();
            case Map<?, ?> m -> new JsonObject(castMap(m)).encode();
            default -> io.vertx.core.json.Json.encode(body);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) { return (Map<String, Object>) m; }

    /**
     * JSON with {@code < > &} escaped: they can only occur inside strings, and escaped they cannot
     * close a script element or start markup if a reply ever lands in an HTML context.
     */
    static int json(HttpServerResponse resp, int status, String encoded) {
        String safe = encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        resp.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(safe);
        return status;
    }
}
