package ir.line111.recordings.store;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.recordings.speech.audio.WavAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reconcilers must find besides files with no row (issue 11 point 3) and must leave alone
 * (issue 13 point 2: an empty fallback file is not a case).
 */
abstract class ReconcilerEdgesContract {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.recordings.store");
    /** A fresh migrated database of the kind the subclass tests. */
    abstract Database open();

    static final Instant NOW = Instant.parse("2026-03-10T20:15:00Z");
    static final Duration ORPHAN_AGE = Duration.ofMinutes(15);

    @TempDir Path tmp;
    Database database;
    AudioStore adoptedEarlier;
    AudioStore store;
    PersistentCases cases;
    Path spool;

    @BeforeEach
    void setUp() throws IOException {
        database = open();
        store = new AudioStore(database.dataSource(), tmp.resolve("store"), Clock.fixed(NOW, ZoneOffset.UTC));
        adoptedEarlier = new AudioStore(database.dataSource(), tmp.resolve("store"), Clock.fixed(NOW.minus(Duration.ofMinutes(20)), ZoneOffset.UTC));
        cases = new PersistentCases(database, new TrackingCodeIssuer(database, "recordings test key, 32 bytes!!!".getBytes()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
        spool = Files.createDirectories(tmp.resolve("spool"));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    CaselessMessageReconciler caseless() {
        return new CaselessMessageReconciler(database.dataSource(), store, cases, ORPHAN_AGE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static short[] tone(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < s.length; i++) s[i] = (short) (8000 * Math.sin(i * 2 * Math.PI * 440 / 8000));
        return s;
    }

    long message(AudioStore by, String callId) throws IOException {
        PlannedRecording p = by.plan(callId, RecordingKind.VOICEMAIL);
        WavAudio.write(p.file(), 8000, tone(8000));
        return by.adopt(p).id();
    }

    List<Long> casesOf(String callId) {
        return Sql.inTransaction(database.dataSource(), c -> {
            try (var ps = c.prepareStatement("SELECT id FROM case_record WHERE call_id = ? ORDER BY id")) {
                ps.setString(1, callId);
                try (var rs = ps.executeQuery()) {
                    List<Long> out = new java.util.ArrayList<>();
                    while (rs.next()) out.add(rs.getLong(1));
                    return out;
                }
            }
        });
    }

    @Test
    void anAdoptedMessageThatNoCaseHoldsIsRegisteredOnce() throws IOException {
        long lost = message(adoptedEarlier, "1773173600.3");

        assertThat(caseless().reconcile()).isEqualTo(1);

        assertThat(casesOf("1773173600.3")).singleElement()
                .isEqualTo(store.byId(lost).orElseThrow().caseId());
        assertThat(caseless().reconcile()).isZero();
        assertThat(new StrayRecordingReconciler(store, cases, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC)).adoptStrays()).isZero();
        assertThat(casesOf("1773173600.3")).hasSize(1);
    }

    @Test
    void aMessageStillInItsCallIsNotTaken() throws IOException {
        message(store, "1773173600.4");   // adopted just now: the call may register it in a moment
        assertThat(caseless().reconcile()).isZero();
        assertThat(casesOf("1773173600.4")).isEmpty();
    }

    @Test
    void earlierTakesOfACallThatRegisteredItsMessageAreNotCases() throws IOException {
        message(adoptedEarlier, "1773173600.5");
        long kept = message(adoptedEarlier, "1773173600.5");
        cases.registerVoicemail(new VoicemailIntake("1773173600.5", "0912", new SubjectPerson(null, false, Relation.SELF, null),
                null, kept, NOW));

        assertThat(caseless().reconcile()).isZero();

        assertThat(casesOf("1773173600.5")).hasSize(1);
        // the case's own message is tied to it now (retention and the console look there)
        assertThat(store.byId(kept).orElseThrow().caseId()).isEqualTo(casesOf("1773173600.5").getFirst());
    }

    /** A WAV as Asterisk's format_wav leaves it while recording: the header's sizes are still 0. */
    static void writeOpenWav(Path file, short[] samples) throws IOException {
        WavAudio.write(file, 8000, samples);
        byte[] b = Files.readAllBytes(file);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 0).putInt(40, 0);
        Files.write(file, b);
    }

    @Test
    void aFallbackMessageAsteriskHasClosedIsTakenWithinSecondsNotAfterTheSettleTime() throws IOException {
        Path closed = spool.resolve(new FallbackRecordingName(NOW.minusSeconds(60), "0912", "1796298990.1").fileName());
        WavAudio.write(closed, 8000, tone(16_000));
        Path open = spool.resolve(new FallbackRecordingName(NOW.minusSeconds(60), "0912", "1796298990.2").fileName());
        writeOpenWav(open, tone(16_000));
        Path openAndEmpty = spool.resolve(new FallbackRecordingName(NOW.minusSeconds(60), "0912", "1796298990.3").fileName());
        writeOpenWav(openAndEmpty, new short[0]);
        for (Path f : List.of(closed, open, openAndEmpty)) Files.setLastModifiedTime(f, FileTime.from(NOW.minusSeconds(6)));

        var result = new SpoolReconciler(store, cases, spool, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC)).reconcile();

        assertThat(result).isEqualTo(new SpoolReconciler.Result(1, 2, 0));
        assertThat(casesOf("1796298990.1")).hasSize(1);
        assertThat(open).exists();
        assertThat(openAndEmpty).exists();   // a recording that has not started yet is not "empty"
    }

    @Test
    void aFallbackMessageOfACallThatAlreadyHasItsCaseIsAddedToItWithoutASecondCode() throws IOException {
        // real-calls/sigterm-midcall: the call got code 717216156, was cut at shutdown, and the fallback recorded again
        String callId = "1796298900.431";
        var first = cases.registerVoicemail(new VoicemailIntake(callId, "09124440001", new SubjectPerson(null, false, Relation.SELF, null),
                null, null, NOW.minusSeconds(700)));
        Path again = spool.resolve(new FallbackRecordingName(NOW.minusSeconds(600), "09124440001", callId).fileName());
        WavAudio.write(again, 8000, tone(16_000));
        Files.setLastModifiedTime(again, FileTime.from(NOW.minusSeconds(600)));

        new SpoolReconciler(store, cases, spool, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC)).reconcile();

        assertThat(casesOf(callId)).containsExactly(first.id());
        assertThat(store.byCall(callId)).singleElement().satisfies(r -> assertThat(r.caseId()).isEqualTo(first.id()));
        long events = Sql.inTransaction(database.dataSource(), c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM case_event WHERE case_id = ? AND recording_id IS NOT NULL")) {
                ps.setLong(1, first.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(events).isEqualTo(1);
        assertThat(again).doesNotExist();
    }

    @Test
    void anEmptyFallbackFileIsNotACase() throws IOException {
        Path empty = spool.resolve(new FallbackRecordingName(NOW.minusSeconds(600), "09124440001", "1796298900.431").fileName());
        WavAudio.write(empty, 8000, new short[0]);
        Path nothing = spool.resolve(new FallbackRecordingName(NOW.minusSeconds(600), "", "1796298900.432").fileName());
        Files.write(nothing, new byte[0]);
        for (Path f : List.of(empty, nothing)) Files.setLastModifiedTime(f, FileTime.from(NOW.minusSeconds(600)));

        new SpoolReconciler(store, cases, spool, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC)).reconcile();

        assertThat(casesOf("1796298900.431")).isEmpty();
        assertThat(casesOf("1796298900.432")).isEmpty();
        assertThat(empty).doesNotExist();
        assertThat(nothing).doesNotExist();
    }
}
