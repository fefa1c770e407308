package ir.line111.app.packaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product jar as {@code package} built it (failsafe runs after the shade): the fake Asterisk is
 * test support and a demo tool, and has its own jar for {@code ./line111 call}.
 */
class ProductJarIT {

    @Test
    void theProductJarHoldsNoFakeAsteriskClass() throws Exception {
        Path jar = Path.of("target", "line111.jar");
        assertThat(jar).exists();
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = j.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("ir/line111/app/Main.class", "ir/line111/app/launcher/Launcher.class", "ir/line111/wav/WavHeader.class");
            assertThat(names).noneMatch(n -> n.startsWith("ir/line111/fakeasterisk/"));
            assertThat(j.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("ir.line111.app.launcher.Launcher");
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
