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
import ir.line111.core.domain.events.QueueAbandoned;
import ir.line111.core.domain.events.QueueState;
import ir.line111.core.domain.events.ScreenPop;
import ir.line111.core.domain.events.WrapUp;
import ir.line111.core.events.EventJson;
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
 * a live session. The events are core's records, read with core's one codec ({@link EventJson}); a
 * browser gets the same fields, national IDs masked where its role should not see them.
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
    private volatile QueueState lastQueueState = QueueState.unknown(null, java.time.Instant.now());
    private long sweepTimer = -1;

    /**
     * What the console does around the events (none may block the event loop): record abandoned calls,
     * wrap-ups and screen-pops, and audit each national ID shown to an operator. The earlier cases come
     * with the screen-pop (the AMI adapter looked them up once); the console looks nothing up.
     */
    public record Hooks(Consumer<QueueAbandoned> onAbandoned, Consumer<WrapUp> onWrapUp, Consumer<ScreenPop> onScreenPop,
                        java.util.function.BiConsumer<Session, ScreenPop> screenPopShown) {}

    public LiveEvents(Vertx vertx, SessionStore sessions, Origins origins, Presence presence, Hooks hooks) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.origins = origins;
        this.presence = presence;
        this.hooks = hooks;
    }

    public void start() {
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.SCREEN_POP, m -> screenPop(decode(m.body(), ScreenPop.class))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.QUEUE_STATE, m -> queueState(decode(m.body(), QueueState.class))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.CALL_WRAP_UP, m -> wrapUp(decode(m.body(), WrapUp.class))));
        consumers.add(vertx.eventBus().<Object>consumer(EventAddresses.QUEUE_ABANDONED, m -> abandoned(decode(m.body(), QueueAbandoned.class))));
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
                    queueState(decode(m.body(), QueueState.class));
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

    public QueueState lastQueueState() { return lastQueueState; }

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

    void screenPop(ScreenPop pop) {
        if (pop == null) return;
        presence.onCall(pop.operator(), pop.operatorName(), pop.callId());
        hooks.onScreenPop().accept(pop);
        JsonObject shown = json(pop);
        forEachLive(s -> s.has(Role.OPERATOR) && isOperator(s, pop.operator(), pop.operatorName()), "screen-pop", s -> {
            if (pop.spokenIdRecordingId() != null) s.allowRecording(pop.spokenIdRecordingId());
            hooks.screenPopShown().accept(s, pop);
            return shown;
        });
    }

    /** The AMI adapter names the member interface (PJSIP/1001) and the member name the console logged in with. */
    private static boolean isOperator(Session s, String operator, String operatorName) {
        if (operatorName != null && operatorName.equals(s.username())) return true;
        if (operator == null) return false;
        return operator.equals(s.username()) || (s.device() != null && operator.equalsIgnoreCase(s.device()));
    }

    void queueState(QueueState state) {
        if (state == null) return;
        presence.fromQueue(state);
        lastQueueState = state.withMembers(state.members().stream().map(m -> m.username() != null ? m
                : m.withUsername(presence.user(m.operator()) != null ? presence.user(m.operator()) : presence.user(m.name()))).toList());
        forEachLive(s -> s.has(Role.SUPERVISOR) || s.has(Role.OPERATOR), "queue-state", s -> forRole(lastQueueState, s));
    }

    void wrapUp(WrapUp w) {
        if (w == null) return;
        presence.wrapUp(w.operator(), w.operatorName(), w.callId(), w.wrapUpSeconds());
        hooks.onWrapUp().accept(w);
        JsonObject shown = json(w);
        forEachLive(s -> s.has(Role.SUPERVISOR) || (s.has(Role.OPERATOR) && isOperator(s, w.operator(), w.operatorName())),
                "wrap-up", s -> shown);
    }

    void abandoned(QueueAbandoned a) {
        if (a == null) return;
        hooks.onAbandoned().accept(a);
        JsonObject shown = json(a);
        forEachLive(s -> s.has(Role.SUPERVISOR) || s.has(Role.OPERATOR), "queue-abandoned", s -> shown);
    }

    /** Supervisors and operators see callers' national IDs masked; operators do not see other operators' reasons. */
    public static JsonObject forRole(QueueState state, Session s) {
        JsonObject out = json(state);
        JsonArray callers = new JsonArray();
        for (QueueState.Caller c : state.callers()) {
            JsonObject m = json(c);
            m.remove("nationalId");
            if (c.nationalId() != null) m.put("nationalIdMasked", c.nationalId().masked());
            callers.add(m);
        }
        out.put("callers", callers);
        if (!s.has(Role.SUPERVISOR)) {
            JsonArray members = new JsonArray();
            for (QueueState.Member m : state.members()) {
                members.add(new JsonObject().put("operator", m.operator()).put("name", m.name())
                        .put("username", m.username()).put("state", m.state() == null ? null : m.state().name()));
            }
            out.put("members", members);
        }
        return out;
    }

    /** An event as a browser gets it: the codec's fields, as they crossed the bus. */
    static JsonObject json(Object event) {
        return new JsonObject(EventJson.toMap(event));
    }

    /** Only JSON text of the expected event is taken (what core's codec writes); anything else is logged and dropped. */
    private static <T> T decode(Object body, Class<T> type) {
        if (body instanceof String text) {
            try {
                return EventJson.decode(text, type);
            } catch (IllegalArgumentException e) {
                log.warn("ignored an event-bus message that is not a {}: {}", type.getSimpleName(), e.getMessage());
                return null;
            }
        }
        log.warn("ignored an event-bus message that is not a {} (a {}, not the codec's JSON text)", type.getSimpleName(),
                body == null ? "null" : body.getClass().getSimpleName());
        return null;
    }
}
