package ir.line111.console;

import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of sign-ins: the password checks run one at a time with four waiting, the rest are
 * refused at once with 429 and Retry-After, and the event loop keeps answering meanwhile. The
 * password check is held on a gate so that the flood is all there at once, however fast the CPU.
 */
class SignInFloodTest {

    static final CountDownLatch gate = new CountDownLatch(1);
    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();
    static final AtomicInteger started = new AtomicInteger();
    static ConsoleFixture fx;

    /** The real directory, each check held until the gate opens, counting how many run at once. */
    record Gated(ConsoleUsers real) implements ConsoleUsers {
        @Override public Optional<ConsoleUser> verify(String username, char[] password) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            started.incrementAndGet();
            try {
                if (!gate.await(90, TimeUnit.SECONDS)) throw new IllegalStateException("the test never opened the gate");
                return real.verify(username, password);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
        @Override public Optional<ConsoleUser> find(String username) { return real.find(username); }
        @Override public List<ConsoleUser> list() { return real.list(); }
        @Override public ConsoleUser create(ConsoleUser user, char[] password) { return real.create(user, password); }
        @Override public ConsoleUser update(ConsoleUser user) { return real.update(user); }
        @Override public void setPassword(String username, char[] password) { real.setPassword(username, password); }
    }

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture(TestDatabases.h2(), true, null, Map.of("console.sign-in.threads", "1", "console.sign-in.queue", "4"), Gated::new);
    }

    @AfterAll
    static void stop() {
        gate.countDown();
        fx.close();
    }

    @Test
    void aFloodOfSignInsIsRefusedBeyondTheBoundAndNeverHoldsTheEventLoop() throws Exception {
        int n = 32;
        List<CompletableFuture<Browser.Response>> all = new ArrayList<>();
        // One client for the flood, made beforehand: a shared two-core machine must not time the test out while it starts up.
        Browser flood = fx.browser().timeout(Duration.ofSeconds(90));
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                String user = "flood-" + i;
                all.add(CompletableFuture.supplyAsync(() -> flood.signIn(user, "any password"), pool));
            }
            // 1 check held at the gate, 4 waiting for the one thread: the other 27 are answered at once.
            await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().filter(f -> f.isDone() && f.join().status() == 429).count() == n - 5);
            assertThat(started.get()).as("checks that began").isEqualTo(1);

            Browser other = fx.browser();
            long t0 = System.nanoTime();
            var live = other.get("/health/live");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(live.status()).isEqualTo(200);
            // Held at the gate, a check on the event loop would hold this until the gate opens (never, here).
            assertThat(ms).as("the event loop answers while every password thread is busy").isLessThan(5_000);
            assertThat(fx.browser().get("/api/me").status()).as("other API requests too").isEqualTo(401);

            // Only the answered ones: joining one still held at the gate would wait for the gate (opened below).
            Browser.Response refused = all.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                    .filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(refused.error()).isEqualTo("sign_in_busy");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.json().getString("message")).matches(".*[آ-ی].*");

            gate.countDown();
            List<Browser.Response> answers = all.stream().map(CompletableFuture::join).toList();
            assertThat(answers.stream().filter(r -> r.status() == 401)).as("the five admitted were checked").hasSize(5);
        }
        assertThat(mostAtOnce.get()).as("password checks at the same time").isEqualTo(1);
        assertThat(fx.browser().signIn("operator", ConsoleFixture.PASSWORD).status()).isEqualTo(200);
    }
}
