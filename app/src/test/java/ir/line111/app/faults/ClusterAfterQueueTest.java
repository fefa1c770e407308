package ir.line111.app.faults;

import ir.line111.app.Backend;
import ir.line111.core.config.Line111Config;
import ir.line111.core.persistence.Database;
import ir.line111.core.testing.ExpectedLogs;
import ir.line111.core.testing.TestDatabases;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.fakeasterisk.agi.FakeCall;
import ir.line111.ivr.DialplanContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any node takes any FastAGI call (issue 17): the caller gives the ID on node A and is handed to the
 * queue; nobody answers and the dialplan's after-queue entry lands on node B, which knows the caller
 * only from the channel variables A set and from the shared PostgreSQL. B takes the message and gives
 * the code; the case holds the spoken-ID recording A made.
 */
class ClusterAfterQueueTest {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(ExpectedLogs.EVERYTHING);

    @TempDir Path dir;
    Database pg;
    final List<Backend> nodes = java.util.Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        for (Backend b : nodes) b.close();
        if (pg != null) pg.close();
    }

    @Test
    void theAfterQueueEntryOnAnotherNodeFinishesTheCallTheFirstNodeBegan() throws Exception {
        pg = TestDatabases.postgres(2);
        int[] ports = {freePort(), freePort()};
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<Backend> first = CompletableFuture.supplyAsync(() -> node("a", ports[0], members, name));
        Backend b = node("b", ports[1], members, name);
        Backend a = first.get(120, TimeUnit.SECONDS);
        Path speech = FaultCalls.speech(dir.resolve("speech.wav"));
        String callId = System.currentTimeMillis() / 1000 + ".7001";

        CallTranscript entry = call(a.agiPort(), DialplanContract.SCRIPT_ENTRY, callId)
                .script(CallerScript.builder()
                        .onPrompt("main-menu").press("1")
                        .onRecordAfter("say-national-id").say(speech)
                        .onPrompt("whose-matter").press("1")
                        .onPrompt("mode-menu").press("1")
                        .build())
                .run();
        Map<String, String> channel = entry.variablesSet();
        assertThat(channel).as(entry.format()).containsEntry(DialplanContract.VAR_NEXT, DialplanContract.NEXT_QUEUE)
                .containsKey(DialplanContract.VAR_SPOKEN_ID_RECORDING);

        FakeCall after = call(b.agiPort(), DialplanContract.SCRIPT_AFTER_QUEUE, callId).variable("QUEUESTATUS", "TIMEOUT");
        channel.forEach(after::variable);
        CallTranscript t = after.script(CallerScript.builder()
                        .onRecordAfter("record-message").say(speech).press("#")
                        .onPrompt("message-menu").press("1")
                        .onPrompt("hear-again-menu").press("2")
                        .build())
                .run();
        assertThat(t.promptNames()).as(t.format()).startsWith("queue-unanswered").contains("your-code-is")
                .doesNotContain("technical-problem");
        String code = FaultCalls.codeHeard(t).orElseThrow(() -> new AssertionError("no code heard:\n" + t.format()));

        try (var c = pg.dataSource().getConnection();
             var st = c.prepareStatement("select tracking_code, spoken_id_recording_id, message_recording_id from case_record where call_id = ?")) {
            st.setString(1, callId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("a case for the call").isTrue();
                assertThat(rs.getString(1)).isEqualTo(code);
                assertThat(rs.getLong(2)).as("the spoken ID node A recorded")
                        .isEqualTo(Long.parseLong(channel.get(DialplanContract.VAR_SPOKEN_ID_RECORDING)));
                assertThat(rs.getObject(3)).as("the message node B recorded").isNotNull();
                assertThat(rs.next()).as("one case only").isFalse();
            }
        }
    }

    private static FakeCall call(int agiPort, String script, String callId) {
        return FakeAsterisk.call("127.0.0.1", agiPort, script).callerId("09127770001").uniqueId(callId)
                .readTimeout(Duration.ofSeconds(30));
    }

    private Backend node(String id, int port, String members, String name) {
        Backend n = Backend.start(Line111Config.of(config(id, port, members, name)), new PrintStream(OutputStream.nullOutputStream()));
        nodes.add(n);
        return n;
    }

    private Map<String, String> config(String id, int port, String members, String name) {
        Map<String, String> c = ClusterFailoverTest.nodeConfig(dir, pg, id, port, members, name);
        c.put("recordings.dir", dir.resolve("shared-recordings").toString());
        // open at every hour of every day: the call must reach the queue whenever the suite runs
        c.put("office.days", "SATURDAY,SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY");
        c.put("office.open", "00:00");
        c.put("office.close", "23:59:59");
        return c;
    }

    private static int freePort() throws Exception {
        return ClusterFailoverTest.freePort();
    }
}
