package ir.line111.ivr.agi;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Sockets that never finish their agi_ environment, and peers that never answer a command, cost no call. */
class StalledConnectionsTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.ivr.agi");
    static final int STALLED = 4000;
    static final byte[] PARTIAL = "agi_network: yes\nagi_network_script: line111\nagi_request: agi://127.0.0.1/line111\nagi_channel: Local/stalled@x;1\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir Path dir;

    static CallerScript quickCall() {
        return CallerScript.builder().onPrompt("main-menu").press("9").always().build();
    }

    @Test
    void fourThousandStalledSocketsDoNotKeepARealCallWaiting() throws Exception {
        // The deadline is far beyond the test, so every stalled socket is still open while the real call runs.
        try (IvrHarness ivr = new IvrHarness(dir, Map.of("agi.environment-timeout-ms", "60000"))) {
            List<Socket> stalled = new ArrayList<>(STALLED);
            try {
                InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), ivr.server.port());
                for (int i = 0; i < STALLED; i++) {
                    Socket s = new Socket();
                    stalled.add(s);
                    s.connect(at, 5000);
                    s.getOutputStream().write(PARTIAL);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> ivr.server.connectingNow() == STALLED);

                long t0 = System.nanoTime();
                CallTranscript call = ivr.entry(quickCall());
                Duration took = Duration.ofNanos(System.nanoTime() - t0);

                assertThat(call.promptNames()).startsWith("welcome", "main-menu");
                assertThat(took).isLessThan(Duration.ofSeconds(1));
                assertThat(ivr.server.refusedCalls()).isZero();
                assertThat(ivr.server.connectingNow()).as("the stalled sockets were all still waiting").isEqualTo(STALLED);
            } finally {
                for (Socket s : stalled) s.close();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ivr.server.connectingNow() == 0);
            assertThat(ivr.server.stalledConnections()).isEqualTo(STALLED);
            assertThat(ivr.server.activeCalls()).isZero();
        }
    }

    @Test
    void aStalledSocketIsClosedAtTheEnvironmentDeadlineInOneRateLimitedLine() throws Exception {
        Logger serverLog = (Logger) LoggerFactory.getLogger(BoundedAgiServer.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        serverLog.addAppender(lines);
        try (IvrHarness ivr = new IvrHarness(dir, Map.of("agi.environment-timeout-ms", "300"))) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), ivr.server.port());
                    stalled.add(s);
                    s.setSoTimeout(10_000);
                    // A byte at a time would not stretch the deadline either: it is for the whole block.
                    s.getOutputStream().write(PARTIAL);
                }
                long t0 = System.nanoTime();
                for (Socket s : stalled) assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            } finally {
                for (Socket s : stalled) s.close();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> ivr.server.stalledConnections() == 20);
            assertThat(ivr.entry(quickCall()).promptNames()).startsWith("welcome", "main-menu");
        } finally {
            serverLog.detachAppender(lines);
        }
        List<ILoggingEvent> dropped = lines.list.stream().filter(e -> e.getFormattedMessage().contains("dropped")).toList();
        assertThat(dropped).hasSizeBetween(1, 5);
        assertThat(dropped).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    @Test
    void aCommandWhoseReplyNeverComesEndsTheCallAtTheReplyTimeout() throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        AgiScript script = (request, channel) -> {
            try {
                channel.answer();
                ended.complete(null);
            } catch (RuntimeException | org.asteriskjava.fastagi.AgiException e) {
                ended.complete(e);
            }
        };
        BoundedAgiServer server = new BoundedAgiServer((request, channel) -> script, InetAddress.getLoopbackAddress(), 0, 10,
                new AgiLimits(Duration.ofSeconds(3), Duration.ofMillis(400), 100));
        Thread acceptor = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                server.bindFailed();
            }
        });
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.awaitBound())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("agi_network: yes\nagi_network_script: t\nagi_request: agi://127.0.0.1/t\nagi_uniqueid: 1.1\n\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("ANSWER");
            long t0 = System.nanoTime();
            // No reply: the server must give up on its own.
            assertThat(ended.get(5, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(AgiHangupException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        } finally {
            server.stopAccepting();
            acceptor.join(5000);
        }
        assertThat(server.awaitIdle(System.nanoTime() + Duration.ofSeconds(5).toNanos())).isTrue();
    }

    @Test
    void theReplyTimeoutMustExceedTheLongestCommand() {
        assertThat(AgiLimits.from(Line111Config.of(Map.of())).replyTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThatThrownBy(() -> AgiLimits.from(Line111Config.of(Map.of("ivr.message.max-seconds", "600"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("agi.reply-timeout-seconds");
        assertThatThrownBy(() -> AgiLimits.from(Line111Config.of(Map.of("agi.environment-timeout-ms", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("agi.environment-timeout-ms");
    }
}
