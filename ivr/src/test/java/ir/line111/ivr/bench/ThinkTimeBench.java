package ir.line111.ivr.bench;

import ir.line111.fakeasterisk.agi.CallEnd;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.testing.IvrHarness;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./line111 bench ivr think [calls] [speed]}: the backend's think time as Asterisk sees it (from
 * Asterisk's reply to the backend's next command) with {@code calls} (default 120) at once, half of
 * them leaving a message, half following up a real code (menu 2: status and the Jalali date, the real
 * PBX's slowest gap). Measured on a fresh backend (cold) and then again on the same one (warm).
 * {@code LINE111_BENCH_STARTUP_WARM=off}: the backend without its start-up warm-up, to compare.
 */
final class ThinkTimeBench {

    record Row(String round, String kind, int calls, int completed, int gaps, double p50, double p99, double max, List<String> slowest) {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        Path dir = Files.createTempDirectory("line111-think-");
        Path speech = IvrHarness.writeSpeechWav(dir.resolve("speech.wav"), 1.0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-Dlogback.configurationFile=bench-logback.xml",
                "-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), "think", Integer.toString(2 * calls + 10)));
        boolean warmed = !"off".equals(System.getenv("LINE111_BENCH_STARTUP_WARM"));
        System.out.printf("line111 think time: %d calls at once (half message, half follow-up), prompts at speed %.1f, start-up warm-up %s%n",
                calls, speed, warmed ? "on" : "OFF");
        long spawned = System.nanoTime();
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
        PrintWriter cmd = new PrintWriter(server.getOutputStream(), true);
        List<Row> rows = new ArrayList<>();
        try {
            List<String> codes = List.of();
            String line = out.readLine();
            while (line != null && !line.startsWith("PORT ")) {
                if (line.startsWith("CODES ")) codes = List.of(line.substring(6).strip().split(","));
                line = out.readLine();
            }
            if (line == null) throw new IllegalStateException("bench server ended before listening");
            int port = Integer.parseInt(line.substring(5).strip());
            System.out.printf("backend listening %.1f s after the process started%n", (System.nanoTime() - spawned) / 1e9);
            for (String round : List.of("cold", "warm")) {
                try (TimingProxy message = new TimingProxy(port, speed, IvrBench.PROMPT_SAMPLES / 8);
                     TimingProxy follow = new TimingProxy(port, speed, IvrBench.PROMPT_SAMPLES / 8)) {
                    List<CompletableFuture<CallTranscript>> m = new ArrayList<>(), f = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        // Alternating, all within a second: 120 calls in progress at once.
                        if (i % 2 == 0) m.add(start(message, messageScript(speech), i, dir));
                        else f.add(start(follow, followScript(codes.get(i % codes.size())), i, dir));
                        TimeUnit.MILLISECONDS.sleep(1000 / calls);
                    }
                    List<CallTranscript> md = m.stream().map(CompletableFuture::join).toList();
                    List<CallTranscript> fd = f.stream().map(CompletableFuture::join).toList();
                    rows.add(row(round, "message", md, message, t -> t.played("message-registered")));
                    rows.add(row(round, "follow-up", fd, follow, t -> t.played("expected-answer-date")));
                    List<Long> all = new ArrayList<>(message.samples);
                    all.addAll(follow.samples);
                    rows.add(row(round, "all", List.of(), all, List.of()));
                }
            }
        } finally {
            cmd.println("quit");
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        }
        System.out.printf("%n%-5s %-10s %6s %9s %6s %8s %8s %8s  %s%n", "", "calls", "n", "completed", "gaps", "p50 ms", "p99 ms", "max ms", "slowest gaps");
        for (Row r : rows) {
            System.out.printf("%-5s %-10s %6d %9d %6d %8.2f %8.2f %8.2f  %s%n", r.round(), r.kind(), r.calls(), r.completed(), r.gaps(),
                    r.p50(), r.p99(), r.max(), String.join(" | ", r.slowest()));
        }
        Row warmAll = rows.getLast(), coldAll = rows.get(2);
        System.out.printf("%ngoal p99 <= 20 ms at %d calls: cold %s (%.1f ms), warm %s (%.1f ms)%n", calls,
                coldAll.p99() <= 20 ? "yes" : "NO", coldAll.p99(), warmAll.p99() <= 20 ? "yes" : "NO", warmAll.p99());
    }

    static CallerScript messageScript(Path speech) {
        return CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecord().say(speech).times(2)
                .onPrompt("confirm-menu").press("1")
                .onPrompt("whose-matter").press("1")
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build();
    }

    static CallerScript followScript(String code) {
        return CallerScript.builder()
                .onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(code + "#")
                .build();
    }

    private static CompletableFuture<CallTranscript> start(TimingProxy proxy, CallerScript script, int i, Path dir) {
        return FakeAsterisk.call("127.0.0.1", proxy.port(), DialplanContract.SCRIPT_ENTRY)
                .callerId("0935" + (1000000 + i)).script(script).recordingRoot(dir).defaultPromptLength(IvrBench.PROMPT_SAMPLES)
                .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(300)).start();
    }

    private static Row row(String round, String kind, List<CallTranscript> done, TimingProxy proxy,
                           java.util.function.Predicate<CallTranscript> ok) {
        int completed = (int) done.stream().filter(t -> t.end() instanceof CallEnd.ScriptHungUp && ok.test(t)).count();
        Row r = row(round, kind, done, new ArrayList<>(proxy.samples), proxy.slow.stream()
                .sorted(Comparator.comparingInt((String g) -> -Integer.parseInt(g.substring(g.indexOf(':') + 1, g.indexOf(" ms")).strip())))
                .limit(3).map(String::strip).toList());
        return new Row(r.round(), r.kind(), r.calls(), completed, r.gaps(), r.p50(), r.p99(), r.max(), r.slowest());
    }

    private static Row row(String round, String kind, List<CallTranscript> done, List<Long> samples, List<String> slowest) {
        long[] lat = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Row(round, kind, done.size(), done.size(), lat.length, IvrBench.pct(lat, 0.50), IvrBench.pct(lat, 0.99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, slowest);
    }
}
