package ir.line111.ivr.ami;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 50,000 AMI events as fast as the socket takes them: bounded, counted, a few log lines, and the queue still works after. */
class AmiFloodTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(ExpectedLogs.EVERYTHING);
    static final int FLOOD = 50_000;
    static final int CAPACITY = 500;
    static final int BATCH = 1000;

    /** Queue events the adapter applies (a member's full state), with an event it never uses among them. */
    static String batch(int from) {
        StringBuilder b = new StringBuilder(BATCH * 200);
        for (int i = from; i < from + BATCH; i++) {
            if (i % 10 == 9) {
                b.append("Event: Newexten\r\nChannel: PJSIP/x-").append(i).append("\r\nUniqueid: 9.").append(i)
                        .append("\r\nApplication: NoOp\r\n\r\n");
            } else {
                b.append("Event: QueueMemberStatus\r\nPrivilege: agent,all\r\nQueue: ").append(AmiRig.QUEUE)
                        .append("\r\nMemberName: Ali\r\nInterface: ").append(AmiScreenPopTest.OPERATOR)
                        .append("\r\nMembership: dynamic\r\nPenalty: 0\r\nCallsTaken: ").append(i)
                        .append("\r\nStatus: 1\r\nPaused: ").append(i % 2).append("\r\nInCall: 0\r\n\r\n");
            }
        }
        return b.toString();
    }

    @Test
    void aFloodIsDroppedAndCountedNotQueuedAndTheQueueStillWorksAfter() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try (AmiRig rig = new AmiRig(AmiScreenPopTest.withOperator())) {
            rig.overrides.put("ami.event-queue", String.valueOf(CAPACITY));
            // Hold the monitor in its next publication, so the flood meets a full inbox for certain.
            AtomicBoolean hold = new AtomicBoolean();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            rig.vertx.eventBus().addOutboundInterceptor(ctx -> {
                if (hold.get() && Thread.currentThread().getName().equals("ami-queue-monitor")) {
                    held.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ctx.next();
            });
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
            int listsBefore = rig.server.actions("QueueStatus").size();
            hold.set(true);
            rig.server.memberDeviceState(AmiRig.QUEUE, AmiScreenPopTest.OPERATOR, 1, false);
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            int from = lines.list.size();
            for (int i = 0; i < FLOOD; i += BATCH) rig.server.emitRaw(batch(i));
            int applicable = FLOOD - FLOOD / 10;
            await().atMost(Duration.ofSeconds(60)).until(() -> rig.service.droppedEvents() >= applicable - CAPACITY);
            assertThat(rig.service.eventQueueHighWater()).as("the link's own signals may come on top").isLessThanOrEqualTo(CAPACITY + 10);
            List<ILoggingEvent> during = List.copyOf(lines.list.subList(from, lines.list.size()));
            // Before, each event could write a line with the whole event in it (150 MB for 250,000 events).
            assertThat(during).as("log lines during the flood").hasSizeLessThanOrEqualTo(50);
            List<ILoggingEvent> ours = during.stream().filter(e -> e.getLoggerName().startsWith("ir.line111")).toList();
            assertThat(ours).hasSizeLessThanOrEqualTo(5).allSatisfy(e -> assertThat(e.getFormattedMessage().length()).isLessThan(500));
            assertThat(rig.service.connected()).isTrue();

            hold.set(false);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.server.actions("QueueStatus").size() > listsBefore);
            assertThat(rig.server.successfulLogins()).isEqualTo(1);

            FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09121234567")
                    .join(AmiScreenPopTest.ivrVariables("call-after-flood"), false);
            call.connect(AmiScreenPopTest.OPERATOR);
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.screenPops.size() == 1);
            assertThat(rig.screenPops.getFirst().getString("callId")).isEqualTo("call-after-flood");
        } finally {
            root.detachAppender(lines);
        }
    }
}
