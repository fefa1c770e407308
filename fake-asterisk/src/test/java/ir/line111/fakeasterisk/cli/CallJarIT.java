package ir.line111.fakeasterisk.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar {@code ./line111 call} runs: the simulated caller on its own, with what it needs and no product class. */
class CallJarIT {

    private static final Path JAR = Path.of("target", "line111-call.jar");

    @Test
    void holdsTheCallerAndNoProductClass() throws Exception {
        try (JarFile j = new JarFile(JAR.toFile())) {
            List<String> names = j.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("ir/line111/fakeasterisk/cli/CallCommand.class", "ir/line111/wav/WavHeader.class",
                    "org/yaml/snakeyaml/Yaml.class");
            assertThat(names).noneMatch(n -> n.startsWith("ir/line111/app/") || n.startsWith("ir/line111/core/")
                    || n.startsWith("ir/line111/ivr/") || n.startsWith("ir/line111/recordings/") || n.startsWith("ir/line111/console/"));
        }
    }

    @Test
    void runsOnItsOwn() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", JAR.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);   // bad arguments: the usage, from the jar's own main
        assertThat(out).contains("usage: call --script FILE.yaml");
    }

    /** Options reach the caller in the order given (once, through the product's CLI, "--script F --port P" read F as an option). */
    @Test
    void takesItsOptionsInTheOrderGiven() throws Exception {
        Path script = Path.of(System.getProperty("line111.repo.root", "..")).resolve("fake-asterisk/scripts/follow-up-code.yaml");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--script", script.toString(), "--port", "1",
                "--timeout", "2").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotContain("unknown option").contains("127.0.0.1:1");
        assertThat(p.exitValue()).as(out).isEqualTo(1);
    }
}
