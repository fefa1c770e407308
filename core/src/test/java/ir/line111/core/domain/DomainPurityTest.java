package ir.line111.core.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** core/domain/** is plain Java: no framework, no database, no protocol (COMMON: "imports no framework"). */
class DomainPurityTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("java.", "javax.crypto.", "ir.line111.core.domain.");

    @Test
    void theDomainImportsOnlyTheJdkAndItself() throws IOException {
        Path root = Path.of(System.getProperty("line111.repo.root", "..")).resolve("core/src/main/java/ir/line111/core/domain");
        if (!Files.isDirectory(root)) root = Path.of("src/main/java/ir/line111/core/domain");
        assertThat(root).isDirectory();
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String src = Files.readString(p);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String imp = m.group(2);
                    if (ALLOWED.stream().noneMatch(imp::startsWith)) offending.add(root.relativize(p) + ": " + imp);
                }
                // fully qualified uses slip past imports
                for (String banned : List.of("jakarta.", "org.hibernate", "org.h2", "org.postgresql", "io.vertx", "com.zaxxer",
                        "org.flywaydb", "org.asteriskjava", "com.fasterxml", "org.slf4j", "com.ibm.icu", "java.sql")) {
                    if (src.contains(banned)) offending.add(root.relativize(p) + ": uses " + banned);
                }
            }
        }
        assertThat(files).isGreaterThan(20);
        assertThat(offending).isEmpty();
    }
}
