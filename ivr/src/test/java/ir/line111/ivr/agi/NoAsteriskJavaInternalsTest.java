package ir.line111.ivr.agi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asterisk-Java's public API only: its {@code internal} packages promise nothing across upgrades (issue 14.5).
 * One known exception, named here so that no other creeps in: the AMI link's {@code LinkConnection} extends
 * {@code manager.internal.ManagerConnectionImpl}, because the public {@code ManagerConnection} has no way to
 * turn off the library's own reconnect thread, which {@code AmiLink} replaces.
 */
class NoAsteriskJavaInternalsTest {

    private static final List<String> KNOWN = List.of("ivr/src/main/java/ir/line111/ivr/ami/LinkConnection.java");

    @Test
    void noModuleImportsAnAsteriskJavaInternalPackage() throws IOException {
        Path given = Path.of(System.getProperty("line111.repo.root", ".."));
        Path repo = Files.isDirectory(given.resolve("ivr/src/main/java")) ? given : Path.of("..");
        assertThat(repo.resolve("ivr/src/main/java/ir/line111/ivr/agi/BoundedAgiServer.java")).as("the sources are scanned").isRegularFile();
        List<String> offending;
        try (Stream<Path> files = Files.walk(repo)) {
            offending = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).lines().anyMatch(l -> l.startsWith("import")
                                    && l.contains("org.asteriskjava.") && l.contains(".internal."));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(p -> repo.relativize(p).toString()).toList();
        }
        assertThat(offending).allMatch(KNOWN::contains);
    }
}
