package ir.line111.ivr.ami;

import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.events.QueueAbandoned;
import ir.line111.core.domain.events.QueueState;
import ir.line111.core.domain.events.ScreenPop;
import ir.line111.core.domain.events.WrapUp;
import ir.line111.core.domain.queue.QueueLoad;
import ir.line111.core.events.EventJson;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Puts the monitor's events on the bus, encoded by core's one codec ({@link EventJson}: JSON text, which
 * a clustered bus carries as it is), and remembers the last queue state, so a console that starts after
 * the re-sync (or any reader of {@link QueueLoad}) gets it without waiting for the next change.
 */
final class QueuePublisher {

    private final BiConsumer<String, String> bus;
    private volatile QueueState lastState;
    private volatile QueueLoad.Snapshot load = QueueLoad.Snapshot.UNKNOWN;

    QueuePublisher(BiConsumer<String, String> bus, String queue, Instant now) {
        this.bus = bus;
        this.lastState = QueueState.unknown(queue, now);
    }

    void state(QueueState state) {
        remember(state);
        bus.accept(EventAddresses.QUEUE_STATE, EventJson.encode(state));
    }

    /** Takes the state as the last one (and the load from it) without publishing it. */
    void remember(QueueState state) {
        load = state.known() ? new QueueLoad.Snapshot(true, state.callersWaiting(), state.operatorsLoggedIn(),
                state.operatorsAvailable(), Duration.ofSeconds(state.estimatedWaitSeconds()))
                : QueueLoad.Snapshot.UNKNOWN;
        lastState = state;
    }

    /** The state last published: the answer to a console asking on start. */
    QueueState lastState() {
        return lastState;
    }

    QueueLoad.Snapshot load() {
        return load;
    }

    void screenPop(ScreenPop pop) {
        bus.accept(EventAddresses.SCREEN_POP, EventJson.encode(pop));
    }

    /** After the screen-pop, never before it: the console pairs them. */
    void wrapUp(WrapUp w, CompletableFuture<?> pop) {
        String text = EventJson.encode(w);
        if (pop != null) pop.whenComplete((r, e) -> bus.accept(EventAddresses.CALL_WRAP_UP, text));
        else bus.accept(EventAddresses.CALL_WRAP_UP, text);
    }

    void abandoned(QueueAbandoned a) {
        bus.accept(EventAddresses.QUEUE_ABANDONED, EventJson.encode(a));
    }
}
