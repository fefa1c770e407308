package ir.line111.recordings;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer per table: a second hand-written INSERT is how the store and the queue once drifted
 * apart (two inserts into transcription_job with different guards).
 */
class TableOwnersTest {

    private static final Map<String, String> OWNERS = Map.of(
            "transcription_job", "transcription/TranscriptionQueue.java",
            "transcript", "transcription/Transcripts.java",
            "transcript_word", "transcription/Transcripts.java");

    @Test
    void eachTableIsWrittenByItsOwnerOnly() throws IOException {
        Path main = Path.of("src/main/java/ir/line111/recordings");
        List<Path> sources;
        try (Stream<Path> s = Files.walk(main)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (var owner : OWNERS.entrySet()) {
            Pattern write = Pattern.compile("(INSERT INTO|UPDATE|DELETE FROM)\\s+" + owner.getKey() + "\\b");
            for (Path source : sources) {
                if (source.toString().replace('\\', '/').endsWith(owner.getValue())) continue;
                assertThat(write.matcher(Files.readString(source)).find())
                        .as("%s writes %s, owned by %s", main.relativize(source), owner.getKey(), owner.getValue())
                        .isFalse();
            }
        }
    }
}
