package ir.line111.ivr.bench;

import ir.line111.fakeasterisk.agi.CallEnd;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.testing.IvrHarness;

import java.io.BufferedReader;
import java.io.IOException;
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
 * PBX's slowest gap). Measured on a fresh backend (cold) and then again on the same one (warm). Beside
 * each gap as the proxy sees it, the backend's own time per command ("server": reply read to next command
 * written, measured inside its AGI layer), so what the machine's scheduling adds shows as the difference.
 * {@code LINE111_BENCH_STARTUP_WARM=off}: the backend without its start-up warm-up, to compare.
 * A/B in one run (the machine is shared and noisy): {@code LINE111_BENCH_A_OPTS} and {@code LINE111_BENCH_B_OPTS},
 * the JVM options of two backend processes (e.g. a collector, or {@code -Dline111.bench.x=y} switches),
 * measured round by round one after the other; without B, one backend.
 */
final class ThinkTimeBench {

    record Row(String variant, String round, String kind, int calls, int completed, long gaps, double p50, double p99, double max,
               List<String> slowest) {}

    /** One backend process: its port, the codes to follow up, its stdin/stdout. */
    private record Backend(String name, Process process, BufferedReader out, PrintWriter cmd, int port, List<String> codes) {
        static Backend start(String name, String opts, int calls) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-Dlogback.configurationFile=bench-logback.xml"));
            if (!opts.isBlank()) command.addAll(List.of(opts.strip().split("\\s+")));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), "think",
                    Integer.toString(2 * calls + 10)));
            long spawned = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            List<String> codes = List.of();
            String line = out.readLine();
            while (line != null && !line.startsWith("PORT ")) {
                if (line.startsWith("CODES ")) codes = List.of(line.substring(6).strip().split(","));
                line = out.readLine();
            }
            if (line == null) throw new IllegalStateException("bench server " + name + " ended before listening");
            System.out.printf("backend %s (%s) listening %.1f s after the process started%n", name, opts.isBlank() ? "default options" : opts,
                    (System.nanoTime() - spawned) / 1e9);
            return new Backend(name, p, out, new PrintWriter(p.getOutputStream(), true), Integer.parseInt(line.substring(5).strip()), codes);
        }

        /** The server's own per-command times since the last ask, as a row. */
        Row serverRow(String round) throws IOException {
            cmd.println("think");
            String line = out.readLine();
            while (line != null && !line.startsWith("THINK ")) line = out.readLine();
            if (line == null) throw new IllegalStateException("bench server " + name + " ended");
            String[] parts = line.split(" \\| ");
            String[] f = parts[0].split(" ");
            return new Row(name, round, "server", 0, 0, Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), List.of(parts).subList(1, parts.length));
        }

        void quit() throws InterruptedException {
            cmd.println("quit");
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        Path dir = Files.createTempDirectory("line111-think-");
        Path speech = IvrHarness.writeSpeechWav(dir.resolve("speech.wav"), 1.0);
        boolean warmed = !"off".equals(System.getenv("LINE111_BENCH_STARTUP_WARM"));
        String aOpts = System.getenv().getOrDefault("LINE111_BENCH_A_OPTS", "");
        String bOpts = System.getenv("LINE111_BENCH_B_OPTS");
        System.out.printf("line111 think time: %d calls at once (half message, half follow-up), prompts at speed %.1f, start-up warm-up %s%n",
                calls, speed, warmed ? "on" : "OFF");
        List<Backend> backends = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try {
            backends.add(Backend.start("A", aOpts, calls));
            if (bOpts != null) backends.add(Backend.start("B", bOpts, calls));
            for (Backend b : backends) b.serverRow("start");
            for (String round : List.of("cold", "warm")) {
                for (Backend b : backends) rows.addAll(round(b, round, calls, speed, speech, dir));
            }
        } finally {
            for (Backend b : backends) b.quit();
        }
        System.out.printf("%n%-3s %-5s %-10s %5s %9s %6s %8s %8s %8s  %s%n", "", "", "calls", "n", "completed", "gaps", "p50 ms", "p99 ms",
                "max ms", "slowest gaps");
        for (Row r : rows) {
            System.out.printf("%-3s %-5s %-10s %5d %9d %6d %8.2f %8.2f %8.2f  %s%n", r.variant(), r.round(), r.kind(), r.calls(),
                    r.completed(), r.gaps(), r.p50(), r.p99(), r.max(), String.join(" | ", r.slowest()));
        }
        System.out.println();
        for (String round : List.of("cold", "warm")) {
            for (Backend b : backends) {
                Row all = find(rows, b.name(), round, "all"), server = find(rows, b.name(), round, "server");
                System.out.printf("%s %s: p99 as Asterisk sees it %.1f ms, of which the backend's own work p99 %.1f ms (p50 gap %.2f vs %.2f ms)"
                        + "; goal p99 <= 20 ms at %d calls: %s%n", b.name(), round, all.p99(), server.p99(), all.p50(), server.p50(), calls,
                        all.p99() <= 20 ? "yes" : "NO");
            }
            if (backends.size() == 2) {
                Row a = find(rows, "A", round, "all"), b = find(rows, "B", round, "all");
                Row as = find(rows, "A", round, "server"), bs = find(rows, "B", round, "server");
                System.out.printf("B/A %s: gap p99 %.2f, max %.2f; server p99 %.2f, max %.2f%n", round, b.p99() / a.p99(), b.max() / a.max(),
                        bs.p99() / as.p99(), bs.max() / as.max());
            }
        }
    }

    private static Row find(List<Row> rows, String variant, String round, String kind) {
        return rows.stream().filter(r -> r.variant().equals(variant) && r.round().equals(round) && r.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static List<Row> round(Backend b, String round, int calls, double speed, Path speech, Path dir) throws Exception {
        try (TimingProxy message = new TimingProxy(b.port(), speed, IvrBench.PROMPT_SAMPLES / 8);
             TimingProxy follow = new TimingProxy(b.port(), speed, IvrBench.PROMPT_SAMPLES / 8)) {
            List<CompletableFuture<CallTranscript>> m = new ArrayList<>(), f = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                // Alternating, all within a second: 120 calls in progress at once.
                if (i % 2 == 0) m.add(start(message, messageScript(speech), i, dir));
                else f.add(start(follow, followScript(b.codes().get(i % b.codes().size())), i, dir));
                TimeUnit.MILLISECONDS.sleep(1000 / calls);
            }
            List<CallTranscript> md = m.stream().map(CompletableFuture::join).toList();
            List<CallTranscript> fd = f.stream().map(CompletableFuture::join).toList();
            List<Row> rows = new ArrayList<>();
            rows.add(row(b.name(), round, "message", md, message, t -> t.played("message-registered")));
            rows.add(row(b.name(), round, "follow-up", fd, follow, t -> t.played("expected-answer-date")));
            List<Long> all = new ArrayList<>(message.samples);
            all.addAll(follow.samples);
            rows.add(row(b.name(), round, "all", List.of(), all, List.of()));
            rows.add(b.serverRow(round));
            return rows;
        }
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

    private static Row row(String variant, String round, String kind, List<CallTranscript> done, TimingProxy proxy,
                           java.util.function.Predicate<CallTranscript> ok) {
        int completed = (int) done.stream().filter(t -> t.end() instanceof CallEnd.ScriptHungUp && ok.test(t)).count();
        Row r = row(variant, round, kind, done, new ArrayList<>(proxy.samples), proxy.slow.stream()
                .sorted(Comparator.comparingInt((String g) -> -Integer.parseInt(g.substring(g.indexOf(':') + 1, g.indexOf(" ms")).strip())))
                .limit(3).map(String::strip).toList());
        return new Row(variant, r.round(), r.kind(), r.calls(), completed, r.gaps(), r.p50(), r.p99(), r.max(), r.slowest());
    }

    private static Row row(String variant, String round, String kind, List<CallTranscript> done, List<Long> samples, List<String> slowest) {
        long[] lat = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Row(variant, round, kind, done.size(), done.size(), lat.length, IvrBench.pct(lat, 0.50), IvrBench.pct(lat, 0.99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, slowest);
    }
}
