package ir.line111.app.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar target/line111.jar serve} with an old Java (Debian's default is 17) says in one
 * line what to do instead of an UnsupportedClassVersionError; with Java 25 the jar runs.
 */
class LauncherOnOldJavaIT {
    private static final Path JAR = Path.of("target", "line111.jar");

    @Test
    void java17GetsOneLineAndExitCode1() throws Exception {
        Optional<Path> java17 = oldJava("17");
        assumeTrue(java17.isPresent(), "no Java 17 under /usr/lib/jvm (apt-get install openjdk-17-jre-headless to run this test)");
        Result r = run(List.of(java17.get().toString(), "-jar", JAR.toString(), "serve"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("line111 needs Java 25 or newer; this is Java 17 (" + java17.get()
                + "). Run ./line111 run, or set JAVA_HOME to a JDK 25.\n");
    }

    @Test
    void java25RunsTheRealMainThroughTheLauncher() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Result r = run(List.of(java.toString(), "-jar", JAR.toString(), "version"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("line111 ").contains("(Java " + Runtime.version().feature());
    }

    private record Result(int code, String out) {}

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        assertThat(JAR).exists();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** A Java whose {@code release} file says JAVA_VERSION="17...", under /usr/lib/jvm. */
    private static Optional<Path> oldJava(String feature) throws IOException {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) return Optional.empty();
        try (Stream<Path> homes = Files.list(jvm)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                Path java = home.resolve("bin/java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(java)) continue;
                if (Files.readString(release).contains("JAVA_VERSION=\"" + feature + ".")) return Optional.of(home.toRealPath().resolve("bin/java"));
            }
        }
        return Optional.empty();
    }
}
