package ir.line111.asteriskconf.prompts;

import ir.line111.asteriskconf.Repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs asterisk-conf/bin/make-prompts for the tests, and generates the real set once per JVM. */
public final class PromptTools {
    private PromptTools() {}

    public record Run(int exitCode, String output) {}

    private static Run realSet;

    public static boolean toolsPresent() {
        return onPath("espeak-ng") && onPath("sox");
    }

    /** Skips outside CI when espeak-ng or sox is missing; in CI (CI=true) the test runs and fails. */
    public static void assumeTools() {
        if ("true".equals(System.getenv("CI"))) return;
        assumeTrue(toolsPresent(), "espeak-ng and sox are not installed (apt-get install espeak-ng sox, or run ./line111 test as root): prompt generation not tested");
    }

    /** The real prompt set in asterisk-conf/target/sounds/line111, made once for all test classes. */
    public static synchronized Path generateRealSet() throws Exception {
        if (realSet == null) {
            realSet = run();
            if (realSet.exitCode() != 0) throw new AssertionError("make-prompts failed (" + realSet.exitCode() + "):\n" + realSet.output());
        }
        return Repo.generatedPrompts();
    }

    public static Run run(String... args) throws IOException, InterruptedException {
        var cmd = new ArrayList<String>(List.of("bash", Repo.makePrompts().toString()));
        cmd.addAll(List.of(args));
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("make-prompts ran longer than 5 minutes");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
