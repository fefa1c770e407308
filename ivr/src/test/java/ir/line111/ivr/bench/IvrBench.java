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
 * {@code ./line111 bench ivr think [calls]}: the backend's think time per command, cold and warm ({@link ThinkTimeBench}).
 * {@code ./line111 bench ivr [calls] [ramp-seconds] [speed]}: N simulated calls (default 2000), arriving
 * over the ramp (default 5 s), through the whole message flow against the IVR server (H2, core's
 * registry and call log, recogniser faked), and in the same run the floor: a bare Asterisk-Java
 * script that only answers and hangs up. Prompts take their time (1 s each at speed 1), so the calls
 * overlap as on a line; each server runs in its own JVM so its CPU time is its own.
 *
 * <p>Environment: {@code LINE111_BENCH_CALL_LOG=off} (no call record, to see what it costs),
 * {@code LINE111_BENCH_WARMUP} (warm-up calls, default 200), {@code LINE111_BENCH_SLOW=n} (print the n
 * longest gaps), {@code LINE111_BENCH_JFR=prefix} (a flight recording per server),
 * {@code LINE111_BENCH_SERVER_OPTS} (more JVM options for the servers).
 */
public final class IvrBench {

    record Result(String name, int calls, int completed, int refused, int errors, int peak, double p50ms, double p99ms,
                  double maxMs, long commands, double cpuMsPerCall, double wallS) {}

