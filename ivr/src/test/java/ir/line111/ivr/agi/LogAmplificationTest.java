package ir.line111.ivr.agi;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whatever a peer sends, a call writes a bounded amount of log; a refused call writes one line. */
class LogAmplificationTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(ExpectedLogs.EVERYTHING);
    /** The production pattern (app's logback.xml), with the stack trace it would print. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%X{callId:--}] %logger{24} - %msg%n%ex";

    @TempDir Path dir;
    final ListAppender<ILoggingEvent> events = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    PatternLayout layout;

    @BeforeEach
    void capture() {
        layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(PATTERN);
        layout.start();
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void release() {
        root.detachAppender(events);
    }

    /** The lines written since {@code from}, as the production layout would write them. */
    List<String> lines(int from) {
        return events.list.subList(from, events.list.size()).stream().map(layout::doLayout).toList();
    }

    static int bytes(List<String> lines) {
        return lines.stream().mapToInt(String::length).sum();
    }

    static CallerScript quickCall() {
        return CallerScript.builder().onPrompt("main-menu").press("9").always().build();
    }

    @Test
    void aMegabyteUniqueIdWritesAFewHundredBytesOfLogNotMegabytes() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir)) {
            int from = events.list.size();
            CallTranscript huge = ivr.call("line111").uniqueId("7".repeat(1_000_000)).script(quickCall()).run();
            assertThat(huge.prompts()).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> ivr.server.stalledConnections() == 1);
            List<String> hugeLines = lines(from);
            assertThat(bytes(hugeLines)).isLessThan(1000);

            from = events.list.size();
            // A long but complete environment is served (issue 11: no registration lost to a length) under a
            // bounded id (AgiValues), and that id is what every line of the call carries.
            CallTranscript longId = ivr.call("line111").uniqueId("8".repeat(5000)).script(quickCall()).run();
            assertThat(longId.promptNames()).startsWith("welcome", "main-menu");
            List<String> longLines = lines(from);
            String boundedId = AgiValues.callId("8".repeat(5000));
            assertThat(boundedId).hasSizeLessThanOrEqualTo(64);
            await().atMost(Duration.ofSeconds(5)).until(() -> ivr.callRow(boundedId) != null);
            assertThat(longLines).allSatisfy(l -> assertThat(l.length()).isLessThan(600));
        }
    }

    @Test
    void aHugeCallerIdNumberAndChannelAreNotCarriedIntoTheLogOrTheCallRecord() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir)) {
            int from = events.list.size();
            CallTranscript t = ivr.call("line111").callerId("9".repeat(6000)).channel("PJSIP/" + "x".repeat(6000) + "\nforged line")
                    .script(quickCall()).run();
            assertThat(t.promptNames()).startsWith("welcome", "main-menu");
            IvrHarness.CallRow row = ivr.callRow(t.environment().get("agi_uniqueid"));
            assertThat(row).isNotNull();
            List<Map<String, Object>> stored = ivr.query("select caller_number, channel_name from call_record where call_id = ?",
                    t.environment().get("agi_uniqueid"));
            assertThat(stored.getFirst().get("CALLER_NUMBER")).isNull();
            assertThat((String) stored.getFirst().get("CHANNEL_NAME")).hasSizeLessThanOrEqualTo(200).doesNotContain("\n");
            assertThat(lines(from)).allSatisfy(l -> assertThat(l.length()).isLessThan(600));
        }
    }

    @Test
    void aRefusedCallWritesOneLineAndNoStackTraceEvenWhenThePeerIsAlreadyGone() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir, Map.of("agi.max-calls", "1", "speech.timeout-ms", "60000"))) {
            ivr.recogniserGate = new CountDownLatch(1);
            CompletableFuture<CallTranscript> holder = ivr.call("line111").script(IvrServerTest.untilRecognition(ivr))
                    .readTimeout(Duration.ofSeconds(60)).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> ivr.recognising.get() == 1);

            int from = events.list.size();
            int refusals = 40;
            for (int i = 0; i < refusals; i++) {
                CallerScript script = i % 2 == 0 ? CallerScript.silent()
                        : CallerScript.builder().onCommand("SET VARIABLE").closeConnection().build();
                ivr.call("line111").script(script).run();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> ivr.server.refusedCalls() == refusals);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.list.size() - from >= refusals);
            List<ILoggingEvent> written = List.copyOf(events.list.subList(from, events.list.size()));
            assertThat(written).allSatisfy(e -> assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull());
            assertThat(written).noneMatch(e -> e.getLoggerName().startsWith("org.asteriskjava") && e.getLevel().isGreaterOrEqual(Level.WARN));
            assertThat(written).filteredOn(e -> e.getFormattedMessage().startsWith("call refused")).hasSize(refusals);
            assertThat(written).hasSize(refusals);

            ivr.recogniserGate.countDown();
            holder.get();
        }
    }
}
