package ir.line111.ivr.ami;

import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.queue.QueueLoad;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Puts the monitor's events on the bus and remembers the last queue state, so a console that starts
 * after the re-sync (or any reader of {@link QueueLoad}) gets it without waiting for the next change.
 */
final class QueuePublisher {

    private final BiConsumer<String, JsonObject> bus;
    private volatile JsonObject lastState;
    private volatile QueueLoad.Snapshot load = QueueLoad.Snapshot.UNKNOWN;

    QueuePublisher(BiConsumer<String, JsonObject> bus, String queue) {
        this.bus = bus;
        this.lastState = new JsonObject().put("queue", queue).put("known", false).put("connected", false).put("synced", false);
    }

    void state(JsonObject state) {
        remember(state);
        bus.accept(EventAddresses.QUEUE_STATE, state);
    }

    /** Takes the state as the last one (and the load from it) without publishing it. */
    void remember(JsonObject state) {
        boolean known = state.getBoolean("known", false);
        load = known ? new QueueLoad.Snapshot(true, state.getInteger("callersWaiting"), state.getInteger("operatorsLoggedIn"),
                state.getInteger("operatorsAvailable"), Duration.ofSeconds(state.getLong("estimatedWaitSeconds")))
                : QueueLoad.Snapshot.UNKNOWN;
        lastState = state;
    }

    /** The state last published (a copy): the answer to a console asking on start. */
    JsonObject lastState() {
        return lastState.copy();
    }

    QueueLoad.Snapshot load() {
        return load;
    }

    void screenPop(JsonObject pop) {
        bus.accept(EventAddresses.SCREEN_POP, pop);
    }

    /** After the screen-pop, never before it: the console pairs them. */
    void wrapUp(JsonObject w, CompletableFuture<?> pop) {
        if (pop != null) pop.whenComplete((r, e) -> bus.accept(EventAddresses.CALL_WRAP_UP, w));
        else bus.accept(EventAddresses.CALL_WRAP_UP, w);
    }

    void abandoned(JsonObject a) {
        bus.accept(EventAddresses.QUEUE_ABANDONED, a);
    }
}
