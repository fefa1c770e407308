package ir.line111.ivr.ami;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A database that is down for a while loses no queue outcome: they wait in memory and go in when it is back. */
class AmiOutcomeRetryTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(AmiService.class, "org.asteriskjava");

    @Test
    void outcomesRecordedWhileTheStoreIsDownAreStoredLater() {
        AmiRig.quietLogs();
        AtomicBoolean down = new AtomicBoolean(true);
        List<QueueCallStore.QueueCall> stored = new CopyOnWriteArrayList<>();
        List<String> refusedWhileDown = new CopyOnWriteArrayList<>();
        QueueCallStore flaky = new QueueCallStore() {
            @Override public void record(QueueCall call) {
                if (down.get()) {
                    refusedWhileDown.add(call.callId());
                    throw new IllegalStateException("connection refused");
                }
                stored.add(call);
            }
            @Override public List<QueueCall> callBackList(int limit) { return List.of(); }
            @Override public boolean markCalledBack(String u, String o, Instant at) { return false; }
            @Override public Totals totalsSince(Instant since, int t) { throw new IllegalStateException("down"); }
        };
        long now = Instant.now().getEpochSecond();
        Vertx vertx = Vertx.vertx();
        try (FakeAmiServer server = FakeAmiServer.builder().credentials("line111", "s3cret-for-tests")
                .queue(AmiRig.QUEUE).staticMember(AmiRig.QUEUE, "PJSIP/1001", "op", now).start();
             AmiService ami = new AmiService(AmiRig.config(server.port()), vertx,
                     new AmiService.Dependencies(EarlierCases.NONE, ConversationRecordingSink.NONE, flaky, Clock.systemUTC()))) {
            ami.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> ami.snapshot().known());
            server.call(AmiRig.QUEUE, "0912000001").join(AmiScreenPopTest.ivrVariables("c1"), false).connect("PJSIP/1001").complete();
            server.call(AmiRig.QUEUE, "0912000002").join(AmiScreenPopTest.ivrVariables("c2"), false).abandon(false);
            // Both outcomes were taken and the store refused the first: both now wait in memory, in order.
            await().atMost(Duration.ofSeconds(10)).until(() -> ami.pendingOutcomes() == 2 && refusedWhileDown.contains("c1"));
            assertThat(stored).isEmpty();
            down.set(false);
            server.call(AmiRig.QUEUE, "0912000003").join(AmiScreenPopTest.ivrVariables("c3"), false).abandon(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 3);
            assertThat(stored).extracting(QueueCallStore.QueueCall::callId).containsExactly("c1", "c2", "c3");
        } finally {
            vertx.close();
        }
    }

    @Test
    void aDiversionToMessageToldByTheIvrIsAnOutcomeToo() {
        try (AmiRig rig = new AmiRig()) {
            rig.start();
            ir.line111.core.domain.queue.QueueLoad load = rig.service;
            load.divertedToMessage("1795380000.42", "09125554444", Duration.ofMinutes(6));
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.outcomes.size() == 1);
            assertThat(rig.outcomes.getFirst().outcome()).isEqualTo(QueueOutcome.DIVERTED_TO_MESSAGE);
            assertThat(rig.outcomes.getFirst().callerNumber()).isEqualTo("09125554444");
        }
    }
}
