package ir.line111.ivr.flow;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.calls.CallEvent;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The group-commit writer: batches, order per call, a database outage survived, everything written at close. */
class QueuedCallLogTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(QueuedCallLog.class);

    /** A store that records what it was given and can be "down". */
    static class Store implements CallLog {
        final List<CallEvent> written = new CopyOnWriteArrayList<>();
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public void writeAll(List<? extends CallEvent> events) {
            if (down.get()) {
                refusals.incrementAndGet();
                throw new CallLogUnavailableException("down", null);
            }
            batches.incrementAndGet();
            written.addAll(events);
        }

        @Override public void started(String callId, String callerNumber, String channelName, Instant at) { throw new AssertionError("batched only"); }
        @Override public void step(String callId, String step, String detail) { throw new AssertionError("batched only"); }
        @Override public void recordingMade(String callId, long recordingId) { throw new AssertionError("batched only"); }
        @Override public void caseLinked(String callId, long caseId) { throw new AssertionError("batched only"); }
        @Override public void ended(String callId, CallOutcome outcome, String lastStep, Instant at) { throw new AssertionError("batched only"); }
        @Override public void satisfaction(String callId, int score) { throw new AssertionError("batched only"); }
    }

    @Test
    void manyCallsEventsAreWrittenInFewBatchesEachCallInOrder() throws Exception {
        Store store = new Store();
        QueuedCallLog log = new QueuedCallLog(store, Clock.systemUTC());
        int calls = 200, steps = 20;
        List<Thread> flows = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            String id = "call-" + c;
            flows.add(Thread.ofVirtual().start(() -> {
                log.started(id, "0912", "PJSIP/x", null);
                for (int s = 0; s < steps; s++) log.step(id, "step", Integer.toString(s));
                log.ended(id, CallOutcome.MESSAGE_LEFT, "done", null);
            }));
        }
        for (Thread t : flows) t.join();
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(store.written).hasSize(calls * (steps + 2));
        assertThat(store.batches.get()).as("grouped, not one write per event").isLessThan(calls * (steps + 2) / 2);
        for (int c = 0; c < calls; c++) {
            String id = "call-" + c;
            List<CallEvent> own = store.written.stream().filter(e -> e.callId().equals(id)).toList();
            assertThat(own.getFirst()).isInstanceOf(CallEvent.Started.class);
            assertThat(own.getLast()).isInstanceOf(CallEvent.Ended.class);
            assertThat(own.subList(1, steps + 1)).extracting(e -> ((CallEvent.Step) e).detail())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, steps).mapToObj(Integer::toString).toList());
            assertThat(own).extracting(CallEvent::at).isSorted();
        }
        log.close();
    }

    @Test
    void anOutageKeepsTheEventsAndTheyAreWrittenWhenTheDatabaseIsBack() {
        Store store = new Store();
        store.down.set(true);
        QueuedCallLog log = new QueuedCallLog(store, Clock.systemUTC());
        long t0 = System.nanoTime();
        log.started("c1", "0912", "PJSIP/x", null);
        log.step("c1", "main-menu", "pressed 1");
        log.ended("c1", CallOutcome.CALLER_HUNG_UP, "main-menu", null);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the call is not held by the outage").isLessThan(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.refusals.get() >= 2);
        assertThat(log.flush(Duration.ofMillis(50))).isFalse();
        store.down.set(false);
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(store.written).extracting(CallEvent::callId).containsExactly("c1", "c1", "c1");
        assertThat(logs.has(ch.qos.logback.classic.Level.ERROR, "down; keeping")).as("the outage is said").isTrue();
        log.close();
    }

    @Test
    void anErrorFromTheDriverDoesNotEndTheWriter() {
        java.util.concurrent.atomic.AtomicInteger asserts = new java.util.concurrent.atomic.AtomicInteger(2);
        Store store = new Store() {
            @Override
            public void writeAll(List<? extends CallEvent> events) {
                if (asserts.getAndDecrement() > 0) throw new AssertionError("driver assertion on a cut connection");
                super.writeAll(events);
            }
        };
        QueuedCallLog log = new QueuedCallLog(store, Clock.systemUTC());
        log.started("c9", "0912", "PJSIP/x", null);
        log.ended("c9", CallOutcome.CALLER_HUNG_UP, "main-menu", null);
        assertThat(log.flush(Duration.ofSeconds(10))).as("written once the driver recovers").isTrue();
        assertThat(store.written).extracting(CallEvent::callId).containsExactly("c9", "c9");
        log.step("c10", "main-menu", "pressed 1");
        assertThat(log.flush(Duration.ofSeconds(10))).as("and the writer still runs").isTrue();
        assertThat(store.written).hasSize(3);
        log.close();
    }

    @Test
    void closeWritesWhatIsStillQueued() {
        Store store = new Store();
        QueuedCallLog log = new QueuedCallLog(store, Clock.systemUTC(), 1000, 10, Duration.ofSeconds(1), Duration.ofMillis(10));
        for (int i = 0; i < 95; i++) log.step("c2", "step", Integer.toString(i));
        log.close();
        assertThat(store.written).hasSize(95);
    }

    @Test
    void aFullQueueHoldsTheCallOnlyBrieflyAndCountsWhatItDrops() {
        Store store = new Store();
        store.down.set(true);
        QueuedCallLog log = new QueuedCallLog(store, Clock.systemUTC(), 10, 5, Duration.ZERO, Duration.ofMillis(20));
        long t0 = System.nanoTime();
        for (int i = 0; i < 30; i++) log.step("c3", "step", Integer.toString(i));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(log.dropped()).isPositive();
        store.down.set(false);
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(store.written.size() + log.dropped()).isEqualTo(30);
        assertThat(logs.has(ch.qos.logback.classic.Level.ERROR, "queue full")).as("dropping is said").isTrue();
        log.close();
    }
}
