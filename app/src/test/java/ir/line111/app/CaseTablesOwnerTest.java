package ir.line111.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to the cases: core owns {@code case_record} and {@code case_event}, and no other module's
 * production code names them (issue 14). Reads go through core's ports (CaseDesk, CaseRegistry,
 * AwaitingMessages, CaseReports); the recordings module's in-statement conditions come from core's
 * CaseTables. A second reader is how "overdue" came to have three definitions.
 */
class CaseTablesOwnerTest {

    private static final Pattern CASE_TABLES = Pattern.compile("\\bcase_(record|event)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> MODULES = List.of("ivr", "recordings", "agent-console", "app", "fake-asterisk", "asterisk-conf", "wav", "sms");

    @Test
    void noModuleButCoreNamesTheCaseTables() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            Path main = root.resolve(module).resolve("src/main");
            if (!Files.isDirectory(main)) continue;
            try (Stream<Path> s = Files.walk(main)) {
                s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).forEach(sources::add);
            }
        }
        assertThat(sources).as("sources of the other modules").hasSizeGreaterThan(50);
        for (Path source : sources) {
            assertThat(CASE_TABLES.matcher(Files.readString(source)).find())
                    .as("%s names core's case tables; use core's ports (or CaseTables)", root.relativize(source)).isFalse();
        }
    }
}
