package ir.line111.ivr.bench;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCallLog;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.testing.TestNationalIds;
import ir.line111.ivr.IvrDependencies;
import ir.line111.ivr.agi.IvrServer;
import ir.line111.ivr.testing.FakeQueueLoad;
import ir.line111.ivr.testing.TempRecordingStore;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The server side of the benchmark, in a process of its own so that its CPU time is the server's
 * alone. {@code flows}: the IVR over an H2 database with core's registry and call log, the
 * recogniser faked ({@code think}: the same, with cases to follow up); {@code floor}: Asterisk-Java's DefaultAgiServer with a script that only answers
 * and hangs up. Prints "PORT n"; answers "peak" with the most calls the IVR had in progress at once,
 * "think" with the server's own time per command since the last "think" (THINK n p50 p99 max, ms);
 * stops on "quit" from stdin.
 */
public final class BenchServer {
    private static volatile IvrServer ivr;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int maxCalls = Integer.parseInt(args[1]);
        AutoCloseable server;
        int port;
        if (mode.equals("floor")) {
            AgiScript answerAndHangUp = (AgiRequest request, AgiChannel channel) -> {
                channel.answer();
                channel.hangup();
            };
            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = probe.getLocalPort();
            }
            DefaultAgiServer agi = new DefaultAgiServer((request, channel) -> answerAndHangUp);
            agi.setAddress(InetAddress.getLoopbackAddress());
            agi.setPort(free);
            // The default pool (max 500, no queue) would refuse most of the burst: size it for the run.
            agi.setPoolSize(maxCalls);
            agi.setMaximumPoolSize(maxCalls + 100);
            Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    agi.startup();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            waitForListen(free);
            port = free;
            server = agi::shutdown;
        } else {
            Path dir = Files.createTempDirectory("line111-bench-");
            Database db = Database.open("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "", 16);
            Clock clock = Clock.systemUTC();
            PersistentCases cases = new PersistentCases(db, new TrackingCodeIssuer(db, "bench-key-0123456789abcdef".getBytes()), clock, Duration.ofDays(30));
            // LINE111_BENCH_CALL_LOG=off: the call record not written, to see what it costs.
            ir.line111.core.domain.calls.CallLog log = "off".equals(System.getenv("LINE111_BENCH_CALL_LOG"))
                    ? new NoCallLog() : new PersistentCallLog(db, clock);
            NationalIdRecognizer recognizer = (wav, timeout) ->
                    new Recognition.Recognised(TestNationalIds.random().digits(), 0.9, true, List.of());
            IvrDependencies deps = new IvrDependencies(cases, log, new TempRecordingStore(dir), recognizer, new FakeQueueLoad(),
                    at -> false, clock);
            ivr = new IvrServer(Line111Config.of(Map.of("agi.port", "0", "agi.max-calls", Integer.toString(maxCalls),
                    "speech.timeout-ms", "120000",
                    // LINE111_BENCH_STARTUP_WARM=off: no start-up warming, to see what a cold backend costs the first callers.
                    "agi.warm-up", "off".equals(System.getenv("LINE111_BENCH_STARTUP_WARM")) ? "false" : "true")), deps);
            if (mode.equals("think")) printCodes(cases, Integer.parseInt(System.getenv().getOrDefault("LINE111_BENCH_CODES", "50")));
            ivr.start();
            port = ivr.port();
            server = () -> {
                ivr.stop(Duration.ofSeconds(5));
                db.close();
            };
        }
        System.out.println("PORT " + port);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("peak")) {
                System.out.println("PEAK " + (ivr == null ? -1 : ivr.peakCalls()));
                System.out.flush();
            } else if (line.equals("think")) {
                // The server's own time per command since the last "think": THINK n p50 p99 max | slowest | ...
                var t = ivr.thinkTimes().interval();
                System.out.printf(java.util.Locale.ROOT, "THINK %d %.3f %.3f %.3f%s%n", t.count(), t.p50(), t.p99(), t.max(),
                        t.slowest().stream().map(x -> " | " + x.strip()).collect(java.util.stream.Collectors.joining()));
                System.out.flush();
            } else if (line.equals("quit")) {
                break;
            }
        }
        server.close();
        System.exit(0);
    }

    /** Cases for the follow-up calls (menu 2 with a real code): their codes on one line, "CODES a,b,...". */
    private static void printCodes(PersistentCases cases, int n) {
        StringBuilder codes = new StringBuilder("CODES ");
        for (int i = 0; i < n; i++) {
            var c = cases.registerVoicemail(new ir.line111.core.domain.cases.VoicemailIntake("bench-seed-" + i, "0912",
                    ir.line111.core.domain.cases.SubjectPerson.self(TestNationalIds.random(), true), null, null, java.time.Instant.now()));
            codes.append(i == 0 ? "" : ",").append(c.trackingCode().digits());
        }
        System.out.println(codes);
    }

    private static final class NoCallLog implements ir.line111.core.domain.calls.CallLog {
        @Override public void started(String callId, String callerNumber, String channelName, java.time.Instant at) {}
        @Override public void step(String callId, String step, String detail) {}
        @Override public void recordingMade(String callId, long recordingId) {}
        @Override public void caseLinked(String callId, long caseId) {}
        @Override public void ended(String callId, ir.line111.core.domain.calls.CallOutcome outcome, String lastStep, java.time.Instant at) {}
        @Override public void satisfaction(String callId, int score) {}
    }

    private static void waitForListen(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (var s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException("floor server did not start");
    }
}
