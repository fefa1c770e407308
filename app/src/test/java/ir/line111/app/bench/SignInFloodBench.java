package ir.line111.app.bench;

import ir.line111.app.Backend;
import ir.line111.app.SignInFlood;
import ir.line111.core.config.Line111Config;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./line111 bench signin [parallel sign-ins] [lines]}: the calls' per-command server time
 * (p50, p99, max) alone and during N parallel sign-ins with the real bcrypt cost, side by side.
 */
public final class SignInFloodBench {
    public static void main(String[] args) throws Exception {
        int flood = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("line111-signin-bench");
        try (Backend backend = Backend.start(Line111Config.of(Map.of("data.dir", dir.resolve("data").toString(),
                "db.url", "jdbc:h2:file:" + dir.resolve("data/line111"), "agi.port", "0", "console.port", "0")),
                new PrintStream(OutputStream.nullOutputStream()))) {
            SignInFlood.run(backend, lines, 0);
            SignInFlood.Figures quiet = SignInFlood.run(backend, lines, 0);
            SignInFlood.Figures flooded = SignInFlood.run(backend, lines, flood);
            print("no sign-ins", quiet);
            print(flood + " parallel sign-ins", flooded);
            System.out.printf("sign-ins: %d answered 401, %d refused 429, %d other%n", flooded.count(401), flooded.count(429),
                    flooded.signInStatuses().size() - flooded.count(401) - flooded.count(429));
            System.out.printf("goal p99 <= 100 ms during the flood: %s%n", flooded.percentile(99) <= 100 ? "met" : "NOT met");
        }
    }

    static void print(String what, SignInFlood.Figures f) {
        System.out.printf("%-24s %4d calls %5d commands  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", what, f.calls(),
                f.commandMillis().size(), f.percentile(50), f.percentile(99), f.percentile(100));
    }
}
