package ir.line111.ivr.ami;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Garbage, unknown events, half-filled events and stray responses do not break the connection. */
class AmiMalformedInputTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("org.asteriskjava", "ir.line111.ivr.ami");

    @Test
    void junkOnTheSocketIsSkippedAndTheNextCallStillPops() {
        try (AmiRig rig = new AmiRig(AmiScreenPopTest.withOperator())) {
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
            rig.server.emitRaw("this line has no colon\r\n\r\n");
            rig.server.emitRaw("Event: SomethingAsterisk23Invents\r\nFoo: bar\r\n\r\n");
            rig.server.emitRaw("Event: QueueMemberStatus\r\nQueue: " + AmiRig.QUEUE
                    + "\r\nInterface: PJSIP/9\r\nStatus: not-a-number\r\nPaused: maybe\r\nCallsTaken: x\r\n\r\n");
            rig.server.emitRaw("Event: AgentConnect\r\nQueue: " + AmiRig.QUEUE + "\r\n\r\n");
            rig.server.emitRaw("Event: VarSet\r\nUniqueid: 1.1\r\nVariable: LINE111_CALL_ID\r\n\r\n");
            rig.server.emitRaw("Response: Success\r\nActionID: nobody-asked-for-this\r\nMessage: stray\r\n\r\n");
            rig.server.emitRaw("Response: Error\r\n\r\n");
            rig.server.emitRaw("Event: Hangup\r\nUniqueid: " + "9".repeat(20_000) + "\r\n\r\n");
            rig.server.emitRaw("\u0000\u0001\u00ff\u00fe binary\r\n\r\n");

            FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09121234567")
                    .join(AmiScreenPopTest.ivrVariables("call-after-junk"), false);
            call.connect(AmiScreenPopTest.OPERATOR);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);
            assertThat(rig.screenPops.getFirst().getString("callId")).isEqualTo("call-after-junk");
            assertThat(rig.server.successfulLogins()).as("no reconnect was needed").isEqualTo(1);
            assertThat(rig.server.openSessions()).isEqualTo(1);
            assertThat(rig.service.connected()).isTrue();
        }
    }

    @Test
    void aCommandReplyWithoutOutputAtLoginDoesNotKillTheReader() throws Exception {
        // CoreSettings refused: Asterisk-Java asks "core show version" at login, and the relay takes the Output away.
        try (AmiRig rig = new AmiRig(AmiScreenPopTest.withOperator().refuse("coresettings"));
             LineFilterRelay relay = new LineFilterRelay(rig.server.port(), line -> line.startsWith("Output:"))) {
            rig.viaPort = relay.port();
            rig.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> rig.service.snapshot().known());
            assertThat(rig.server.actions()).anySatisfy(a -> assertThat(a.name()).isEqualToIgnoringCase("Command"));
            assertThat(rig.service.malformedMessages()).isPositive();
            screenPopStillWorks(rig, "call-after-command");
        }
    }

    @Test
    void bridgeEventsWithoutABridgeIdDoNotDropTheLink() {
        try (AmiRig rig = new AmiRig(AmiScreenPopTest.withOperator())) {
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
            rig.server.emitRaw("Event: BridgeCreate\r\nBridgeType: basic\r\n\r\n");
            rig.server.emitRaw("Event: BridgeEnter\r\nChannel: PJSIP/9-00000001\r\nUniqueid: 5.5\r\n\r\n");
            rig.server.emitRaw("Event: BridgeLeave\r\nChannel: PJSIP/9-00000001\r\n\r\n");
            rig.server.emitRaw("Event: BridgeDestroy\r\n\r\n");
            screenPopStillWorks(rig, "call-after-bridges");
        }
    }

    private static void screenPopStillWorks(AmiRig rig, String callId) {
        FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09121234567")
                .join(AmiScreenPopTest.ivrVariables(callId), false);
        call.connect(AmiScreenPopTest.OPERATOR);
        await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);
        assertThat(rig.screenPops.getFirst().getString("callId")).isEqualTo(callId);
        assertThat(rig.server.successfulLogins()).as("no reconnect was needed").isEqualTo(1);
        assertThat(rig.service.connected()).isTrue();
    }
}