    static final long PROMPT_SAMPLES = 8000; // 1 s

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("think")) {
            ThinkTimeBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double ramp = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        double speed = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        // LINE111_BENCH_WARMUP: warm-up calls (default 200): more lets the JIT settle before CPU is counted.
        int warmup = Math.min(Integer.parseInt(System.getenv().getOrDefault("LINE111_BENCH_WARMUP", "200")), Math.max(200, calls));
        Path dir = Files.createTempDirectory("line111-bench-calls-");
        Path speech = IvrHarness.writeSpeechWav(dir.resolve("speech.wav"), 1.0);
        System.out.printf("line111 IVR benchmark: %d calls arriving over %.1f s, prompts of %d ms at speed %.1f, %d warm-up calls, %d CPUs%n",
                calls, ramp, PROMPT_SAMPLES / 8, speed, warmup, Runtime.getRuntime().availableProcessors());
        Result floor = run("floor (answer+hangup)", "floor", calls, ramp, speed, warmup, dir, speech);
        Result flows = run("message flow", "flows", calls, ramp, speed, warmup, dir, speech);
        System.out.println();
        System.out.printf("%-22s %6s %9s %7s %6s %6s %8s %8s %8s %7s %11s %7s%n", "", "calls", "completed", "refused", "errors",
                "peak", "p50 ms", "p99 ms", "max ms", "cmds", "CPU ms/call", "wall s");
        for (Result r : List.of(floor, flows)) {
            System.out.printf("%-22s %6d %9d %7d %6d %6s %8.3f %8.3f %8.3f %7d %11.3f %7.1f%n", r.name(), r.calls(), r.completed(),
                    r.refused(), r.errors(), r.peak() < 0 ? "-" : Integer.toString(r.peak()), r.p50ms(), r.p99ms(), r.maxMs(),
                    r.commands(), r.cpuMsPerCall(), r.wallS());
        }
        System.out.printf("%nratio message flow / floor: CPU per call %.2fx (commands per call %.1f vs %.1f), p99 %.2fx%n",
                flows.cpuMsPerCall() / floor.cpuMsPerCall(), (double) flows.commands() / calls, (double) floor.commands() / calls,
                flows.p99ms() / Math.max(1e-9, floor.p99ms()));
        System.out.printf("CPU per AGI command: message flow %.3f ms, floor %.3f ms (ratio %.2fx)%n",
                flows.cpuMsPerCall() * calls / flows.commands(), floor.cpuMsPerCall() * calls / floor.commands(),
                (flows.cpuMsPerCall() / flows.commands()) / (floor.cpuMsPerCall() / floor.commands()));
        System.out.printf("goal: %d concurrent with none refused: %s (peak %d); p99 added latency <= 5 ms: %s; CPU per call <= 2x floor: %s%n",
                calls, flows.refused() == 0 && flows.completed() == calls && flows.peak() >= calls ? "yes" : "NO", flows.peak(),
                flows.p99ms() <= 5 ? "yes" : "NO", flows.cpuMsPerCall() <= 2 * floor.cpuMsPerCall() ? "yes" : "NO");
    }

    private static Result run(String name, String mode, int calls, double ramp, double speed, int warmup, Path dir, Path speech)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-Dlogback.configurationFile=bench-logback.xml"));
        String jfr = System.getenv("LINE111_BENCH_JFR");
        if (jfr != null && !jfr.isBlank()) command.add("-XX:StartFlightRecording=filename=" + jfr + "-" + mode + ".jfr,settings=profile");
        // LINE111_BENCH_SERVER_OPTS: more JVM options for the server processes (e.g. -Xlog:gc,safepoint:file=gc.log).
        String serverOpts = System.getenv("LINE111_BENCH_SERVER_OPTS");
        if (serverOpts != null && !serverOpts.isBlank()) command.addAll(List.of(serverOpts.strip().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), mode, Integer.toString(calls + warmup)));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
        PrintWriter cmd = new PrintWriter(server.getOutputStream(), true);
        try {
            String first = out.readLine();
            while (first != null && !first.startsWith("PORT ")) first = out.readLine();
            if (first == null || !first.startsWith("PORT ")) throw new IllegalStateException("bench server said: " + first);
            int port = Integer.parseInt(first.substring(5).strip());
            boolean flows = mode.equals("flows");
            try (TimingProxy proxy = new TimingProxy(port, speed * 20, PROMPT_SAMPLES / 8)) {
                // Warm-up (JIT, pools), quickly and not measured.
                place(proxy, flows, warmup, 0, dir, speech);
            }
            try (TimingProxy proxy = new TimingProxy(port, speed, PROMPT_SAMPLES / 8)) {
                Duration cpu0 = server.toHandle().info().totalCpuDuration().orElseThrow();
                long t0 = System.nanoTime();
                List<CallTranscript> done = place(proxy, flows, calls, ramp, dir, speech);
                double wall = (System.nanoTime() - t0) / 1e9;
                Duration cpu1 = server.toHandle().info().totalCpuDuration().orElseThrow();
                cmd.println("peak");
                String peakLine = out.readLine();
                int peak = peakLine != null && peakLine.startsWith("PEAK ") ? Integer.parseInt(peakLine.substring(5).strip()) : -1;
                int completed = 0, refused = 0, errors = 0;
                for (CallTranscript t : done) {
                    if (t.variable(DialplanContract.VAR_NEXT).filter(DialplanContract.NEXT_FALLBACK::equals).isPresent()) refused++;
                    else if (t.end() instanceof CallEnd.ScriptHungUp && (!flows || t.played("message-registered"))) completed++;
                    else errors++;
                }
                long[] lat = proxy.samples.stream().mapToLong(Long::longValue).sorted().toArray();
                Result r = new Result(name, calls, completed, refused, errors, peak, pct(lat, 0.50), pct(lat, 0.99),
                        lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, lat.length,
                        (cpu1.toNanos() - cpu0.toNanos()) / 1e6 / calls, wall);
                System.out.printf("  gaps over 5 ms: %d of %d%n", proxy.slow.size(), proxy.samples.size());
                // LINE111_BENCH_SLOW=n: the n longest gaps, with when they came and before which command.
                int show = Integer.parseInt(System.getenv().getOrDefault("LINE111_BENCH_SLOW", "0"));
                proxy.slow.stream().sorted(Comparator.comparingInt(
                        (String g) -> -Integer.parseInt(g.substring(g.indexOf(':') + 1, g.indexOf(" ms")).strip())))
                        .limit(show).forEach(g -> System.out.println("    " + g));
                System.out.printf("%s: %d/%d completed, %d refused, %d errors in %.1f s%n", name, completed, calls, refused, errors, wall);
                if (errors > 0) {
                    done.stream().filter(t -> !(t.end() instanceof CallEnd.ScriptHungUp)).findFirst()
                            .ifPresent(t -> System.out.println("first failed call:\n" + t.format()));
                }
                return r;
            }
        } finally {
            cmd.println("quit");
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private static List<CallTranscript> place(TimingProxy proxy, boolean flows, int n, double rampSeconds, Path dir, Path speech)
            throws InterruptedException {
        CallerScript script = flows
                ? CallerScript.builder()
                    .onPrompt("main-menu").press("1")
                    .onRecord().say(speech).times(2)
                    .onPrompt("confirm-menu").press("1")
                    .onPrompt("whose-matter").press("1")
                    .onPrompt("message-menu").press("1")
                    .onPrompt("hear-again-menu").press("2")
                    .build()
                : CallerScript.silent();
        List<CompletableFuture<CallTranscript>> calls = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = t0 + (long) (rampSeconds * 1e9 * i / n);
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            calls.add(FakeAsterisk.call("127.0.0.1", proxy.port(), DialplanContract.SCRIPT_ENTRY)
                    .callerId("0912" + (1000000 + i)).script(script).recordingRoot(dir).defaultPromptLength(PROMPT_SAMPLES)
                    .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(300)).start());
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
