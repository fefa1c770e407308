package ir.line111.console.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A browser as far as the API sees one: a cookie jar, the CSRF token from sign-in, the console's origin. */
public final class Browser {

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() { return new JsonObject(body); }
        public String error() { return body.isEmpty() ? null : json().getString("error"); }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private volatile Duration timeout = Duration.ofSeconds(20);

    public Browser(String base) {
        this(base, null);
    }

    /** {@code from}: the local address to connect from (127.0.0.2 is another desk as far as the server can tell); null: any. */
    public Browser(String base, java.net.InetAddress from) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5));
        if (from != null) b.localAddress(from);
        this.http = b.build();
    }

    public String csrf() { return csrf; }
    /** How long a request may take (20 s unless set). */
    public Browser timeout(Duration t) { timeout = t; return this; }
    public void csrf(String token) { csrf = token; }
    public CookieManager cookies() { return cookies; }

    public Response signIn(String username, String password) {
        Response r = send("POST", "/api/session", new JsonObject().put("username", username).put("password", password).encode(), false);
        if (r.status() == 200) csrf = r.json().getString("csrfToken");
        return r;
    }

    public Response get(String path) { return send("GET", path, null, false); }
    public Response post(String path, JsonObject body) { return send("POST", path, body == null ? null : body.encode(), true); }
    public Response put(String path, JsonObject body) { return send("PUT", path, body == null ? null : body.encode(), true); }
    public Response delete(String path) { return send("DELETE", path, null, true); }

    public Response send(String method, String path, String body, boolean withCsrf) {
        return send(method, path, body, withCsrf, List.of());
    }

    public Response send(String method, String path, String body, boolean withCsrf, List<String> headers) {
        return sendAs(method, path, body, body == null ? null : "application/json", withCsrf, headers);
    }

    /** {@code contentType} as given, null for none. */
    public Response sendAs(String method, String path, String body, String contentType, boolean withCsrf, List<String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (withCsrf && csrf != null) b.header("X-CSRF-Token", csrf);
        for (int i = 0; i + 1 < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> bytes(String path, String range) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
        if (range != null) b.header("Range", range);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages a WebSocket received, in order. */
    public static final class Socket implements WebSocket.Listener {
        public final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        public WebSocket ws;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** The next message of this type, skipping others; null after the timeout. */
        public JsonObject next(String type, long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                JsonObject m = messages.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())), TimeUnit.MILLISECONDS);
                if (m != null && type.equals(m.getString("type"))) return m;
            }
            return null;
        }
    }

    /** Opens /ws with the session cookie and the given Origin (null: none). */
    public Socket websocket(String origin) {
        Socket s = new Socket();
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) b.header("Origin", origin);
        s.ws = b.buildAsync(URI.create(base.replace("http://", "ws://") + "/ws"), s).join();
        return s;
    }

    public String origin() { return base; }
}
