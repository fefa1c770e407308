package ir.line111.console.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import ir.line111.console.http.ApiException;
import ir.line111.core.domain.events.EventAddresses;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Operators' queue presence as the console knows it. Changes are asked of the AMI adapter over the
 * event bus ({@link EventAddresses#PRESENCE}, request/reply); the console only records what the
 * adapter confirmed, and what the call events say (on a call, wrap-up).
 */
public final class Presence {

    public record State(String state, String reason, String device, Instant since, String callId) {
        JsonObject json() {
            JsonObject o = new JsonObject().put("state", state).put("since", since.toString());
            if (reason != null) o.put("reason", reason);
            if (device != null) o.put("device", device);
            if (callId != null) o.put("callId", callId);
            return o;
        }
    }

    /** Persisted for the operator-activity report; never throws into the caller. */
    public interface Journal {
        void record(String username, String device, String event, String reason, String callId, Integer talkSeconds);
    }

    private final Vertx vertx;
    private final Clock clock;
    private final Journal journal;
    private final Map<String, State> byUser = new ConcurrentHashMap<>();
    private final Map<String, String> userByDevice = new ConcurrentHashMap<>();

    public Presence(Vertx vertx, Clock clock, Journal journal) {
        this.vertx = vertx;
        this.clock = clock;
        this.journal = journal;
    }

    public JsonObject of(String username) {
        return byUser.getOrDefault(username, new State("LOGGED_OUT", null, null, clock.instant(), null)).json();
    }

    /** Blocking (call it off the event loop): asks the AMI adapter and waits for its answer. */
    public JsonObject change(String username, String action, String device, String reason) {
        JsonObject request = new JsonObject().put("action", action).put("operator", username).put("device", device);
        if (reason != null) request.put("reason", reason);
        JsonObject reply;
        try {
            Message<Object> m = vertx.eventBus().request(EventAddresses.PRESENCE, request, new DeliveryOptions().setSendTimeout(5000))
                    .toCompletionStage().toCompletableFuture().get(6, TimeUnit.SECONDS);
            reply = m.body() instanceof JsonObject o ? o : new JsonObject();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReplyException re && re.failureCode() > 0) {
                throw ApiException.invalid("action", "مرکز تلفن نپذیرفت: " + re.getMessage());
            }
            throw ApiException.unavailable("ami_unavailable", "ارتباط با مرکز تلفن (AMI) برقرار نیست؛ وضعیت صف تغییر نکرد");
        } catch (TimeoutException e) {
            throw ApiException.unavailable("ami_unavailable", "مرکز تلفن (AMI) پاسخ نداد؛ وضعیت صف تغییر نکرد");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("ami_unavailable", "interrupted");
        }
        if (reply.containsKey("ok") && !reply.getBoolean("ok", true)) {
            throw ApiException.invalid("action", "مرکز تلفن نپذیرفت: " + reply.getString("error", "?"));
        }
        String state = switch (action) {
            case "login", "ready" -> "READY";
            case "pause" -> "PAUSED";
            default -> "LOGGED_OUT";
        };
        if (device != null) userByDevice.put(device.toLowerCase(), username);
        State s = new State(reply.getString("state", state), "pause".equals(action) ? reason : null, device, clock.instant(), null);
        byUser.put(username, s);
        journal.record(username, device, action.toUpperCase(), reason, null, null);
        return s.json();
    }

    void onCall(String operator, String callId) {
        String user = user(operator);
        if (user != null) {
            State old = byUser.get(user);
            byUser.put(user, new State("ON_CALL", null, old == null ? operator : old.device(), clock.instant(), callId));
        }
    }

    void wrapUp(String operator, String callId) {
        String user = user(operator);
        if (user != null) {
            State old = byUser.get(user);
            byUser.put(user, new State("WRAP_UP", null, old == null ? operator : old.device(), clock.instant(), callId));
        }
    }

    public String user(String operator) {
        if (operator == null) return null;
        if (byUser.containsKey(operator)) return operator;
        return userByDevice.get(operator.toLowerCase());
    }
}
