package ir.line111.console.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.security.Role;
import ir.line111.console.security.Session;
import ir.line111.console.security.SessionStore;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.identity.NationalId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The bridge from the event bus to the browsers' WebSockets. Deny by default: only the four
 * addresses below are forwarded, each only to the roles that need it, and a screen-pop only to the
 * operator the call connected to. The handshake must come from the console's own origin and carry
 * a live session.
 */
public final class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private record Client(ServerWebSocket socket, Session session) {}

    private final Vertx vertx;
    private final SessionStore sessions;
    private final Set<String> extraOrigins;
    private final Map<ServerWebSocket, Client> clients = new ConcurrentHashMap<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final Presence presence;
    private final Consumer<JsonObject> onAbandoned;
    private final Consumer<JsonObject> onWrapUp;
    private volatile JsonObject lastQueueState = new JsonObject().put("known", false);
    private long sweepTimer = -1;

    public LiveEvents(Vertx vertx, SessionStore sessions, Set<String> extraOrigins, Presence presence,
                      Consumer<JsonObject> onAbandoned, Consumer<JsonObject> onWrapUp) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.extraOrigins = Set.copyOf(extraOrigins);
        this.presence = presence;
        this.onAbandoned = onAbandoned;
        this.onWrapUp = onWrapUp;
    }

    public void start() {
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.SCREEN_POP, m -> screenPop(asJson(m.body()))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.QUEUE_STATE, m -> queueState(asJson(m.body()))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.CALL_WRAP_UP, m -> wrapUp(asJson(m.body()))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.QUEUE_ABANDONED, m -> abandoned(asJson(m.body()))));
        sweepTimer = vertx.setPeriodic(15_000, t -> clients.values().forEach(c -> {
            if (!sessions.alive(c.session())) expire(c);
        }));
    }

    public void stop() {
        consumers.forEach(MessageConsumer::unregister);
        if (sweepTimer >= 0) vertx.cancelTimer(sweepTimer);
        clients.keySet().forEach(ws -> ws.close((short) 1001, "server stopping"));
        clients.clear();
    }

    public JsonObject lastQueueState() { return lastQueueState; }

    public int connected() { return clients.size(); }

    /** The handshake: same origin (or a configured one) and a live session, else refused before the upgrade. */
    public void handshake(ServerWebSocketHandshake hs) {
        if (!"/ws".equals(hs.path())) {
            hs.reject(404);
            return;
        }
        String origin = hs.headers().get("Origin");
        String host = hs.headers().get("Host");
        if (!originAllowed(origin, host)) {
            log.warn("WebSocket refused: origin {} is not the console's ({})", origin, host);
            hs.reject(403);
            return;
        }
        Session s = sessionOf(hs.headers().get("Cookie"));
        if (s == null) {
            hs.reject(401);
            return;
        }
        hs.accept().onSuccess(ws -> open(ws, s));
    }

    boolean originAllowed(String origin, String host) {
        if (origin == null || origin.isBlank()) return false;
        if (extraOrigins.contains(origin)) return true;
        try {
            URI u = URI.create(origin);
            if (u.getHost() == null || host == null) return false;
            String authority = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Session sessionOf(String cookieHeader) {
        if (cookieHeader == null) return null;
        for (String part : cookieHeader.split(";")) {
            String p = part.strip();
            if (p.startsWith(ir.line111.console.http.ApiRoutes.SESSION_COOKIE + "=")) {
                String id = p.substring(ir.line111.console.http.ApiRoutes.SESSION_COOKIE.length() + 1);
                if (sessions.touch(id) instanceof SessionStore.Lookup.Found f) return f.session();
            }
        }
        return null;
    }

    private void open(ServerWebSocket ws, Session s) {
        Client c = new Client(ws, s);
        clients.put(ws, c);
        ws.closeHandler(v -> clients.remove(ws));
        ws.exceptionHandler(e -> clients.remove(ws));
        ws.textMessageHandler(text -> {
            if (!sessions.alive(s)) {
                expire(c);
                return;
            }
            JsonObject msg;
            try {
                msg = new JsonObject(text);
            } catch (RuntimeException e) {
                return;
            }
            if ("ping".equals(msg.getString("type"))) send(c, "pong", new JsonObject());
        });
        JsonArray roles = new JsonArray();
        s.user().roles().forEach(r -> roles.add(r.wire()));
        send(c, "hello", new JsonObject().put("username", s.username()).put("roles", roles));
        if (s.has(Role.SUPERVISOR) || s.has(Role.OPERATOR)) send(c, "queue-state", forRole(lastQueueState, s));
    }

    private void expire(Client c) {
        send(c, "session-expired", new JsonObject());
        clients.remove(c.socket());
        c.socket().close((short) 4401, "session expired");
    }

    private void send(Client c, String type, JsonObject data) {
        if (c.socket().isClosed()) {
            clients.remove(c.socket());
            return;
        }
        c.socket().writeTextMessage(new JsonObject().put("type", type).put("data", data).encode());
    }

    private void forEachLive(java.util.function.Predicate<Session> who, String type, java.util.function.Function<Session, JsonObject> data) {
        for (Client c : clients.values()) {
            if (!sessions.alive(c.session())) {
                expire(c);
                continue;
            }
            if (who.test(c.session())) send(c, type, data.apply(c.session()));
        }
    }

    void screenPop(JsonObject pop) {
        if (pop == null) return;
        String operator = pop.getString("operator");
        presence.onCall(operator, pop.getString("callId"));
        forEachLive(s -> s.has(Role.OPERATOR) && isOperator(s, operator), "screen-pop", s -> {
            s.allowRecording(pop.getLong("spokenIdRecordingId"));
            return pop;
        });
    }

    private static boolean isOperator(Session s, String operator) {
        if (operator == null) return false;
        return operator.equals(s.username()) || (s.device() != null && operator.equalsIgnoreCase(s.device()));
    }

    void queueState(JsonObject state) {
        if (state == null) return;
        lastQueueState = state.copy().put("known", state.getBoolean("known", true));
        forEachLive(s -> s.has(Role.SUPERVISOR) || s.has(Role.OPERATOR), "queue-state", s -> forRole(lastQueueState, s));
    }

    void wrapUp(JsonObject w) {
        if (w == null) return;
        String operator = w.getString("operator");
        presence.wrapUp(operator, w.getString("callId"));
        onWrapUp.accept(w);
        forEachLive(s -> s.has(Role.SUPERVISOR) || (s.has(Role.OPERATOR) && isOperator(s, operator)), "wrap-up", s -> w);
    }

    void abandoned(JsonObject a) {
        if (a == null) return;
        onAbandoned.accept(a);
        forEachLive(s -> s.has(Role.SUPERVISOR) || s.has(Role.OPERATOR), "queue-abandoned", s -> a);
    }

    /** Supervisors and operators see callers' national IDs masked; operators do not see other operators' reasons. */
    public static JsonObject forRole(JsonObject state, Session s) {
        JsonObject out = state.copy();
        JsonArray callers = out.getJsonArray("callers");
        if (callers != null) {
            JsonArray masked = new JsonArray();
            for (Object o : callers) {
                if (!(o instanceof JsonObject c)) continue;
                JsonObject m = c.copy();
                String id = (String) m.remove("nationalId");
                m.remove("subjectNationalId");
                if (id != null) m.put("nationalIdMasked", mask(id));
                masked.add(m);
            }
            out.put("callers", masked);
        }
        if (!s.has(Role.SUPERVISOR) && out.getJsonArray("members") != null) {
            JsonArray members = new JsonArray();
            for (Object o : out.getJsonArray("members")) {
                if (o instanceof JsonObject m) members.add(new JsonObject().put("operator", m.getString("operator")).put("state", m.getString("state")));
            }
            out.put("members", members);
        }
        return out;
    }

    static String mask(String id) {
        return switch (NationalId.parse(id)) {
            case NationalId.Parsed.Valid v -> v.id().masked();
            case NationalId.Parsed.Invalid i -> "***";
        };
    }

    private static JsonObject asJson(Object body) {
        return switch (body) {
            case JsonObject o -> o;
            case String s -> {
                try {
                    yield new JsonObject(s);
                } catch (RuntimeException e) {
                    log.warn("ignored an event-bus message that is not JSON");
                    yield null;
                }
            }
            case null, default -> null;
        };
    }
}
