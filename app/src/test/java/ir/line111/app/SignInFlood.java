package ir.line111.app;

import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.fakeasterisk.agi.YamlScript;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls through the real FastAGI server while sign-ins with real bcrypt hit the console: the
 * per-command server time of the calls, and what the sign-ins were answered. For the test (a
 * generous bound) and the benchmark (the figures).
 */
public final class SignInFlood {

    /** Per-command times in milliseconds, and the sign-ins' statuses. */
    public record Figures(List<Double> commandMillis, int calls, List<Integer> signInStatuses) {
        public double percentile(double p) {
            List<Double> s = new ArrayList<>(commandMillis);
            Collections.sort(s);
            return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100 * s.size()) - 1));
        }
        public long count(int status) { return signInStatuses.stream().filter(s -> s == status).count(); }
    }

    private SignInFlood() {}

    static YamlScript followUp() throws java.io.IOException {
        Path root = Path.of(System.getProperty("line111.repo.root", ".."));
        return YamlScript.load(root.resolve("fake-asterisk/scripts/follow-up-code.yaml"), root.resolve("../shared"));
    }

    /** Calls one after another (on {@code lines} lines) until {@code flood} sign-ins in parallel have all been answered; {@code flood} 0: 50 calls a line. */
    public static Figures run(Backend backend, int lines, int flood) throws Exception {
        YamlScript script = followUp();
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                callers.add(CompletableFuture.runAsync(() -> {
                    int mine = 0;
                    while (flood == 0 ? mine < 50 : !done.get() || mine < 3) {
                        CallTranscript t = script.applyTo(FakeAsterisk.call("127.0.0.1", backend.agiPort(), "line111")).run();
                        t.serverTimes().forEach(d -> times.add(d.toNanos() / 1e6));
                        calls.incrementAndGet();
                        mine++;
                    }
                }, pool));
            }
            if (flood > 0) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI uri = URI.create("http://127.0.0.1:" + backend.consolePort() + "/api/session");
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Void>> signIns = new ArrayList<>();
                for (int i = 0; i < flood; i++) {
                    String body = "{\"username\":\"flood" + i + "\",\"password\":\"not the password " + i + "\"}";
                    signIns.add(CompletableFuture.runAsync(() -> {
                        try {
                            go.await();
                            statuses.add(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                        } catch (Exception e) {
                            statuses.add(-1);
                        }
                    }, pool));
                }
                go.countDown();
                CompletableFuture.allOf(signIns.toArray(CompletableFuture[]::new)).join();
            }
            done.set(true);
            CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).join();
        }
        return new Figures(List.copyOf(times), calls.get(), List.copyOf(statuses));
    }
}
