package ir.line111.ivr.ami;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * The console's presence requests on {@code EventAddresses.PRESENCE}: {action: login|ready|pause|logout,
 * operator, device, reason}. Log in adds the device to the queue paused (so no call rings before the
 * operator says ready) unless {@code ready: true}; ready unpauses; pause pauses with the reason; log out
 * removes the device. Replies {ok, action, state (READY|PAUSED|LOGGED_OUT), operator, device, queue, reason,
 * message}; failures come back as
 * {@code fail(code, message)} in words an operator can act on.
 */
final class PresenceHandler {

    private static final Logger log = LoggerFactory.getLogger(PresenceHandler.class);

    /** Failure codes in the reply: the request was wrong / Asterisk said no / no AMI link. */
    static final int BAD_REQUEST = 400, REFUSED = 409, UNAVAILABLE = 503;

    /** Sends an action and waits (off the event loop). */
    @FunctionalInterface
    interface Sender {
        ManagerResponse send(ManagerAction action) throws IOException, TimeoutException;
    }

    private final String queue;
    private final Sender sender;
    private final Executor blocking;

    PresenceHandler(String queue, Sender sender, Executor blocking) {
        this.queue = queue;
        this.sender = sender;
        this.blocking = blocking;
    }

    void handle(Message<Object> msg) {
        if (!(msg.body() instanceof JsonObject body)) {
            msg.fail(BAD_REQUEST, "presence request must be a JSON object {action, operator, device, reason}");
            return;
        }
        String action = body.getString("action", "").strip().toLowerCase(Locale.ROOT);
        String operator = body.getString("operator", "").strip();
        String device = body.getString("device", "").strip();
        String reason = body.getString("reason", "").strip();
        if (!action.matches("login|ready|pause|logout")) {
            msg.fail(BAD_REQUEST, "unknown presence action '" + action + "': use login, ready, pause or logout");
            return;
        }
        if (device.isEmpty()) {
            msg.fail(BAD_REQUEST, "no device given: the operator's phone interface (e.g. PJSIP/1001) is needed to " + action);
            return;
        }
        if (action.equals("login") && operator.isEmpty()) {
            msg.fail(BAD_REQUEST, "no operator given: log in needs the operator's name");
            return;
        }
        ManagerAction a = switch (action) {
            case "login" -> {
                QueueAddAction add = new QueueAddAction(queue, device);
                add.setMemberName(operator);
                add.setPaused(!body.getBoolean("ready", false));
                yield add;
            }
            case "ready" -> new QueuePauseAction(device, queue, false);
            case "pause" -> {
                QueuePauseAction p = new QueuePauseAction(device, queue, true);
                if (!reason.isEmpty()) p.setReason(reason);
                yield p;
            }
            default -> new QueueRemoveAction(queue, device);
        };
        blocking.execute(() -> {
            try {
                ManagerResponse r = sender.send(a);
                if (r instanceof ManagerError err) {
                    String m = explain(action, operator, device, err.getMessage());
                    log.warn("presence {} for {} on {} refused by Asterisk: {}", action, operator, device, err.getMessage());
                    msg.fail(REFUSED, m);
                    return;
                }
                log.info("presence {} for {} on {}{}", action, operator, device, reason.isEmpty() ? "" : " (" + reason + ")");
                boolean readyNow = action.equals("ready") || (action.equals("login") && body.getBoolean("ready", false));
                String state = switch (action) {
                    case "logout" -> "LOGGED_OUT";
                    default -> readyNow ? "READY" : "PAUSED";
                };
                msg.reply(new JsonObject().put("ok", true).put("action", action).put("state", state).put("operator", operator)
                        .put("device", device).put("queue", queue).put("reason", reason.isEmpty() ? null : reason)
                        .put("message", r.getMessage()));
            } catch (AmiLink.NotConnected e) {
                msg.fail(UNAVAILABLE, "Asterisk is not connected right now, so " + action
                        + " could not be done; try again in a moment");
            } catch (TimeoutException e) {
                msg.fail(UNAVAILABLE, "Asterisk did not answer the " + action + " request in time; try again");
            } catch (IOException | RuntimeException e) {
                msg.fail(UNAVAILABLE, "the " + action + " request could not be sent to Asterisk: " + e.getMessage());
            }
        });
    }

    /** Asterisk's error texts (see the traces) in the operator's terms. */
    String explain(String action, String operator, String device, String amiMessage) {
        String m = amiMessage == null ? "" : amiMessage;
        String who = operator.isEmpty() ? device : operator + " (" + device + ")";
        if (m.contains("Already there")) return who + " is already logged in to queue " + queue;
        if (m.contains("No such queue")) return "queue " + queue + " does not exist in Asterisk (check ami.queue and queues.conf)";
        if (m.contains("Not there")) return who + " is not logged in to queue " + queue;
        if (m.contains("Interface not found")) return who + " is not logged in to queue " + queue + "; log in first";
        if (m.contains("Member not dynamic")) return who + " is a fixed member of queue " + queue + " (queues.conf) and cannot log out here";
        if (m.contains("Permission denied")) return "the AMI user may not change queue members (manager.conf needs write=agent)";
        return action + " for " + who + " failed: Asterisk said \"" + m + "\"";
    }
}
