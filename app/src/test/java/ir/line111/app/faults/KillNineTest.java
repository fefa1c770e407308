package ir.line111.app.faults;

import ir.line111.fakeasterisk.agi.CallTranscript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 1: the real backend in a child JVM on its default H2 file database, killed with
 * SIGKILL at five steps of a message call, then started again on the same data. Every code a caller
 * heard belongs to a case, and no code is heard twice (a sequence advance lost in the crash would
 * hand the same code to the next caller).
 */
class KillNineTest {
    /** Where the backend dies: after the IVR sent the command that plays this prompt. */
    static final List<String> KILL_POINTS = List.of("message-menu", "message-registered", "your-code-is", "code-again", "hear-again-menu");
    static final Duration START = Duration.ofSeconds(90);

    @TempDir Path dir;

    @Test
    void everyCodeHeardHasItsCaseAndNoCodeIsHeardTwiceAcrossKills() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = new HashMap<>(Map.of(
                "LINE111_DATA_DIR", data.toString(),
                "LINE111_DB_URL", "jdbc:h2:file:" + data.resolve("line111"),
                "LINE111_AGI_PORT", "0",
                "LINE111_CONSOLE_PORT", "0",
                "LINE111_USERS_BCRYPT_COST", "4",
                "LINE111_IVR_RESERVE_CODES", "5"));
        Path speech = FaultCalls.speech(dir.resolve("speech.wav"));
        List<String> heard = new ArrayList<>();
        Map<String, String> heardAt = new HashMap<>();

        for (String point : KILL_POINTS) {
            ChildBackend backend = ChildBackend.start(dir, env, START);
            AtomicBoolean killed = new AtomicBoolean();
            CallTranscript t = FaultCalls.call(backend.agiPort()).script(FaultCalls.leaveMessage(speech))
                    .listener(e -> {
                        if (!killed.get() && FaultCalls.plays(e.command().line(), point)) {
                            killed.set(true);
                            backend.kill9();
                        }
                    }).run();
            assertThat(killed).as("the call reached %s", point).isTrue();
            FaultCalls.codeHeard(t).ifPresent(code -> {
                heard.add(code);
                heardAt.put(code, point);
            });
        }
        // Once more, to the end: the first code after the last kill must be new too.
        try (ChildBackend backend = ChildBackend.start(dir, env, START)) {
            CallTranscript t = FaultCalls.call(backend.agiPort()).script(FaultCalls.leaveMessage(speech)).run();
            String code = FaultCalls.codeHeard(t).orElseThrow(() -> new AssertionError("no code heard:\n" + t.format()));
            heard.add(code);
            heardAt.put(code, "after the last restart");
        }

        assertThat(heard).as("codes heard when killed after code-again and hear-again-menu, and at the end").hasSizeGreaterThanOrEqualTo(3);
        assertThat(heard).as("no code heard twice").doesNotHaveDuplicates();
        List<String> codes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("line111"), "line111", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select tracking_code from case_record")) {
            while (rs.next()) codes.add(rs.getString(1));
        }
        for (String code : heard) assertThat(codes).as("the case of %s (heard, killed at %s)", code, heardAt.get(code)).contains(code);
    }
}
