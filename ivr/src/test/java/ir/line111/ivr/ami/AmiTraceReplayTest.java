package ir.line111.ivr.ami;

import ir.line111.fakeasterisk.ami.AmiMessage;
import ir.line111.fakeasterisk.ami.AmiTrace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event streams Asterisk 22.10.1 really sent for queue calls (shared/asterisk-traces), replayed over
 * the socket onto our queue: the right outcome for each, and QueueCallerAbandon only counted as an
 * abandon when the caller actually hung up (Asterisk also says it on timeout and leave-empty).
 */
class AmiTraceReplayTest {

    private static List<AmiMessage> events(String trace, String queueInTrace) {
        Path dir = AmiTrace.defaultFolder();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared/asterisk-traces is not beside the checkout");
        return AmiTrace.load(dir.resolve(trace)).events().stream()
                .filter(e -> !e.isEvent("FullyBooted") && !e.isEvent("SuccessfulAuth"))
                .map(e -> e.replaceInValues(queueInTrace, AmiRig.QUEUE)).toList();
    }

    private static AmiRig started() {
        AmiRig rig = new AmiRig();
        rig.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
        return rig;
    }

    @Test
    void answeredCallPopsAndWrapsUpWithTheTracedTimes() {
        try (AmiRig rig = started()) {
            rig.server.replay(events("ami-queue-call-answered.trace", "testq"));
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.wrapUps.size() == 1 && rig.outcomes.size() == 1);
            assertThat(rig.screenPops).hasSize(1);
            var pop = rig.screenPops.getFirst();
            assertThat(pop.getString("uniqueId")).isEqualTo("1795378835.26");
            assertThat(pop.getString("callId")).isEqualTo("1795378835.26"); // not an IVR call: no LINE111_CALL_ID
            assertThat(pop.getString("callerNumber")).isEqualTo("5551234");
            assertThat(pop.getString("operator")).isEqualTo("Local/agent@agents/n");
            assertThat(pop.getString("operatorName")).isEqualTo("AgentLocal");
            assertThat(rig.wrapUps.getFirst().getLong("talkSeconds")).isEqualTo(6L);
            var o = rig.outcomes.getFirst();
            assertThat(o.outcome()).isEqualTo(QueueOutcome.ANSWERED);
            assertThat(o.talkSeconds()).isEqualTo(6L);
            assertThat(o.waitSeconds()).isZero();
            assertThat(rig.abandoned).isEmpty();
        }
    }

    @Test
    void callerHangingUpWhileRingingIsAnAbandonOnTheCallBackList() {
        try (AmiRig rig = started()) {
            rig.server.replay(events("ami-queue-call-abandoned.trace", "trace-noanswer"));
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.abandoned.size() == 1 && rig.outcomes.size() == 1);
            assertThat(rig.abandoned.getFirst().getString("callerNumber")).isEqualTo("5551234");
            assertThat(rig.abandoned.getFirst().getLong("waitSeconds")).isEqualTo(4L);
            assertThat(rig.outcomes.getFirst().outcome()).isEqualTo(QueueOutcome.ABANDONED);
            assertThat(rig.screenPops).isEmpty();
        }
    }

    @Test
    void queueTimeoutIsNotAnAbandon() {
        try (AmiRig rig = started()) {
            rig.server.replay(events("ami-queue-empty-timeout.trace", "trace-empty-default"));
            rig.server.replay(events("ami-queue-call-ringnoanswer-timeout.trace", "trace-noanswer"));
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.outcomes.size() == 2);
            assertThat(rig.outcomes).extracting(QueueCallStore.QueueCall::outcome)
                    .containsExactly(QueueOutcome.TIMEOUT, QueueOutcome.TIMEOUT);
            assertThat(rig.outcomes).extracting(QueueCallStore.QueueCall::waitSeconds).containsExactly(5L, 20L);
            assertThat(rig.abandoned).isEmpty();
        }
    }

    @Test
    void leaveEmptyMeansClosed() {
        try (AmiRig rig = started()) {
            rig.server.replay(events("ami-queue-empty-leavewhenempty.trace", "trace-empty-leavewhenempty"));
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.outcomes.size() == 1);
            assertThat(rig.outcomes.getFirst().outcome()).isEqualTo(QueueOutcome.CLOSED);
            assertThat(rig.abandoned).isEmpty();
            assertThat(rig.service.snapshot().callersWaiting()).isZero();
        }
    }
}
