package ir.line111.app;

import ir.line111.core.config.Line111Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 parallel sign-ins with the real bcrypt cost (12) while calls run: the password checks queue on
 * their small pool (the rest are refused at once) and the calls' commands stay fast. The benchmark
 * ({@code ./line111 bench signin}) prints the figures; this asserts a bound generous enough for a
 * shared two-core machine (without the pool the slowest command took seconds).
 */
class SignInFloodWhileCallingTest {

    @TempDir static Path dir;
    static Backend backend;

    @BeforeAll
    static void start() {
        backend = Backend.start(Line111Config.of(Map.of("data.dir", dir.resolve("data").toString(),
                "db.url", "jdbc:h2:file:" + dir.resolve("data/line111"), "agi.port", "0", "console.port", "0")),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (backend != null) backend.close();
    }

    @Test
    void callsStayFastWhileSignInsFlood() throws Exception {
        SignInFlood.run(backend, 1, 0); // warm-up
        SignInFlood.Figures f = SignInFlood.run(backend, 2, 32);
        assertThat(f.count(429)).as("sign-ins refused at once while the checks were busy").isPositive();
        assertThat(f.count(401) + f.count(429)).as("every sign-in answered").isEqualTo(32);
        assertThat(f.percentile(99)).as("p99 of the calls' commands (ms) during the flood, %d commands", f.commandMillis().size())
                .isLessThan(500);
        // Hashing on the calls' threads stalled every call in progress: the slowest command took 4 s here, 41 s in the field.
        assertThat(f.percentile(100)).as("slowest command (ms) during the flood").isLessThan(1_500);
    }
}
