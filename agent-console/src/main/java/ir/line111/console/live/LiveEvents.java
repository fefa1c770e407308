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
    private final Origins origins;
    private final Map<ServerWebSocket, Client> clients = new ConcurrentHashMap<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final Presence presence;
    private final Hooks hooks;
    private volatile JsonObject lastQueueState = new JsonObject().put("known", false);
    private long sweepTimer = -1;

    /**
     * What the console does around the events: record abandoned calls and wrap-ups, fill in a
     * screen-pop's earlier cases from the registry when the AMI adapter sent none (blocking, run on
     * {@code blocking}), and audit each national ID shown to an operator.
     */
    public record Hooks(Consumer<JsonObject> onAbandoned, Consumer<JsonObject> onWrapUp,
                        java.util.function.UnaryOperator<JsonObject> enrichScreenPop,
                        java.util.function.BiConsumer<Session, JsonObject> screenPopShown,
                        java.util.concurrent.Executor blocking) {}

    public LiveEvents(Vertx vertx, SessionStore sessions, Origins origins, Presence presence, Hooks hooks) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.origins = origins;
        this.presence = presence;
        this.hooks = hooks;
    }

    public void start() {
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.SCREEN_POP, m -> screenPop(asJson(m.body()))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.QUEUE_STATE, m -> queueState(asJson(m.body()))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.CALL_WRAP_UP, m -> wrapUp(asJson(m.body()))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.QUEUE_ABANDONED, m -> abandoned(asJson(m.body()))));
        sweepTimer = vertx.setPeriodic(15_000, t -> clients.values().forEach(c -> {
            if (!sessions.alive(c.session())) expire(c);
        }));
        askForQueueState();
    }

    /**
     * The AMI adapter may have re-synced before this console listened, and an idle queue publishes
     * nothing: ask for its state, and wait briefly (off the event loop) so the first /api/queue has it.
     * No answer (no AMI adapter in this process) leaves the queue unknown until it publishes.
     */
    private void askForQueueState() {
        var answered = vertx.eventBus().<Object>request(EventAddresses.QUEUE_STATE_REQUEST, new JsonObject(),
                        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(2000))
                .map(m -> {
                    queueState(asJson(m.body()));
                    return m;
                })
                .onFailure(e -> log.debug("no queue state from the AMI adapter at start: {}", e.getMessage()));
        if (io.vertx.core.Context.isOnVertxThread()) return;
        try {
            answered.toCompletionStage().toCompletableFuture().get(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // logged above; the queue stays unknown until the adapter publishes
        }
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
        if (!origins.allows(origin)) {
            log.warn("WebSocket refused: origin {} is not one of the console's", origin == null ? null
                    : origin.length() > 100 ? origin.substring(0, 100) + "…" : origin);
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

    void screenPop(JsonObject raw) {
        if (raw == null) return;
        String operator = raw.getString("operator");
        String operatorName = raw.getString("operatorName");
        presence.onCall(operator, operatorName, raw.getString("callId"));
        io.vertx.core.Context context = vertx.getOrCreateContext();
        hooks.blocking().execute(() -> {
            JsonObject pop;
            try {
                pop = hooks.enrichScreenPop().apply(raw);
            } catch (RuntimeException e) {
                log.warn("screen-pop {}: earlier cases not available ({}); shown without them", raw.getString("callId"), e.getMessage());
                pop = raw;
            }
            JsonObject shown = pop;
            context.runOnContext(v -> forEachLive(s -> s.has(Role.OPERATOR) && isOperator(s, operator, operatorName), "screen-pop", s -> {
                Object rec = shown.getValue("spokenIdRecordingId");
                if (rec instanceof Number n) s.allowRecording(n.longValue());
                hooks.screenPopShown().accept(s, shown);
                return shown;
            }));
        });
    }

    /** The AMI adapter names the member interface (PJSIP/1001) and the member name the console logged in with. */
    private static boolean isOperator(Session s, String operator, String operatorName) {
        if (operatorName != null && operatorName.equals(s.username())) return true;
        if (operator == null) return false;
        return operator.equals(s.username()) || (s.device() != null && operator.equalsIgnoreCase(s.device()));
    }

    void queueState(JsonObject state) {
        if (state == null) return;
        presence.fromQueue(state);
        lastQueueState = normalise(state);
        forEachLive(s -> s.has(Role.SUPERVISOR) || s.has(Role.OPERATOR), "queue-state", s -> forRole(lastQueueState, s));
    }

    void wrapUp(JsonObject w) {
        if (w == null) return;
        String operator = w.getString("operator");
        String operatorName = w.getString("operatorName");
        presence.wrapUp(operator, operatorName, w.getString("callId"), w.getInteger("wrapUpSeconds"));
        hooks.onWrapUp().accept(w);
        forEachLive(s -> s.has(Role.SUPERVISOR) || (s.has(Role.OPERATOR) && isOperator(s, operator, operatorName)), "wrap-up", s -> w);
    }

    void abandoned(JsonObject a) {
        if (a == null) return;
        hooks.onAbandoned().accept(a);
        forEachLive(s -> s.has(Role.SUPERVISOR) || s.has(Role.OPERATOR), "queue-abandoned", s -> a);
    }

    /**
     * The AMI adapter's snapshot in the contract's shape (openapi.yaml, QueueState), its own fields kept:
     * members' interface becomes {@code operator}, their lower-case state the console's state names,
     * the service-level object a share with {@code today} beside it.
     */
    JsonObject normalise(JsonObject in) {
        JsonObject out = in.copy();
        out.put("known", in.getBoolean("known", in.getBoolean("connected", true)));
        JsonArray members = in.getJsonArray("members");
        if (members != null) {
            JsonArray ms = new JsonArray();
            for (Object o : members) {
                if (!(o instanceof JsonObject m)) continue;
                JsonObject n = m.copy();
                String iface = m.getString("operator", m.getString("interface"));
                n.put("operator", iface);
                if (!n.containsKey("username")) {
                    String user = presence.user(iface);
                    if (user == null && m.getString("name") != null) user = presence.user(m.getString("name"));
                    if (user != null) n.put("username", user);
                }
                String st = m.getString("state");
                if (st != null) {
                    n.put("state", switch (st) {
                        case "available" -> "READY";
                        case "busy" -> "ON_CALL";
                        case "paused" -> "PAUSED";
                        case "unavailable" -> "UNAVAILABLE";
                        default -> st;
                    });
                }
                if (!n.containsKey("reason") && m.getString("pausedReason") != null) n.put("reason", m.getString("pausedReason"));
                ms.add(n);
            }
            out.put("members", ms);
        }
        if (in.getValue("serviceLevel") instanceof JsonObject sl) {
            Number pct = sl.getNumber("percent");
            Double share = pct == null ? null : (pct.doubleValue() > 1 ? pct.doubleValue() / 100 : pct.doubleValue());
            out.put("serviceLevel", share);
            if (!in.containsKey("today")) {
                out.put("today", new JsonObject().put("answered", sl.getValue("answered")).put("abandoned", sl.getValue("abandoned"))
                        .put("answeredWithin", sl.getValue("answeredWithin")).put("thresholdSeconds", sl.getValue("thresholdSeconds"))
                        .put("serviceLevel", share));
            }
        }
        if (!out.containsKey("at")) out.put("at", java.time.Instant.now().toString());
        return out;
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
                if (o instanceof JsonObject m) {
                    members.add(new JsonObject().put("operator", m.getString("operator")).put("name", m.getString("name"))
                            .put("username", m.getString("username")).put("state", m.getString("state")));
                }
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
