package ir.line111.app.faults;

import ir.line111.fakeasterisk.agi.CallTranscript;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./line111 soak faults [kills] [outage-seconds] [outage-calls]} (not part of the tests): the
 * real backend in a child JVM, (1) on H2, killed with SIGKILL at a random command of a message call
 * {@code kills} times (default 200), and (2) on a throwaway PostgreSQL cluster (initdb on a free
 * loopback port) stopped for {@code outage-seconds} (60) while {@code outage-calls} (30) callers leave
 * messages. Prints, per run: calls, codes heard, codes heard twice, codes with no case, messages with
 * no case, duplicates (calls with more than one case). The goal is 0 for the last four.
 */
public final class FaultSoak {
    private final Path work;
    private final Path speech;
    private final Random random = new Random();
    private final List<CallTranscript> calls = new ArrayList<>();

    private FaultSoak(Path work) throws IOException {
        this.work = work;
        this.speech = FaultCalls.speech(work.resolve("speech.wav"));
    }

    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int outageSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int outageCalls = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path work = Files.createTempDirectory("line111-soak");
        System.out.println("soak faults: working in " + work);
        if (kills > 0) new FaultSoak(work.resolve("h2")).killLoop(kills);
        new FaultSoak(work.resolve("pg")).outage(outageSeconds, outageCalls);
    }

    private Map<String, String> env(Path data, String url, String user) {
        return new HashMap<>(Map.of("LINE111_DATA_DIR", data.toString(), "LINE111_DB_URL", url, "LINE111_DB_USER", user,
                "LINE111_AGI_PORT", "0", "LINE111_CONSOLE_PORT", "0", "LINE111_USERS_BCRYPT_COST", "4",
                "LINE111_RECORDINGS_SPOOL_SETTLE_SECONDS", "1", "LINE111_RECORDINGS_HOUSEKEEPING_SECONDS", "1"));
    }

    private void killLoop(int kills) throws Exception {
        Path data = work.resolve("data");
        String url = "jdbc:h2:file:" + data.resolve("line111");
        Map<String, String> env = env(data, url, "line111");
        for (int i = 1; i <= kills; i++) {
            ChildBackend b = ChildBackend.start(work, env, Duration.ofSeconds(120));
            int at = 1 + random.nextInt(26);
            AtomicInteger seen = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            CallTranscript t = FaultCalls.call(b.agiPort()).script(FaultCalls.leaveMessage(speech)).listener(e -> {
                if (seen.incrementAndGet() == at && killed.compareAndSet(false, true)) b.kill9();
            }).run();
            calls.add(t);
            if (!killed.get()) b.kill9();
            if (i % 10 == 0) System.out.println("  " + i + " kills");
        }
        // Last start: strays are adopted and the journal replayed; then a clean stop.
        try (ChildBackend b = ChildBackend.start(work, env, Duration.ofSeconds(120))) {
            waitForHealth(b, "\"intake\"", Duration.ofSeconds(10));
            Thread.sleep(5_000); // the stray reconciler's settle time and a sweep (this is a soak, not a test)
        }
        report("H2, " + kills + " x kill -9", DriverManager.getConnection(url, "line111", ""));
    }

    private void outage(int seconds, int outageCalls) throws Exception {
        Pg pg = Pg.start(work.resolve("cluster"));
        try {
            Path data = work.resolve("data");
            String url = "jdbc:postgresql://127.0.0.1:" + pg.port + "/postgres";
            try (ChildBackend b = ChildBackend.start(work, env(data, url, "postgres"), Duration.ofSeconds(120))) {
                for (int i = 0; i < 3; i++) calls.add(FaultCalls.call(b.agiPort()).script(FaultCalls.leaveMessage(speech)).run());
                pg.stop();
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                long gap = Duration.ofSeconds(seconds).toNanos() / Math.max(1, outageCalls);
                for (int i = 0; i < outageCalls; i++) {
                    calls.add(FaultCalls.call(b.agiPort()).script(FaultCalls.leaveMessage(speech)).run());
                    long next = System.nanoTime() + gap;
                    while (System.nanoTime() < Math.min(next, end)) Thread.sleep(50);
                }
                while (System.nanoTime() < end) Thread.sleep(100);
                pg.startAgain();
                waitForHealth(b, "\"0 intakes wait for the database", Duration.ofSeconds(120));
                Thread.sleep(3_000);
                Files.write(work.resolve("backend.log"), b.output);
            }
            report("PostgreSQL, " + seconds + " s outage, " + outageCalls + " calls in it", DriverManager.getConnection(url, "postgres", ""));
        } finally {
            pg.stop();
        }
    }

    private static void waitForHealth(ChildBackend b, String text, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.consolePort() + "/health"))
                        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains(text)) return;
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        System.out.println("  (health never said '" + text + "')");
    }

    private void report(String run, Connection c) throws Exception {
        Map<String, Set<String>> callsOfCode = new HashMap<>();
        Set<String> messageCalls = new HashSet<>();
        for (CallTranscript t : calls) {
            FaultCalls.codeHeard(t).ifPresent(code -> callsOfCode.computeIfAbsent(code, k -> new HashSet<>()).add(FaultCalls.callId(t)));
            if (t.recordings().size() >= 2 && t.recordings().get(1).samples() > 0) messageCalls.add(FaultCalls.callId(t));
        }
        Set<String> codes = new HashSet<>();
        Map<String, Integer> casesOfCall = new HashMap<>();
        try (c; Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select tracking_code, call_id from case_record")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
                if (rs.getString(2) != null) casesOfCall.merge(rs.getString(2), 1, Integer::sum);
            }
        }
        long twice = callsOfCode.values().stream().filter(s -> s.size() > 1).count();
        long noCase = callsOfCode.keySet().stream().filter(k -> !codes.contains(k)).count();
        long messagesNoCase = messageCalls.stream().filter(id -> !casesOfCall.containsKey(id)).count();
        long duplicates = casesOfCall.values().stream().filter(n -> n > 1).count();
        System.out.printf("%s: calls %d, codes heard %d, codes heard twice %d, codes with no case %d, messages with no case %d, duplicates %d%n",
                run, calls.size(), callsOfCode.size(), twice, noCase, messagesNoCase, duplicates);
    }

    /** A throwaway PostgreSQL cluster on a free loopback port (as the postgres user when run as root). */
    private static final class Pg {
        final Path dir;
        final int port;

        private Pg(Path dir, int port) {
            this.dir = dir;
            this.port = port;
        }

        static Pg start(Path dir) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.createDirectories(dir);
            if (root()) run("chown", "-R", "postgres", dir.getParent().getParent().toString());
            Pg pg = new Pg(dir, port);
            pg.pg("initdb", "-D", dir.resolve("db").toString(), "-A", "trust", "-U", "postgres", "--no-sync");
            pg.startAgain();
            return pg;
        }

        void startAgain() throws Exception {
            pg("pg_ctl", "-D", dir.resolve("db").toString(), "-w", "-l", dir.resolve("log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir, "start");
        }

        void stop() throws Exception {
            if (Files.exists(dir.resolve("db/postmaster.pid"))) pg("pg_ctl", "-D", dir.resolve("db").toString(), "-w", "-m", "fast", "stop");
        }

        private void pg(String tool, String... args) throws Exception {
            Path bin = Files.list(Path.of("/usr/lib/postgresql")).sorted().reduce((a, b) -> b).orElseThrow().resolve("bin");
            List<String> cmd = new ArrayList<>();
            if (root()) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
            cmd.add(bin.resolve(tool).toString());
            cmd.addAll(List.of(args));
            run(cmd.toArray(String[]::new));
        }

        private static boolean root() {
            return "root".equals(System.getProperty("user.name"));
        }

        private static void run(String... cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) throw new IllegalStateException("failed: " + String.join(" ", cmd));
        }
    }
}
