package ir.line111.ivr.agi;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log line the IVR writes about a call carries that call's Asterisk unique id (MDC callId). */
class CallIdLoggingTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(ExpectedLogs.EVERYTHING);
    @TempDir Path dir;

    @Test
    void theCallsLogLinesCarryItsUniqueId() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // The thread name and MDC are read when the line is written, not later on the test's thread.
        ListAppender<ILoggingEvent> events = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent e) {
                e.prepareForDeferredProcessing();
                super.append(e);
            }
        };
        events.start();
        root.addAppender(events);
        try (IvrHarness ivr = new IvrHarness(dir)) {
            ivr.recogniserConfigured = false;
            CallTranscript t = ivr.entry(CallerScript.builder()
                    .onPrompt("main-menu").press("1")
                    .onRecord().say(ivr.speech)
                    .onPrompt("whose-matter").reply("999 garbled")
                    .build());
            String callId = t.environment().get("agi_uniqueid");
            ivr.server.flushCallLog(java.time.Duration.ofSeconds(5));
            List<ILoggingEvent> ours = events.list.stream()
                    .filter(e -> e.getLoggerName().startsWith("ir.line111.ivr.") && e.getThreadName().startsWith("agi-call-"))
                    .toList();
            assertThat(ours).isNotEmpty();
            assertThat(ours).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("callId", callId));
        } finally {
            root.detachAppender(events);
        }
    }
}
