package ir.line111.ivr.testing;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.core.persistence.Database;
import ir.line111.core.domain.office.OfficeHours;
import ir.line111.core.domain.office.OfficeSchedule;
import ir.line111.core.persistence.PersistentCallLog;
import ir.line111.core.persistence.PersistentHolidays;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.testing.TestDatabases;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.fakeasterisk.agi.FakeCall;
import ir.line111.ivr.IvrDependencies;
import ir.line111.ivr.agi.IvrServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real IVR server on an ephemeral port, over a real (H2, migrated) database with core's
 * registry and call log, a recording store under a temp folder, and settable edges: office hours,
 * queue load and the recogniser. Calls are placed with the fake Asterisk.
 */
public final class IvrHarness implements AutoCloseable {
    /** A Saturday 10:00 in Tehran (06:30 UTC): inside office hours unless the test says otherwise. */
    public static final Instant NOW = Instant.parse("2026-11-21T06:30:00Z");

    public final Database db;
    public final PersistentCases cases;
    public final PersistentCallLog callLog;
    public final PersistentHolidays holidays;
    public final TempRecordingStore recordings;
    public final FakeQueueLoad queue = new FakeQueueLoad();
    public final AtomicBoolean officeOpen = new AtomicBoolean(true);
    /** What the recogniser answers, in order; empty: "not understood". Null queue = no recogniser (NONE). */
    public final Queue<Recognition> recognitions = new ConcurrentLinkedQueue<>();
    public volatile boolean recogniserConfigured = true;
    /** Thrown by the recogniser instead of answering: one that breaks its promise never to throw. */
    public volatile RuntimeException recogniserFault;
    /** When set, the recogniser waits for it: keeps a call in progress for capacity and shutdown tests. */
    public volatile java.util.concurrent.CountDownLatch recogniserGate;
    public final java.util.concurrent.atomic.AtomicInteger recognising = new java.util.concurrent.atomic.AtomicInteger();
    /** How many of the next registerVoicemail calls fail as if the database were down. */
    public final java.util.concurrent.atomic.AtomicInteger voicemailFailures = new java.util.concurrent.atomic.AtomicInteger();
    public final Path dir;
    public final Path speech;
    public final IvrServer server;

    public IvrHarness(Path dir) throws IOException {
        this(dir, Map.of());
    }

    public IvrHarness(Path dir, Map<String, String> config) throws IOException {
        this.dir = dir;
        this.db = TestDatabases.h2();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        this.cases = new PersistentCases(db, new TrackingCodeIssuer(db, "0123456789abcdef0123456789abcdef".getBytes()), clock, Duration.ofDays(30));
        this.callLog = new PersistentCallLog(db, clock);
        this.recordings = new TempRecordingStore(dir.resolve("recordings"));
        this.speech = writeSpeechWav(dir.resolve("speech.wav"), 2.0);
        NationalIdRecognizer recognizer = (wav, timeout) -> {
            if (!recogniserConfigured) return NationalIdRecognizer.NONE.recognise(wav, timeout);
            var gate = recogniserGate;
            if (gate != null) {
                recognising.incrementAndGet();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Recognition.Unavailable("interrupted");
                } finally {
                    recognising.decrementAndGet();
                }
            }
            RuntimeException fault = recogniserFault;
            if (fault != null) throw fault;
            Recognition r = recognitions.poll();
            return r == null ? new Recognition.NotUnderstood("test: nothing queued") : r;
        };
        // Core's office hours (the defaults: Saturday to Wednesday 07:30-14:30 Tehran) and holidays from the
        // database; the flag closes the line for tests of the out-of-hours branch.
        this.holidays = new PersistentHolidays(db, clock);
        Line111Config defaults = Line111Config.of(Map.of());
        OfficeHours hours = new OfficeHours(OfficeSchedule.parse(defaults.string("office.zone"), defaults.string("office.days"),
                defaults.string("office.open"), defaults.string("office.close")), holidays);
        IvrDependencies deps = new IvrDependencies(new FlakyRegistry(cases, voicemailFailures), callLog, recordings, recognizer, queue,
                at -> officeOpen.get() && hours.isOpen(at), clock);
        Map<String, String> c = new HashMap<>(Map.of("agi.port", "0", "agi.bind", "127.0.0.1"));
        c.putAll(config);
        this.server = new IvrServer(Line111Config.of(c), deps);
        server.start();
    }

    public FakeCall call(String script) {
        return FakeAsterisk.call("127.0.0.1", server.port(), script).callerId("09121234567")
                .recordingRoot(dir).readTimeout(Duration.ofSeconds(20));
    }

    public CallTranscript entry(CallerScript script) {
        return call("line111").script(script).run();
    }

    public static Recognition recognised(String digits) {
        return new Recognition.Recognised(digits, 0.95, true, List.of());
    }

    /** A WAV of a tone: something for the fake caller to "say" into a RECORD FILE. */
    public static Path writeSpeechWav(Path file, double seconds) throws IOException {
        int rate = 8000;
        int n = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(n * 2);
        for (int i = 0; i < n; i++) b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
        return file;
    }

    // ------------------------------------------------------------ what the database holds

    public record CallRow(String callId, CallOutcome outcome, String lastStep, Long caseId, Integer satisfaction, boolean ended) {}

    public CallRow callRow(String callId) {
        List<Map<String, Object>> rows = query("select outcome, last_step, case_id, satisfaction, ended_at from call_record where call_id = ?", callId);
        if (rows.isEmpty()) return null;
        Map<String, Object> r = rows.getFirst();
        return new CallRow(callId, CallOutcome.valueOf((String) r.get("OUTCOME")), (String) r.get("LAST_STEP"),
                r.get("CASE_ID") == null ? null : ((Number) r.get("CASE_ID")).longValue(),
                r.get("SATISFACTION") == null ? null : ((Number) r.get("SATISFACTION")).intValue(), r.get("ENDED_AT") != null);
    }

    public List<String> steps(String callId) {
        return query("select step, detail from call_step where call_id = ? order by occurred_at, id", callId).stream()
                .map(r -> r.get("STEP") + (r.get("DETAIL") == null ? "" : ":" + r.get("DETAIL"))).toList();
    }

    public List<Map<String, Object>> casesOfCall(String callId) {
        return query("select * from case_record where call_id = ? order by id", callId);
    }

    public List<Map<String, Object>> events(long caseId) {
        return query("select * from case_event where case_id = ? order by occurred_at, id", caseId);
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        // The IVR writes call records behind the calls: read them once they are written.
        if (server != null && !server.flushCallLog(Duration.ofSeconds(10))) throw new IllegalStateException("call log not flushed");
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= cols; i++) row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(), rs.getObject(i));
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(5));
        db.close();
    }
}
