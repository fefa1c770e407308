package ir.line111.fakeasterisk.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class YamlScriptTest {

    static Path repo() {
        return Path.of(System.getProperty("line111.repo.root", Path.of("").toAbsolutePath().getParent().toString()));
    }

    @Test
    void everyExampleScriptLoadsWithItsSpeechFromTheSharedFolder() throws Exception {
        Path shared = AgiTrace.shared();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("speech")), "no shared speech at " + shared);
        List<Path> scripts;
        try (Stream<Path> s = Files.list(repo().resolve("fake-asterisk/scripts"))) {
            scripts = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(scripts).extracting(p -> p.getFileName().toString())
                .contains("offline-message.yaml", "follow-up-code.yaml", "live-to-queue.yaml", "hangup-mid-id.yaml");
        for (Path p : scripts) {
            YamlScript y = YamlScript.load(p, shared);
            assertThat(y.caller().rules()).as(p.toString()).isNotEmpty();
            assertThat(y.description()).as(p.toString()).isNotBlank();
            y.caller().rules().stream().map(r -> r.reaction().speech()).filter(java.util.Objects::nonNull)
                    .forEach(speech -> assertThat(speech).isRegularFile());
        }
    }

    @Test
    void closeResetDropsTheLineWithAnRst() throws Exception {
        YamlScript y = YamlScript.parse(new StringReader("""
                caller:
                  - onRecord: true
                    close: reset
                """), null, null, "inline");
        assertThat(y.caller().rules()).singleElement().satisfies(r -> {
            assertThat(r.reaction().close()).isTrue();
            assertThat(r.reaction().reset()).isTrue();
        });
    }

    @Test
    void aYamlScriptDrivesTheCallLikeTheBuilder() throws Exception {
        YamlScript y = YamlScript.parse(new StringReader("""
                call:
                  callerId: "09121234567"
                  variables: {PRESET: x}
                caller:
                  - onPrompt: main-menu
                    press: "2"
                  - onPrompt: enter-tracking-code
                    press: "123456786#"
                  - onCommand: SET VARIABLE
                    hangUp: after
                """), null, null, "inline");
        try (ScriptedAgiServer server = new ScriptedAgiServer(List.of("GET DATA line111/main-menu 5000 1",
                "GET DATA line111/enter-tracking-code 5000 12", "GET VARIABLE PRESET", "SET VARIABLE A b", "NOOP"))) {
            CallTranscript t = y.applyTo(FakeAsterisk.call("127.0.0.1", server.port(), y.scriptName("line111"))).run();
            assertThat(server.received()).contains("agi_callerid: 09121234567\n").endsWith("""

                    200 result=2
                    200 result=123456786
                    200 result=1 (x)
                    200 result=1
                    HANGUP
                    200 result=0
                    HANGUP
                    """);
            assertThat(t.callerHungUp()).isTrue();
        }
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> YamlScript.parse(new StringReader("caller:\n  - onPrompt: x\n    press: 1234\n"), null, null, "s"))
                .hasMessageContaining("quote the keys");
        assertThatThrownBy(() -> YamlScript.parse(new StringReader("caller:\n  - press: \"1\"\n"), null, null, "s"))
                .hasMessageContaining("needs a trigger");
        assertThatThrownBy(() -> YamlScript.parse(new StringReader("caller:\n  - onPrompt: x\n    pres: \"1\"\n"), null, null, "s"))
                .hasMessageContaining("unknown key 'pres'");
        assertThatThrownBy(() -> YamlScript.parse(new StringReader("caller:\n  - onRecord: true\n    say: nope.wav\n"), null, null, "s"))
                .hasMessageContaining("speech file nope.wav not found");
    }
}
