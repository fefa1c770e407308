package ir.line111.console.http;

import io.vertx.core.buffer.Buffer;
import ir.line111.console.store.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every state-changing request: the first request with a key (per user)
 * runs and its answer (status and body) is kept for 24 hours; a repeat with the same key and the
 * same request gets that answer again and changes nothing; the same key on another request is 422.
 * Repeats that arrive while the first still runs wait for it: in this process on a lock, across
 * processes on the table's primary key. A first attempt that failed with 5xx (database away) frees
 * the key, so that the retry the message asks for can succeed.
 */
public final class Idempotency {
    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

    public static final String HEADER = "Idempotency-Key";
    public static final Duration KEPT = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{8,128}");
    /** How long a repeat waits for a first request running in another process. */
    private static final Duration WAIT_ELSEWHERE = Duration.ofSeconds(10);

    private final IdempotencyStore store;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) stripes[i] = new ReentrantLock();
    }

    /**
     * Runs {@code handler} at most once per (user, key) and returns its rendered answer, or the
     * first answer again. Without the header the handler just runs. Never throws: failures are
     * returned for {@link Replies} like a handler's.
     */
    Object run(Call call, String method, Supplier<Object> handler) {
        String key = call.header(HEADER);
        if (key == null) return handler.get();
        key = key.strip();
        if (!KEY.matcher(key).matches()) {
            return ApiException.invalid(HEADER, "سرآیند Idempotency-Key باید ۸ تا ۱۲۸ نویسه از حروف لاتین، رقم و ـ . : باشد");
        }
        String what = method + " " + call.path();
        String fingerprint = fingerprint(what, call.rawBody());
        String user = call.username();
        ReentrantLock lock = stripes[Math.floorMod((user + '\u0000' + key).hashCode(), stripes.length)];
        lock.lock();
        try {
            Optional<Object> earlier = claimOrEarlier(user, key, fingerprint);
            if (earlier.isPresent()) return earlier.get();
            Object result = handler.get();
            if (result instanceof Reply.File) { // never for a change; kept out of the table rather than half-stored
                store.release(user, key);
                return result;
            }
            Replies.Rendered r = Replies.render(result, what);
            try {
                if (r.status() >= 500) store.release(user, key);
                else store.complete(user, key, r.status(), r.contentType(), keptBody(r.body()));
            } catch (RuntimeException e) {
                log.warn("console: the answer to {} with an idempotency key could not be kept ({}); a repeat will wait and then be refused",
                        what, e.getMessage());
            }
            return r;
        } catch (RuntimeException e) {
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** Empty when this request now owns the key; else the answer for the repeat. */
    private Optional<Object> claimOrEarlier(String user, String key, String fingerprint) {
        long deadline = System.nanoTime() + WAIT_ELSEWHERE.toNanos();
        while (true) {
            Instant now = clock.instant();
            Optional<IdempotencyStore.Entry> e = store.find(user, key, now);
            if (e.isEmpty()) {
                if (store.claim(user, key, fingerprint, now, now.plus(KEPT))) return Optional.empty();
                continue; // another process claimed it between our read and our insert
            }
            IdempotencyStore.Entry entry = e.get();
            if (!entry.fingerprint().equals(fingerprint)) {
                return Optional.of(new ApiException(422, "idempotency_key_reused",
                        "این Idempotency-Key پیش‌تر برای درخواست دیگری به کار رفته است؛ برای درخواست تازه کلید تازه بفرستید", HEADER));
            }
            if (entry.done()) {
                Map<String, String> headers = new HashMap<>();
                headers.put("Idempotent-Replayed", "true");
                return Optional.of(new Replies.Rendered(entry.status(), entry.contentType(), entry.body(), headers));
            }
            if (System.nanoTime() > deadline) {
                return Optional.of(new ApiException(409, "request_in_progress",
                        "همین درخواست هنوز در جریان است؛ چند لحظه دیگر دوباره بکوشید", null, Map.of("Retry-After", "2")));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100); // the first request runs in another process: poll its row
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return Optional.of(new ApiException(503, "unavailable", "درخواست نیمه‌کاره ماند؛ دوباره بکوشید", null));
            }
        }
    }

    private static String keptBody(String body) {
        if (body == null || body.length() <= IdempotencyStore.MAX_BODY) return body;
        return "{\"replayed\":true,\"message\":\"این درخواست پیش‌تر انجام شده است\"}";
    }

    /** The request as far as a repeat must match it: method, path and the exact body. */
    static String fingerprint(String what, Buffer body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(what.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            if (body != null) sha.update(body.getBytes());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets answers older than 24 hours. */
    public void sweep() {
        try {
            int n = store.sweep(clock.instant());
            if (n > 0) log.debug("console: {} idempotency keys expired", n);
        } catch (RuntimeException e) {
            log.warn("console: expired idempotency keys not swept ({})", e.getMessage());
        }
    }
}
