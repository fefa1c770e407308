package ir.line111.ivr.ami;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.fakeasterisk.ami.AmiModel;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asterisk goes away in the middle of a call and comes back: the state read after the reconnect equals
 * the fake's truth, nothing is handled twice, the outage is logged once. A half-open socket is found by ping.
 */
class AmiReconnectTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(AmiLink.class, "org.asteriskjava.manager.internal.ManagerConnectionImpl");

    static final String OP1 = "PJSIP/1001", OP2 = "PJSIP/1002";

    private final ListAppender<ILoggingEvent> linkLog = new ListAppender<>();
    private ch.qos.logback.classic.Logger linkLogger;

    @BeforeEach
    void captureLinkLog() {
        AmiRig.quietLogs();
        linkLogger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AmiLink.class);
        linkLog.start();
        linkLogger.addAppender(linkLog);
    }

    @AfterEach
    void release() {
        linkLogger.detachAppender(linkLog);
        // every drop, refusal and restart here is ordinary for the link: none may reach its last-resort ERROR
        assertThat(linkLog.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR).map(ILoggingEvent::getFormattedMessage))
                .as("AmiLink errors").isEmpty();
    }

    private long logged(String fragment) {
        return linkLog.list.stream().filter(e -> e.getFormattedMessage().contains(fragment)).count();
    }

    private static FakeAmiServer.Builder twoOperators() {
        long now = Instant.now().getEpochSecond();
        return FakeAmiServer.builder().staticMember(AmiRig.QUEUE, OP1, "operator-1", now)
                .staticMember(AmiRig.QUEUE, OP2, "operator-2", now);
    }

    /** What the fake believes, in the shape of our published state: callers by unique id, members by interface. */
    private static Map<String, String> truth(FakeAmiServer server) {
        return server.inModel(m -> {
            Map<String, String> t = new TreeMap<>();
            AmiModel.Queue q = m.queues.get(AmiRig.QUEUE);
            for (AmiModel.Channel c : q.entries) t.put("caller " + c.uniqueId, c.callerNum);
            for (AmiModel.Member mem : q.members.values()) {
                t.put("member " + mem.iface, "paused=" + mem.paused + " reason=" + mem.pausedReason
                        + " inCall=" + (mem.inCall > 0) + " status=" + mem.status);
            }
            return t;
        });
    }

    private static Map<String, String> believed(JsonObject state) {
        Map<String, String> t = new TreeMap<>();
        state.getJsonArray("callers").forEach(o -> {
            JsonObject c = (JsonObject) o;
            t.put("caller " + c.getString("uniqueId"), c.getString("callerNumber"));
        });
        state.getJsonArray("members").forEach(o -> {
            JsonObject m = (JsonObject) o;
            String reason = m.getString("reason");
            t.put("member " + m.getString("operator"), "paused=" + m.getBoolean("paused") + " reason="
                    + (reason == null ? "" : reason) + " inCall=" + m.getBoolean("inCall") + " status=" + m.getInteger("deviceStatus"));
        });
        return t;
    }

    @Test
    void asteriskDropsMidCallAndComesBackTheResyncedStateIsTheTruthAndNothingRunsTwice() {
        try (AmiRig rig = new AmiRig(twoOperators())) {
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());

            FakeAmiServer.QueueCall a = rig.server.call(AmiRig.QUEUE, "09120000001").join(AmiScreenPopTest.ivrVariables("call-a"), false);
            FakeAmiServer.QueueCall b = rig.server.call(AmiRig.QUEUE, "09120000002").join(AmiScreenPopTest.ivrVariables("call-b"), false);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.service.snapshot().callersWaiting() == 2);
            a.connect(OP1);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);

            // Asterisk vanishes mid-call. While it is away: B gives up, C queues, operator 2 pauses.
            rig.server.goDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> !rig.service.snapshot().known());
            b.abandon(true);
            FakeAmiServer.QueueCall c = rig.server.call(AmiRig.QUEUE, "09120000003").join(AmiScreenPopTest.ivrVariables("call-c"), true);
            rig.server.inModel(m -> {
                AmiModel.Member op2 = m.queues.get(AmiRig.QUEUE).members.get(OP2);
                op2.paused = true;
                op2.pausedReason = "lunch break";
                return null;
            });
            // Several reconnect attempts are refused meanwhile (back-off starts at 100 ms).
            long attemptsWhenDown = rig.service.linkAttempts();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.linkAttempts() >= attemptsWhenDown + 3);
            rig.server.comeBack();

            await().atMost(Duration.ofSeconds(15)).until(() -> rig.service.snapshot().known()
                    && rig.lastState() != null && rig.lastState().getBoolean("synced")
                    && believed(rig.lastState()).equals(truth(rig.server)));
            assertThat(believed(rig.lastState())).containsKey("caller " + c.uniqueId()).doesNotContainKey("caller " + b.uniqueId());
            assertThat(rig.service.snapshot().callersWaiting()).isEqualTo(1);
            assertThat(rig.service.snapshot().operatorsLoggedIn()).isEqualTo(2);
            assertThat(rig.service.snapshot().operatorsAvailable()).isZero(); // one talking, one paused
            assertThat(rig.abandoned).as("B's abandon happened unseen; nothing is invented for it").isEmpty();

            // The call that was up during the outage ends: one wrap-up.
            a.complete();
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.wrapUps.size() == 1);
            assertThat(rig.wrapUps.getFirst().getString("callId")).isEqualTo("call-a");

            // Operator 2 says ready through the console; C is connected to them: one screen-pop, with C's
            // data read by GetVar because its VarSet events fell into the outage.
            JsonObject reply = rig.vertx.eventBus().<JsonObject>request(EventAddresses.PRESENCE,
                    new JsonObject().put("action", "ready").put("operator", "operator-2").put("device", OP2))
                    .await().body();
            assertThat(reply.getBoolean("ok")).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.service.snapshot().operatorsAvailable() == 2); // operator 1 hung up, operator 2 ready
            c.connect(OP2);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 2);
            assertThat(rig.screenPops.get(1).getString("callId")).isEqualTo("call-c");
            assertThat(rig.screenPops.get(1).getString("nationalId")).isEqualTo("0499370899");
            c.complete();
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.wrapUps.size() == 2);
            // Settle with one more full round trip, then count: every event was handled exactly once.
            await().atMost(Duration.ofSeconds(5)).until(() -> believed(rig.lastState()).equals(truth(rig.server)));
            assertThat(rig.screenPops).hasSize(2);
            assertThat(rig.wrapUps).hasSize(2);
            assertThat(rig.outcomes).extracting(QueueCallStore.QueueCall::callId).containsExactly("call-a", "call-c");
            assertThat(rig.server.openSessions()).isEqualTo(1);
            assertThat(rig.server.successfulLogins()).isEqualTo(2);
            assertThat(logged("Asterisk not reachable")).as("said once per outage").isEqualTo(1);
            assertThat(logged("lost")).isEqualTo(1);
            assertThat(logged("reachable again")).isEqualTo(1);
        }
    }

    @Test
    void aHalfOpenSocketIsFoundByPingAndReplaced() {
        try (AmiRig rig = new AmiRig(twoOperators())) {
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
            rig.server.freezeOpenConnections();
            await().atMost(Duration.ofSeconds(10)).until(() -> logged("half-open") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.server.successfulLogins() == 2 && rig.service.snapshot().known());

            FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09120000009").join(AmiScreenPopTest.ivrVariables("call-h"), false);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.service.snapshot().callersWaiting() == 1);
            call.connect(OP1);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);
            assertThat(rig.screenPops.getFirst().getString("callId")).isEqualTo("call-h");
        }
    }

    @Test
    void withoutCredentialsTheClientStaysOffAndSaysSoOnce() {
        var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AmiService.class);
        ListAppender<ILoggingEvent> serviceLog = new ListAppender<>();
        serviceLog.start();
        logger.addAppender(serviceLog);
        try (AmiRig rig = new AmiRig()) {
            AmiService off = new AmiService(AmiRig.config(rig.server.port()).with("ami.username", ""), rig.vertx,
                    AmiService.Dependencies.none());
            off.start();
            var failure = rig.vertx.eventBus().request(EventAddresses.PRESENCE,
                    new JsonObject().put("action", "ready").put("device", OP1)).toCompletionStage().toCompletableFuture();
            await().atMost(Duration.ofSeconds(5)).until(failure::isDone);
            assertThat(failure).isCompletedExceptionally();
            assertThat(off.snapshot().known()).isFalse();
            assertThat(rig.server.connectionsAccepted()).isZero();
            assertThat(serviceLog.list).filteredOn(e -> e.getFormattedMessage().contains("AMI client off")).hasSize(1);
            off.stop();
        } finally {
            logger.detachAppender(serviceLog);
        }
    }

    @Test
    void aRefusedChannelListDoesNotMakeTheLinkSpin() {
        try (AmiRig rig = new AmiRig(twoOperators().refuse("CoreShowChannels"))) {
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
            FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09120000010").join(AmiScreenPopTest.ivrVariables("call-r"), false);
            call.connect(OP1);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);
            assertThat(rig.server.successfulLogins()).as("one login, no reconnect loop").isEqualTo(1);
            assertThat(logged("CoreShowChannels refused")).isEqualTo(1);
        }
    }

    @Test
    void aCleanAsteriskRestartIsSaidAndFollowed() {
        try (AmiRig rig = new AmiRig(twoOperators())) {
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
            rig.server.shutdown(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> !rig.service.snapshot().known());
            assertThat(logged("Asterisk is restarting")).isEqualTo(1);
            rig.server.comeBack();
            await().atMost(Duration.ofSeconds(15)).until(() -> rig.service.snapshot().known() && rig.server.successfulLogins() == 2);
            assertThat(rig.service.snapshot().operatorsLoggedIn()).isEqualTo(2);
        }
    }
}
