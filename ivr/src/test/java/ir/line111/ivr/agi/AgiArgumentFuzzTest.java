package ir.line111.ivr.agi;

import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.ivr.flow.CallFault;
import ir.line111.ivr.prompts.PromptCatalogue;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every AGI argument, whatever it holds, reaches Asterisk as part of exactly one command: fuzzed with
 * every control character, quotes, backslashes and a would-be second command, through the fake
 * Asterisk, which reads lines as res_agi does (2047-byte buffer, NUL ends the command).
 */
class AgiArgumentFuzzTest {
    static final List<Character> CONTROLS = controls();

    @TempDir Path dir;
    final PromptCatalogue catalogue = PromptCatalogue.load();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    volatile Consumer<AgiCaller> body;
    BoundedAgiServer server;
    Thread acceptor;
    int port;

    static List<Character> controls() {
        List<Character> out = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) out.add(c);
        out.add((char) 0x7f);
        return List.copyOf(out);
    }

    /** A value that would end the command at c and smuggle a second one in. */
    static String hostile(char c) {
        return "a" + c + "SET VARIABLE INJECTED \"1\"" + c + " \"q\\\" \\\\ end";
    }

    /** What Asterisk must see: the same text with each control character as '?'. */
    static String expected(char c) {
        return hostile(c).replace(c, '?');
    }

    @BeforeEach
    void startServer() throws Exception {
        AgiScript script = (request, channel) -> {
            try {
                body.accept(new AgiCaller(channel, catalogue));
            } catch (Throwable t) {
                failures.add(t);
            }
        };
        server = new BoundedAgiServer((request, channel) -> script, InetAddress.getLoopbackAddress(), 0, 10,
                new AgiLimits(Duration.ofSeconds(3), Duration.ofSeconds(10), 100));
        acceptor = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                server.bindFailed();
            }
        });
        port = server.awaitBound();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stopAccepting();
        acceptor.join(5000);
    }

    /** The script's commands, without the status variable Asterisk-Java sets after every script. */
    static List<String> ours(CallTranscript t) {
        return t.commands().stream().filter(c -> !c.contains("AJ_AGISTATUS")).toList();
    }

    CallTranscript call(Consumer<AgiCaller> what) {
        body = what;
        return FakeAsterisk.call("127.0.0.1", port, "fuzz").recordingRoot(dir).redirectRecordings(dir)
                .readTimeout(Duration.ofSeconds(10)).script(CallerScript.silent()).run();
    }

    @Test
    void everyControlCharacterStaysInsideItsCommand() {
        int[] sent = {0};
        CallTranscript t = call(caller -> {
            for (char c : CONTROLS) {
                caller.setVariable("FUZZ_" + (int) c, hostile(c));
                caller.setVariable("NAME" + c + "X_" + (int) c, "v");
                caller.variable("FUZZ_" + (int) c + c + "GET");
                caller.play(List.of("main-menu"), "1" + c + "2");
                caller.record(dir.resolve("rec" + (c == 0 ? "" : String.valueOf(c)) /* a Path cannot hold NUL */ + (int) c), "wav", "#" + c, Duration.ofMillis(100), Duration.ZERO);
                sent[0] += 5;
            }
        });
        assertThat(failures).isEmpty();
        assertThat(ours(t)).as("one command line per command").hasSize(sent[0]);
        assertThat(t.exchanges()).allSatisfy(e -> {
            assertThat(e.command().known()).as(e.command().line()).isTrue();
            assertThat(e.reply()).as(e.command().line()).startsWith("200 ");
        });
        Map<String, String> vars = t.variablesSet();
        assertThat(vars).doesNotContainKey("INJECTED");
        for (char c : CONTROLS) {
            assertThat(vars).containsEntry("FUZZ_" + (int) c, expected(c));
            assertThat(vars).containsEntry("NAME?X_" + (int) c, "v");
        }
        assertThat(t.exchanges()).filteredOn(e -> e.command().is("GET VARIABLE")).allSatisfy(e ->
                assertThat(e.command().argc()).isEqualTo(3));
        assertThat(t.exchanges()).filteredOn(e -> e.command().is("RECORD FILE")).allSatisfy(e -> {
            assertThat(e.command().argc()).isEqualTo(7);
            assertThat(e.command().arg(4)).startsWith("#");
        });
    }

    @Test
    void theCommandsLookAsInAsterisksUsageWhenNothingNeedsQuoting() {
        CallTranscript t = call(caller -> {
            caller.play(List.of("main-menu"), "12");
            caller.setVariable("LINE111_NEXT", "FALLBACK");
            caller.variable("LINE111_CALL_ID");
        });
        assertThat(failures).isEmpty();
        assertThat(ours(t).get(0)).matches("STREAM FILE \\S+ \"12\"");
        assertThat(ours(t).get(1)).isEqualTo("SET VARIABLE LINE111_NEXT \"FALLBACK\"");
        assertThat(ours(t).get(2)).isEqualTo("GET VARIABLE LINE111_CALL_ID");
    }

    @Test
    void aCommandLongerThanAsterisksBufferIsRefusedNotSplit() {
        CallTranscript t = call(caller -> {
            assertThatThrownBy(() -> caller.setVariable("BIG", "x".repeat(AgiCommandLine.MAX_BYTES)))
                    .isInstanceOf(CallFault.class).hasMessageContaining("2047");
            caller.setVariable("AFTER", "ok");
        });
        assertThat(failures).isEmpty();
        assertThat(ours(t)).containsExactly("SET VARIABLE AFTER \"ok\"");
    }
}
