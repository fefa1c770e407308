package ir.line111.app.faults;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.app.Backend;
import ir.line111.app.wiring.OutageIntakes;
import ir.line111.console.ports.HealthCheck;
import ir.line111.core.config.Line111Config;
import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;
import ir.line111.fakeasterisk.agi.CallTranscript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, point 2: the backend's PostgreSQL goes away (a TCP proxy between them is cut) while
 * callers leave messages. They hear codes reserved before the outage; their intakes wait in the
 * local journal; once the database is back each becomes its case with the code its caller heard,
 * once. With no reserved code left a caller is handed to the dialplan's fallback, not hung up.
 */
class MessagesDuringOutageTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(ExpectedLogs.EVERYTHING);
    static final int RESERVE = 3;

    @TempDir Path dir;
    Database pg;
    TcpProxy proxy;
    Backend backend;

    @AfterEach
    void stop() throws Exception {
        if (backend != null) backend.close();
        if (proxy != null) proxy.close();
        if (pg != null) pg.close();
    }

    @Test
    void callersDuringAnOutageHearReservedCodesAndTheirCasesAppearOnceWhenItIsBack() throws Exception {
        pg = TestDatabases.postgres(2);
        Matcher m = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)(/.*)$").matcher(pg.safeUrl());
        assertThat(m.matches()).as(pg.safeUrl()).isTrue();
        proxy = new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
        Map<String, String> config = new HashMap<>(Map.of(
                "data.dir", dir.resolve("data").toString(),
                "db.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + m.group(3),
                "db.user", "postgres",
                "db.pool.max", "4",
                "db.watch-ms", "100",
                "agi.port", "0",
                "console.port", "0",
                "users.bcrypt-cost", "4",
                "ivr.reserve.codes", Integer.toString(RESERVE)));
        // The stray-recording reconciler sweeps all the time: it must leave the journal's messages to replay.
        config.put("recordings.spool.settle-seconds", "0");
        config.put("recordings.housekeeping-seconds", "1");
        backend = Backend.start(Line111Config.of(config), new PrintStream(OutputStream.nullOutputStream()));
        Path speech = FaultCalls.speech(dir.resolve("speech.wav"));
        within(Duration.ofSeconds(20)).until(() -> backend.intake().codesLeft() == RESERVE);

        String before = FaultCalls.codeHeard(messageCall(speech)).orElseThrow();
        assertThat(trackingCodes()).contains(before);

        proxy.cut();
        within(Duration.ofSeconds(20)).until(() -> !backend.intake().databaseUp());
        List<String> callIds = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        for (int i = 0; i < RESERVE; i++) {
            CallTranscript t = messageCall(speech);
            heard.add(FaultCalls.codeHeard(t).orElseThrow(() -> new AssertionError("no code during the outage:\n" + t.format())));
            assertThat(t.variable("LINE111_NEXT")).contains("HANGUP");
            callIds.add(FaultCalls.callId(t));
        }
        assertThat(heard).doesNotHaveDuplicates().doesNotContain(before);
        assertThat(backend.intake().waiting()).isEqualTo(RESERVE);
        HealthCheck.Status health = OutageIntakes.health(backend.intake()).check();
        assertThat(health.state()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.detail()).contains("database away").contains(RESERVE + " intakes wait").contains("0 reserved codes left");

        CallTranscript unserved = messageCall(speech);
        assertThat(unserved.variable("LINE111_NEXT")).contains("FALLBACK");
        assertThat(FaultCalls.codeHeard(unserved)).isEmpty();

        proxy.restore();
        within(Duration.ofSeconds(30)).until(() -> backend.intake().databaseUp() && backend.intake().waiting() == 0);
        for (int i = 0; i < RESERVE; i++) {
            List<Map<String, Object>> cases = query("select call_id, message_recording_id, spoken_id_recording_id, status from case_record "
                    + "where tracking_code = ?", heard.get(i));
            assertThat(cases).as("the case of %s", heard.get(i)).hasSize(1);
            assertThat(cases.getFirst().get("call_id")).isEqualTo(callIds.get(i));
            assertThat(cases.getFirst().get("message_recording_id")).as("its message").isNotNull();
            assertThat(cases.getFirst().get("spoken_id_recording_id")).as("its spoken ID").isNotNull();
            assertThat(query("select id from recording where id = ?", cases.getFirst().get("message_recording_id"))).hasSize(1);
        }
        assertThat(query("select call_id from case_record group by call_id having count(*) > 1")).as("a call with two cases").isEmpty();
        assertThat(trackingCodes()).hasSize(RESERVE + 1);
        // The reserve is filled again for the next outage.
        within(Duration.ofSeconds(20)).until(() -> backend.intake().codesLeft() == RESERVE);
    }

    /**
     * Awaitility's, without failing on other threads' uncaught errors: with -ea (surefire's default) the
     * PostgreSQL driver's own assertions throw AssertionError on a connection the proxy cut mid-batch.
     */
    static org.awaitility.core.ConditionFactory within(Duration timeout) {
        return await().dontCatchUncaughtExceptions().atMost(timeout);
    }

    CallTranscript messageCall(Path speech) {
        return FaultCalls.call(backend.agiPort()).script(FaultCalls.leaveMessage(speech)).run();
    }

    List<String> trackingCodes() throws Exception {
        return query("select tracking_code from case_record").stream().map(r -> (String) r.get("tracking_code")).toList();
    }

    List<Map<String, Object>> query(String sql, Object... args) throws Exception {
        try (Connection c = pg.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    out.add(row);
                }
                return out;
            }
        }
    }
}
