package ir.line111.console.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;

/**
 * Turns what a handler returned (or threw) into the HTTP answer. Rendering is separate from writing
 * so that an answer can be kept (idempotent repeats get exactly the first answer) and so that the
 * mapping of every failure to a status, a stable code and a Persian message lives in one place.
 */
public final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    /** An answer ready to write: {@code body} null for none. */
    public record Rendered(int status, String contentType, String body, Map<String, String> headers) {
        public static final String JSON = "application/json; charset=utf-8";
    }

    /** Optimistic-lock failures of JPA/Hibernate, named so that the console needs no ORM on its classpath. */
    private static final Set<String> CONCURRENT_CHANGE = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException", "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException", "org.springframework.orm.ObjectOptimisticLockingFailureException");

    private Replies() {}

    /** Writes the outcome; returns the status sent. */
    static int write(RoutingContext ctx, Object result) {
        return send(ctx, result instanceof Reply.File || result instanceof Rendered ? result
                : render(result, ctx.request().method() + " " + ctx.normalizedPath()));
    }

    /**
     * What Vert.x answers by itself (a body over the limit, a method the path does not take, a
     * failure before any handler) in the API's form: a stable code and a Persian message.
     */
    public static void routerError(RoutingContext ctx, int status) {
        ApiException e = switch (status) {
            case 400 -> ApiException.invalid(null, "درخواست نامعتبر است");
            case 405 -> new ApiException(405, "method_not_allowed", "این نشانی این روش (HTTP method) را نمی‌پذیرد", null);
            case 413 -> new ApiException(413, "too_large", "بدنهٔ درخواست از اندازهٔ مجاز بزرگ‌تر است", null);
            default -> {
                if (ctx.failure() != null) log.error("console {} {} failed", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
                yield new ApiException(500, "internal", "خطای داخلی؛ دوباره تلاش کنید", null);
            }
        };
        send(ctx, error(e, Map.of()));
    }

    /** Writes an answer already rendered (or a file reply); returns the status sent. */
    static int send(RoutingContext ctx, Object rendered) {
        HttpServerResponse resp = ctx.response();
        if (resp.ended() || resp.closed()) return 499;
        resp.putHeader("Cache-Control", "no-store");
        try {
            if (rendered instanceof Reply.File f) {
                f.headers().forEach(resp::putHeader);
                resp.setStatusCode(f.status()).putHeader("Content-Type", f.contentType());
                resp.sendFile(f.file().toString(), f.offset(), f.length());
                return f.status();
            }
            Rendered r = (Rendered) rendered;
            r.headers().forEach(resp::putHeader);
            resp.setStatusCode(r.status());
            if (r.contentType() != null) resp.putHeader("Content-Type", r.contentType());
            if (r.body() == null) resp.end();
            else resp.end(r.body());
            return r.status();
        } catch (RuntimeException e) {
            log.error("console API could not write a reply", e);
            if (!resp.ended()) resp.setStatusCode(500).end();
            return 500;
        }
    }

    /** The answer for a handler's result; {@code what} ("POST /api/cases") only for the log. Never a {@link Reply.File}. */
    public static Rendered render(Object result, String what) {
        return switch (result) {
            case JsonObject o -> json(200, o.encode(), Map.of());
            case JsonArray a -> json(200, a.encode(), Map.of());
            case Reply.Json j -> json(j.status(), encode(j.body()), j.headers());
            case Reply.Empty e -> new Rendered(e.status(), null, null, Map.of());
            case Reply.Text t -> new Rendered(t.status(), t.contentType(), t.body(), t.headers());
            case Reply.File f -> throw new IllegalArgumentException("a file reply is sent, not rendered");
            case Rendered r -> r;
            case ApiException e -> error(e, e.headers());
            case Throwable t when databaseUnavailable(t) -> {
                log.warn("console API {}: the database is unavailable ({})", what, t.getMessage());
                yield error(ApiException.unavailable("unavailable", "پایگاه داده در دسترس نیست؛ چند لحظه دیگر دوباره تلاش کنید. چیزی ثبت نشد."),
                        Map.of("Retry-After", "10"));
            }
            case Throwable t when concurrentChange(t) -> {
                log.info("console API {}: a concurrent change won ({})", what, t.getClass().getSimpleName());
                yield error(ApiException.concurrentChange(), Map.of());
            }
            case ir.line111.core.domain.cases.NoSuchCaseException e -> error(ApiException.notFound(), Map.of());
            case ir.line111.core.domain.cases.CaseRuleException e -> error(ApiException.conflict(
                    persianOr(e, "در وضعیت کنونی پرونده این کار ممکن نیست")), Map.of());
            case java.util.NoSuchElementException e -> error(ApiException.notFound(), Map.of());
            case IllegalArgumentException e -> error(ApiException.invalid(null, persianOr(e, "درخواست نامعتبر است")), Map.of());
            case IllegalStateException e -> error(ApiException.conflict(persianOr(e, "در وضعیت کنونی این کار ممکن نیست")), Map.of());
            case Throwable t -> {
                log.error("console API {} failed", what, t);
                yield error(new ApiException(500, "internal", "خطای داخلی؛ دوباره تلاش کنید", null), Map.of());
            }
            case null -> new Rendered(204, null, null, Map.of());
            default -> json(200, encode(result), Map.of());
        };
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

    /**
     * Two requests changed the same row at once (a double click on refer, two supervisors): the
     * loser's optimistic lock failed, or a unique key refused its second insert. Nothing half-done
     * was kept, so this is a conflict to show, never a 500.
     */
    static boolean concurrentChange(Throwable t) {
        if (ir.line111.core.persistence.SqlErrors.isIntegrityViolation(t)) return true;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<?> k = c.getClass(); k != null; k = k.getSuperclass()) {
                if (CONCURRENT_CHANGE.contains(k.getName())) return true;
            }
        }
        return false;
    }

    /**
     * The exception's message when it was written for people (Persian), else {@code fallback}: the
     * rules of core speak English to the log, staff read Persian. The English goes to the debug log.
     */
    static String persianOr(Throwable e, String fallback) {
        String m = e.getMessage();
        if (m != null && m.chars().anyMatch(ch -> ch >= 0x0600 && ch <= 0x06FF)) return m;
        log.debug("console API: refused ({})", m);
        return fallback;
    }

    static Rendered error(ApiException e, Map<String, String> headers) {
        JsonObject body = new JsonObject().put("error", e.code()).put("message", e.getMessage() == null ? e.code() : e.getMessage());
        if (e.field() != null) body.put("field", e.field());
        if (e.reason() != null) body.put("reason", e.reason());
        return json(e.status(), body.encode(), headers);
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
    static Rendered json(int status, String encoded, Map<String, String> headers) {
        String safe = encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return new Rendered(status, Rendered.JSON, safe, headers);
    }
}
