package ir.line111.console.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import ir.line111.console.http.ApiException;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.events.QueueState;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * Operators' queue presence as the console knows it. Changes are asked of the AMI adapter over the
 * event bus ({@link EventAddresses#PRESENCE}, request/reply); the console only records what the
 * adapter confirmed, and what the call events say (on a call, wrap-up).
 */
public final class Presence {

    /** {@code wrapUpSeconds} only in WRAP_UP: how long Asterisk keeps the operator's phone quiet after the call. */
    public record State(String state, String reason, String device, Instant since, String callId, Integer wrapUpSeconds,
                        String wrapUpSource) {
        State(String state, String reason, String device, Instant since, String callId) {
            this(state, reason, device, since, callId, null, null);
        }

        JsonObject json() {
            JsonObject o = new JsonObject().put("state", state).put("since", since.toString());
            if (reason != null) o.put("reason", reason);
            if (device != null) o.put("device", device);
            if (callId != null) o.put("callId", callId);
            if (wrapUpSeconds != null) o.put("wrapUpSeconds", wrapUpSeconds).put("wrapUpSource", wrapUpSource);
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
    private final IntSupplier configuredWrapUpSeconds;

    public Presence(Vertx vertx, Clock clock, Journal journal) {
        this(vertx, clock, journal, () -> 0);
    }

    /** {@code configuredWrapUpSeconds}: used only while Asterisk has not told the member's wrap-up time (never blocks). */
    public Presence(Vertx vertx, Clock clock, Journal journal, IntSupplier configuredWrapUpSeconds) {
        this.vertx = vertx;
        this.clock = clock;
        this.journal = journal;
        this.configuredWrapUpSeconds = configuredWrapUpSeconds;
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
                // the AMI adapter's codes: 400 bad request, 409 Asterisk refused, 503 no AMI link
                // Asterisk's own words are English: they go to the log, people read Persian
                org.slf4j.LoggerFactory.getLogger(Presence.class).info("queue action refused ({}): {}", re.failureCode(), re.getMessage());
                throw switch (re.failureCode()) {
                    case 503 -> ApiException.unavailable("ami_unavailable", "ارتباط با مرکز تلفن (AMI) برقرار نیست");
                    case 409 -> ApiException.conflict("مرکز تلفن این درخواست را نپذیرفت");
                    default -> ApiException.invalid("action", "درخواست نامعتبر برای مرکز تلفن");
                };
            }
            throw ApiException.unavailable("ami_unavailable", "ارتباط با مرکز تلفن (AMI) برقرار نیست؛ وضعیت صف تغییر نکرد");
        } catch (TimeoutException e) {
            throw ApiException.unavailable("ami_unavailable", "مرکز تلفن (AMI) پاسخ نداد؛ وضعیت صف تغییر نکرد");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("ami_unavailable", "interrupted");
        }
        if (reply.containsKey("ok") && !reply.getBoolean("ok", true)) {
            org.slf4j.LoggerFactory.getLogger(Presence.class).info("queue action refused: {}", reply.getString("error", "?"));
            throw ApiException.invalid("action", "مرکز تلفن این درخواست را نپذیرفت");
        }
        // Log-in adds the device to the queue paused, so no call rings before the operator says ready.
        String state = switch (action) {
            case "login" -> reply.getBoolean("ready", false) ? "READY" : "PAUSED";
            case "ready" -> "READY";
            case "pause" -> "PAUSED";
            default -> "LOGGED_OUT";
        };
        if (device != null) userByDevice.put(device.toLowerCase(), username);
        State s = new State(state, "pause".equals(action) ? reason : null, device, clock.instant(), null);
        byUser.put(username, s);
        journal.record(username, device, action.toUpperCase(), reason, null, null);
        return s.json();
    }

    void onCall(String operator, String operatorName, String callId) {
        String user = operatorName != null && byUser.containsKey(operatorName) ? operatorName : user(operator);
        if (user != null) {
            State old = byUser.get(user);
            byUser.put(user, new State("ON_CALL", null, old == null ? operator : old.device(), clock.instant(), callId));
        }
    }

    /** {@code asteriskSeconds}: the member's Wrapuptime as AMI reported it, null when it did not. */
    void wrapUp(String operator, String operatorName, String callId, Integer asteriskSeconds) {
        String user = operatorName != null && byUser.containsKey(operatorName) ? operatorName : user(operator);
        if (user != null) {
            State old = byUser.get(user);
            boolean told = asteriskSeconds != null && asteriskSeconds > 0;
            byUser.put(user, new State("WRAP_UP", null, old == null ? operator : old.device(), clock.instant(), callId,
                    told ? asteriskSeconds : configuredWrapUpSeconds.getAsInt(), told ? "asterisk" : "config"));
        }
    }

    /**
     * Asterisk's queue is the truth about who is in it and who is paused (a restarted console knew nobody,
     * showed LOGGED_OUT and then had its log-in refused). The console only adds ON_CALL and WRAP_UP, and
     * a change it made after the snapshot was taken is not undone by it.
     */
    void fromQueue(QueueState state) {
        if (state == null || !state.known()) return;
        Instant at = state.at() == null ? clock.instant() : state.at();
        Set<String> inQueue = new HashSet<>();
        for (QueueState.Member m : state.members()) {
            String device = m.operator();
            // The member name is the username the console logged in with; a static member's is often its device.
            String user = m.name();
            if (user == null || user.isBlank() || user.contains("/")) user = user(device);
            if (user != null && user.contains("/")) user = null;
            if (user == null || user.isBlank()) continue;
            inQueue.add(user);
            if (device != null) userByDevice.put(device.toLowerCase(), user);
            State old = byUser.get(user);
            if (old != null && old.since().isAfter(at)) continue;
            boolean paused = m.paused();
            String reason = paused ? m.reason() : null;
            String want = paused ? "PAUSED" : old != null && (old.state().equals("ON_CALL") || old.state().equals("WRAP_UP"))
                    ? old.state() : "READY";
            if (old == null || !want.equals(old.state()) || !java.util.Objects.equals(reason, old.reason())) {
                byUser.put(user, new State(want, reason, device, at, old == null ? null : old.callId()));
            }
        }
        byUser.forEach((user, s) -> {
            if (!inQueue.contains(user) && !s.state().equals("LOGGED_OUT") && !s.since().isAfter(at)) {
                byUser.put(user, new State("LOGGED_OUT", null, s.device(), at, null));
            }
        });
    }

    public String user(String operator) {
        if (operator == null) return null;
        if (byUser.containsKey(operator)) return operator;
        return userByDevice.get(operator.toLowerCase());
    }
}
