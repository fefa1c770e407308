package ir.line111.app.cli;

import io.vertx.core.json.JsonObject;
import ir.line111.app.Main;
import ir.line111.app.faults.ChildBackend;
import ir.line111.core.testing.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code line111 user add|list|passwd} while the backend runs on the default H2 URL (mixed mode): the
 * backend is a child process ({@code serve}, as systemd runs it), the commands are other processes as
 * a person at the terminal runs them, and the user they make signs in through the console's HTTP API.
 */
class CliOnARunningSystemTest {
    private static final Duration START = Duration.ofSeconds(120);
    /**
     * The bound of issue 15 for a whole command, JVM start included, as CPU time: on an idle machine that
     * is about its wall time; on a shared one (these tests run beside others) the wall time also counts the
     * waiting for a core, so it is printed, not asserted.
     */
    private static final Duration COMMAND = Duration.ofSeconds(2);
    private static final Path SELF_STAT = Path.of("/proc/self/stat");

    @TempDir Path dir;

    /** {@code cpu}: user + system time of the command's process, null where the kernel does not say. */
    private record Run(int code, String out, Duration took, Duration cpu) {}

    @Test
    void usersAreAddedListedAndChangedWhileTheBackendRunsAndTheNewOperatorSignsIn() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("LINE111_DATA_DIR", data.toString(), "LINE111_AGI_PORT", "0", "LINE111_CONSOLE_PORT", "0");
        try (ChildBackend backend = ChildBackend.start(dir, env, START)) {
            Run add = command(env, "first-password-1\n", "user", "add", "nour", "--role", "operator", "--device", "PJSIP/1001");
            assertThat(add.code()).as(add.out()).isZero();
            assertThat(add.out()).as("one line, no log of opening the database").isEqualTo("added nour [OPERATOR] device PJSIP/1001\n");
            Run list = command(env, "", "user", "list");
            assertThat(list.code()).as(list.out()).isZero();
            assertThat(list.out()).containsPattern("(?m)^nour\\s+\\[OPERATOR\\]\\s+PJSIP/1001\\s+nour$").containsPattern("(?m)^admin\\s+\\[ADMIN\\]")
                    .doesNotContain("INFO").doesNotContain("flyway");
            Run passwd = command(env, "second-password-2\n", "user", "passwd", "nour");
            assertThat(passwd.code()).as(passwd.out()).isZero();
            Run duplicate = command(env, "first-password-1\n", "user", "add", "nour", "--role", "operator");
            assertThat(duplicate.code()).isEqualTo(5);
            assertThat(duplicate.out()).isEqualTo("line111: user nour already exists\n");
            System.out.printf("CLI against a running backend, whole process (wall / CPU): add %s / %s, list %s / %s, passwd %s / %s%n",
                    add.took(), add.cpu(), list.took(), list.cpu(), passwd.took(), passwd.cpu());
            for (Run r : List.of(add, list, passwd)) {
                if (r.cpu() != null) assertThat(r.cpu()).as("CPU time of a whole command").isLessThanOrEqualTo(COMMAND);
            }

            // The same commands from a JVM that is already up (the picocli entry the jar's launcher calls).
            Path cfg = Files.writeString(dir.resolve("cli.properties"), "data.dir=" + data + "\n");
            List<Duration> inProcess = new ArrayList<>();
            inProcess.add(inProcess("third-password-3\n", "user", "add", "sara", "--role", "operator,transcriber", "--config", cfg.toString()));
            inProcess.add(inProcess("", "user", "list", "--config", cfg.toString()));
            inProcess.add(inProcess("fourth-password-4\n", "user", "passwd", "sara", "--config", cfg.toString()));
            System.out.println("CLI against a running backend, in-process wall times: " + inProcess);

            HttpClient http = HttpClient.newHttpClient();
            assertThat(signIn(http, backend.consolePort(), "nour", "first-password-1").statusCode()).isEqualTo(401);
            HttpResponse<String> in = signIn(http, backend.consolePort(), "nour", "second-password-2");
            assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
            assertThat(new JsonObject(in.body()).getString("device")).isEqualTo("PJSIP/1001");
            assertThat(signIn(http, backend.consolePort(), "sara", "fourth-password-4").statusCode()).isEqualTo(200);

            int h2 = Listeners.h2ServerPort(data.resolve("line111.lock.db"));
            assertThat(Listeners.on(h2)).as("H2's mixed-mode port %d", h2).isNotEmpty().allSatisfy(a -> assertThat(Listeners.LOOPBACK).contains(a));
            for (InetAddress other : Listeners.nonLoopbackAddresses()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, h2), 2000);
                    }
                }).as("H2's port on %s", other).isInstanceOf(ConnectException.class);
            }
            backend.kill9();
        }
        // A crash leaves H2's lock file naming a server that is gone: the next start takes the database over.
        try (ChildBackend again = ChildBackend.start(dir, env, START)) {
            Run list = command(env, "", "user", "list");
            assertThat(list.code()).as(list.out()).isZero();
            assertThat(list.out()).contains("nour").contains("sara");
            assertThat(signIn(HttpClient.newHttpClient(), again.consolePort(), "nour", "second-password-2").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> signIn(HttpClient http, int port, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", user).put("password", password).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The command as {@code ./line111 user ...} runs it: its own JVM with the script's flags and the product's logging. */
    private Run command(Map<String, String> env, String stdin, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dlogback.configurationFile=" + Path.of("target/classes/logback.xml").toAbsolutePath(), "-cp", cp, "ir.line111.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LINE111_"));
        pb.environment().putAll(env);
        long[] childrenBefore = childrenCpuTicks();
        long started = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", String.join(" ", args)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long[] childrenAfter = childrenCpuTicks();
        Duration cpu = childrenBefore == null || childrenAfter == null ? null
                : Duration.ofMillis((childrenAfter[0] - childrenBefore[0]) * 1000 / CLOCK_TICKS);
        return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), took, cpu);
    }

    /** Linux's USER_HZ, what /proc counts times in (getconf CLK_TCK). */
    private static final long CLOCK_TICKS = 100;

    /**
     * cutime + cstime of this JVM from /proc/self/stat: the CPU time of its children that have been waited
     * for. A command's process is the only child reaped between two readings (the backend still runs), so
     * the difference is that command's CPU time. Null where there is no /proc.
     */
    private static long[] childrenCpuTicks() {
        try {
            String stat = Files.readString(SELF_STAT);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static Duration inProcess(String stdin, String... args) {
        InputStream oldIn = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            long started = System.nanoTime();
            int code = Main.run(args);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(code).as(String.join(" ", args)).isZero();
            return took;
        } finally {
            System.setIn(oldIn);
        }
    }
}
