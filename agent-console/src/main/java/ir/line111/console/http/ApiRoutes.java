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
    private final Idempotency idempotency;

    /** {@code idempotency}: null leaves Idempotency-Key unheeded (tests of other parts). */
    public ApiRoutes(Router router, SessionStore sessions, ExecutorService blocking, MeterRegistry metrics, Idempotency idempotency) {
        this.router = router;
        this.sessions = sessions;
        this.blocking = blocking;
        this.metrics = metrics;
        this.idempotency = idempotency;
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
        router.route(method, path).handler(ctx -> {
            ApiException wrongType = JsonBodies.contentTypeProblem(ctx);
            if (wrongType != null) fail(ctx, method, path, wrongType);
            else dispatch(ctx, method, path, null, h);
        });
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
            ApiException wrongType = JsonBodies.contentTypeProblem(ctx);
            if (wrongType != null) {
                fail(ctx, method, path, wrongType);
                return;
            }
            dispatch(ctx, method, path, s, h);
        });
    }

    private void dispatch(RoutingContext ctx, HttpMethod method, String path, Session s, Handler h) {
        long started = System.nanoTime();
        Context context = Vertx.currentContext();
        Call call = new Call(ctx, s, clientIp(ctx));
        boolean once = idempotency != null && s != null && method != HttpMethod.GET && method != HttpMethod.HEAD;
        blocking.execute(() -> {
            Object r = once ? idempotency.run(call, method.name(), () -> handle(h, call)) : handle(h, call);
            context.runOnContext(v -> {
                int status = Replies.write(ctx, r);
                record(method, path, status, System.nanoTime() - started);
            });
        });
    }

    private static Object handle(Handler h, Call call) {
        try {
            return h.handle(call);
        } catch (Throwable t) {
            return t;
        }
    }

    private void fail(RoutingContext ctx, HttpMethod method, String path, ApiException e) {
        long started = System.nanoTime();
        int status = Replies.write(ctx, e);
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
}
