package ir.line111.app.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend as {@code line111 serve} in a child JVM (the test classpath, the app's own logging),
 * so that a test can kill -9 it as an operator's crash would, and start it again on the same data.
 */
public final class ChildBackend implements AutoCloseable {
    private static final Pattern UP = Pattern.compile("line111 is up: FastAGI [^:]+:(\\d+), console http://[^:]+:(\\d+)");

    private final Process process;
    private final int agiPort;
    private final int consolePort;
    /** What the child printed (its log). */
    final ConcurrentLinkedQueue<String> output;

    private ChildBackend(Process process, int agiPort, int consolePort, ConcurrentLinkedQueue<String> output) {
        this.output = output;
        this.process = process;
        this.agiPort = agiPort;
        this.consolePort = consolePort;
    }

    /** Starts {@code serve} with {@code env} (LINE111_* keys) and returns once FastAGI listens. */
    public static ChildBackend start(Path workDir, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        // Absolute, since the child runs in workDir (a benchmark's class path names reactor folders relatively).
        List<String> entries = java.util.Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(java.io.File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString()).toList();
        String cp = String.join(java.io.File.pathSeparator, entries);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path logback = entries.stream().map(e -> Path.of(e, "logback.xml")).filter(Files::exists).findFirst()
                .orElse(Path.of("target/classes/logback.xml").toAbsolutePath());
        // C1 only and the serial collector: the child starts many times and lives seconds.
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Xmx512m", "-Dlogback.configurationFile=" + logback, "-cp", cp, "ir.line111.app.Main", "serve"));
        Files.createDirectories(workDir);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LINE111_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<int[]> ports = new CompletableFuture<>();
        ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
        Thread.ofPlatform().daemon(true).name("child-backend-out").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                    Matcher m = UP.matcher(line);
                    if (m.find()) ports.complete(new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
                }
            } catch (IOException ignored) {
                // the child was killed
            }
            ports.completeExceptionally(new IllegalStateException("the backend exited before it was up:\n" + String.join("\n", out)));
        });
        try {
            int[] pp = ports.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ChildBackend(p, pp[0], pp[1], out);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("backend did not come up: " + e.getMessage() + "\n" + String.join("\n", out), e);
        }
    }

    public int agiPort() {
        return agiPort;
    }

    public int consolePort() {
        return consolePort;
    }

    /** The child's CPU time so far (user and system, all its threads), as the kernel counts it. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the child"))
                .toNanos();
    }

    /** SIGKILL, and waits until the process is gone: no shutdown hook runs, nothing is flushed. */
    public void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: the clean stop. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) kill9();
        } catch (InterruptedException e) {
            kill9();
            Thread.currentThread().interrupt();
        }
    }
}
