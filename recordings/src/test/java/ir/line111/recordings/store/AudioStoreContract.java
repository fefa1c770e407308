package ir.line111.recordings.store;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.domain.recordings.RecordingStore.StoredRecording;
import ir.line111.recordings.speech.audio.WavAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's behaviour, run on H2 ({@link AudioStoreOnH2Test}) and PostgreSQL ({@link AudioStoreOnPostgresTest}). */
abstract class AudioStoreContract {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(AudioStore.class, StrayRecordingReconciler.class, SpoolReconciler.class);

    /** A fresh migrated database of the kind the subclass tests. */
    abstract Database open();


    static final Instant NOW = Instant.parse("2026-03-10T20:15:00Z");

    /** An Asterisk unique id ({@code <epoch seconds>.<channel counter>}) of a call started at {@link #NOW}. */
    static String callAtNow(int counter) {
        return callAt(NOW, counter);
    }

    static String callAt(Instant start, int counter) {
        return start.getEpochSecond() + "." + counter;
    }

    static final byte[] KEY = "recordings test key, 32 bytes!!!".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @TempDir Path tmp;
    Database database;
    DataSource db;
    AudioStore store;
    Path spool;
    PersistentCases cases;

    @BeforeEach
    void setUp() throws IOException {
        database = open();
        db = database.dataSource();
        store = new AudioStore(db, tmp.resolve("store"), Clock.fixed(NOW, ZoneOffset.UTC));
        spool = Files.createDirectories(tmp.resolve("spool"));
        cases = new PersistentCases(database, new TrackingCodeIssuer(database, KEY), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** The voicemail cases registered so far, oldest first (the registry itself has no list: ask the table). */
    List<Map<String, Object>> voicemails() {
        return Sql.inTransaction(db, c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT id, call_id, caller_number, registered_at, subject_national_id, message_recording_id, status, tracking_code FROM case_record ORDER BY id")) {
                while (rs.next()) {
                    Map<String, Object> m = new HashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("callId", rs.getString(2));
                    m.put("caller", rs.getString(3));
                    m.put("at", Sql.instant(rs.getObject(4)));
                    m.put("nationalId", rs.getString(5));
                    m.put("recording", rs.getLong(6));
                    m.put("status", rs.getString(7));
                    m.put("code", rs.getString(8));
                    out.add(m);
                }
            }
            return out;
        });
    }

    static short[] tone(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < s.length; i++) s[i] = (short) (8000 * Math.sin(i * 2 * Math.PI * 440 / 8000));
        return s;
    }

    @Test
    void plansDatedCollisionProofPathsInsideTheStore() {
        Set<Path> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            PlannedRecording p = store.plan(callAtNow(7), RecordingKind.SPOKEN_ID);
            assertThat(seen.add(p.basePath())).isTrue();
            assertThat(p.basePath().getParent()).isEqualTo(store.root().resolve("spoken-id/2026/03/10"));
            assertThat(p.file().getFileName().toString()).endsWith(".wav").contains(callAtNow(7));
        }
    }

    @Test
    void adoptsAFileWithItsLengthSizeAndChecksum() throws Exception {
        PlannedRecording p = store.plan(callAtNow(7), RecordingKind.SPOKEN_ID);
        WavAudio.write(p.file(), 8000, tone(12_000));
        StoredRecording r = store.adopt(p);
        byte[] bytes = Files.readAllBytes(p.file());
        assertThat(r.durationSamples()).isEqualTo(12_000);
        assertThat(r.sizeBytes()).isEqualTo(bytes.length);
        assertThat(r.sha256()).isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(r.flagged()).isNull();
        assertThat(r.file()).isEqualTo(p.file());
        assertThat(store.adopt(p)).as("adopting twice is harmless").isEqualTo(r);
        assertThat(store.byCall(callAtNow(7))).hasSize(1);
    }

    @Test
    void twoAdoptersOfOneFileGetTheSameRowAndOnlyOneOfThemCreatedIt() throws Exception {
        int rounds = 1_000;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < rounds; i++) {
                PlannedRecording p = store.plan(callAtNow(i), RecordingKind.VOICEMAIL);
                WavAudio.write(p.file(), 8000, tone(400));
                var start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Callable<AudioStore.Adoption> adopter = () -> {
                    start.await();
                    return store.adoption(p, NOW, null);
                };
                var a = pool.submit(adopter);
                var b = pool.submit(adopter);
                start.countDown();
                AudioStore.Adoption first = a.get(), second = b.get();
                assertThat(first.row().recording().id()).as("round %d", i).isEqualTo(second.row().recording().id());
                assertThat(first.created() ^ second.created()).as("exactly one creator in round %d", i).isTrue();
                assertThat(store.byCall(callAtNow(i))).as("round %d", i).hasSize(1);
            }
        }
        long jobs = Sql.inTransaction(db, c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM transcription_job")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(jobs).as("one transcription job per message, never two").isEqualTo(rounds);
    }

    @Test
    void anUploadedAnswerIsStoredAsARecordingOfItsCase() throws IOException {
        Path f = tmp.resolve("answer.wav");
        WavAudio.write(f, 8000, tone(24_000));
        AudioStore.Row row = store.storeUpload(42L, RecordingKind.AGENCY_ANSWER, Files.readAllBytes(f));
        assertThat(row.caseId()).isEqualTo(42L);
        assertThat(row.durationSeconds()).isEqualTo(3.0);
        assertThat(row.recording().kind()).isEqualTo(RecordingKind.AGENCY_ANSWER);
        assertThat(row.recording().file()).exists().hasSameBinaryContentAs(f);
        assertThat(store.storeUpload(42L, RecordingKind.AGENCY_ANSWER, "not audio".getBytes()).recording().flagged()).startsWith("unreadable");
    }

    @Test
    void foldersAreOwnerOnlyAndStoredFilesToo() throws IOException {
        Path f = tmp.resolve("answer.wav");
        WavAudio.write(f, 8000, tone(8_000));
        Path stored = store.storeUpload(7L, RecordingKind.AGENCY_ANSWER, Files.readAllBytes(f)).recording().file();
        assertThat(mode(stored)).isEqualTo("rw-------");
        for (Path d = stored.getParent(); !d.equals(store.root().getParent()); d = d.getParent()) assertThat(mode(d)).as(d.toString()).isEqualTo("rwx------");
        PlannedRecording p = store.plan("1773173700.9", RecordingKind.VOICEMAIL);
        WavAudio.write(p.file(), 8000, tone(8_000)); // as Asterisk would, with the process's umask
        Files.setPosixFilePermissions(p.file(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(mode(store.adopt(p).file())).as("adopted: tightened").isEqualTo("rw-------");
    }

    static String mode(Path p) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void zeroLengthMissingAndGarbledFilesAreFlaggedNotHidden() throws IOException {
        PlannedRecording empty = store.plan("c1", RecordingKind.VOICEMAIL);
        Files.createFile(empty.file());
        PlannedRecording missing = store.plan("c1", RecordingKind.VOICEMAIL);
        PlannedRecording garbled = store.plan("c1", RecordingKind.VOICEMAIL);
        Files.writeString(garbled.file(), "this is not audio");
        PlannedRecording headerOnly = store.plan("c1", RecordingKind.VOICEMAIL);
        WavAudio.write(headerOnly.file(), 8000, new short[0]);

        assertThat(store.adopt(empty).flagged()).startsWith("empty");
        assertThat(store.adopt(missing).flagged()).startsWith("missing");
        assertThat(store.adopt(garbled).flagged()).startsWith("unreadable");
        assertThat(store.adopt(headerOnly).flagged()).startsWith("empty");
        assertThat(logs.warnings()).as("each flag is said once, for staff to look").hasSize(4)
                .allSatisfy(w -> assertThat(w).contains(" flagged: "));
        assertThat(store.flagged(10)).hasSize(4);
        assertThat(store.byCall("c1")).hasSize(4);
    }

    @Test
    void aPathOutsideTheStoreIsRefused() throws IOException {
        Path outside = Files.writeString(tmp.resolve("elsewhere.wav"), "x");
        var sneaky = new PlannedRecording("c1", RecordingKind.VOICEMAIL, store.root().resolve("../elsewhere"), "wav");
        var absolute = new PlannedRecording("c1", RecordingKind.VOICEMAIL, outside.resolveSibling("elsewhere"), "wav");
        assertThatThrownBy(() -> store.adopt(sneaky)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> store.adopt(absolute)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        Path link = store.root().resolve("link.wav");
        Files.createSymbolicLink(link, outside);
        var linked = new PlannedRecording("c1", RecordingKind.VOICEMAIL, store.root().resolve("link"), "wav");
        assertThatThrownBy(() -> store.adopt(linked)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThat(store.byCall("c1")).isEmpty();
    }

    @Test
    void anOrphanInTheSpoolBecomesAVoicemailCaseAndLeavesTheSpool() throws IOException {
        var name = new FallbackRecordingName(Instant.parse("2026-03-10T02:00:00Z"), "09121234567", "1773108000.42");
        Path orphan = spool.resolve(name.fileName());
        WavAudio.write(orphan, 8000, tone(16_000));
        Files.setLastModifiedTime(orphan, FileTime.from(NOW.minusSeconds(600)));
        Path fresh = spool.resolve(new FallbackRecordingName(NOW, "", callAtNow(9)).fileName());
        WavAudio.write(fresh, 8000, tone(800));
        Files.setLastModifiedTime(fresh, FileTime.from(NOW.minusSeconds(2)));   // still being written
        var reconciler = new SpoolReconciler(store, cases, spool, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(reconciler.reconcile()).isEqualTo(new SpoolReconciler.Result(1, 1, 0));

        AudioStore.Row row = store.byOrigin(name.fileName()).orElseThrow();
        assertThat(voicemails()).singleElement().satisfies(v -> {
            assertThat(v.get("callId")).isEqualTo("1773108000.42");
            assertThat(v.get("caller")).isEqualTo("09121234567");
            assertThat(v.get("at")).isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
            assertThat(v.get("nationalId")).isNull();
            assertThat(v.get("status")).isEqualTo("AWAITING_TRANSCRIPTION");
            assertThat(v.get("recording")).isEqualTo(row.recording().id());
            assertThat(v.get("id")).isEqualTo(row.caseId());
            assertThat((String) v.get("code")).hasSize(9);
        });
        assertThat(row.recording().kind()).isEqualTo(RecordingKind.VOICEMAIL);
        assertThat(row.recording().durationSamples()).isEqualTo(16_000);
        assertThat(Files.exists(row.recording().file())).isTrue();
        assertThat(orphan).doesNotExist();
        assertThat(fresh).exists();
        // Running again registers nothing twice.
        assertThat(new SpoolReconciler(store, cases, spool, Duration.ofSeconds(30), Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
                .reconcile()).isEqualTo(new SpoolReconciler.Result(1, 0, 0));
        assertThat(voicemails()).hasSize(2);
    }

    @Test
    void anInterruptedReconcileIsFinishedWithoutASecondRow() throws IOException {
        Path orphan = spool.resolve(new FallbackRecordingName(NOW.minusSeconds(3600), "0211234", "1.1").fileName());
        WavAudio.write(orphan, 8000, tone(800));
        Files.setLastModifiedTime(orphan, FileTime.from(NOW.minusSeconds(600)));
        // A previous run copied and adopted the file, then died before registering the case.
        var copy = store.importCopy(orphan, "1.1", RecordingKind.VOICEMAIL);
        store.adopt(copy, NOW.minusSeconds(3600), orphan.getFileName().toString());

        new SpoolReconciler(store, cases, spool, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC)).reconcile();

        assertThat(voicemails()).hasSize(1);
        assertThat(store.byCall("1.1")).singleElement().satisfies(r -> assertThat(r.caseId()).isNotNull());
    }

    @Test
    void strayFilesInTheStoreAreAdoptedAndAStrayMessageGetsItsCase() throws IOException {
        PlannedRecording message = store.plan(callAt(NOW.minusSeconds(100), 3), RecordingKind.VOICEMAIL);
        WavAudio.write(message.file(), 8000, tone(8000));
        PlannedRecording conversation = store.plan(callAt(NOW.minusSeconds(100), 3), RecordingKind.CONVERSATION);
        WavAudio.write(conversation.file(), 8000, tone(8000));
        PlannedRecording adopted = store.plan(callAt(NOW.minusSeconds(100), 4), RecordingKind.SPOKEN_ID);
        WavAudio.write(adopted.file(), 8000, tone(800));
        store.adopt(adopted);
        PlannedRecording inProgress = store.plan(callAt(NOW.minusSeconds(100), 5), RecordingKind.CONVERSATION);
        WavAudio.write(inProgress.file(), 8000, tone(800));
        for (PlannedRecording p : List.of(message, conversation, adopted)) {
            Files.setLastModifiedTime(p.file(), FileTime.from(NOW.minusSeconds(600)));
        }
        Files.setLastModifiedTime(inProgress.file(), FileTime.from(NOW.minusSeconds(3)));
        var strays = new StrayRecordingReconciler(store, cases, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(strays.adoptStrays()).isEqualTo(2);

        assertThat(store.byCall(callAt(NOW.minusSeconds(100), 3))).hasSize(2).allSatisfy(r -> assertThat(r.recording().flagged()).isNull());
        assertThat(store.byFile(message.file()).orElseThrow().caseId()).isNotNull();
        assertThat(store.byFile(conversation.file()).orElseThrow().caseId()).isNull();
        assertThat(voicemails()).singleElement().satisfies(v -> assertThat(v.get("callId")).isEqualTo(callAt(NOW.minusSeconds(100), 3)));
        assertThat(store.byCall(callAt(NOW.minusSeconds(100), 5))).isEmpty();
        assertThat(logs.warnings()).filteredOn(w -> w.contains("was never adopted")).hasSize(2);
        assertThat(strays.adoptStrays()).isZero();
    }

    @Test
    void aFileWithAnotherNameIsRegisteredToo() throws IOException {
        Path odd = spool.resolve("something-else.wav");
        WavAudio.write(odd, 8000, tone(800));
        Files.setLastModifiedTime(odd, FileTime.from(NOW.minusSeconds(600)));
        new SpoolReconciler(store, cases, spool, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC)).reconcile();
        assertThat(voicemails()).singleElement().satisfies(v -> {
            assertThat(v.get("callId")).isEqualTo("spool:something-else.wav");
            assertThat(v.get("caller")).isNull();
        });
    }

    @Test
    void retentionPurgesOldAudioButSparesOpenCases() throws IOException {
        AudioStore old = new AudioStore(db, store.root(), Clock.fixed(NOW.minus(Duration.ofDays(400)), ZoneOffset.UTC));
        StoredRecording forgotten = adoptTone(old, RecordingKind.SPOKEN_ID);
        StoredRecording ofOpenCase = adoptTone(old, RecordingKind.SPOKEN_ID);
        StoredRecording ofClosedCase = adoptTone(old, RecordingKind.SPOKEN_ID);
        StoredRecording oldConversation = adoptTone(old, RecordingKind.CONVERSATION);
        StoredRecording recent = adoptTone(store, RecordingKind.SPOKEN_ID);
        StoredRecording messageOfOpenCase = adoptTone(old, RecordingKind.SPOKEN_ID);
        CaseSummary open = cases.registerVoicemail(new VoicemailIntake("c-open", "0211", new SubjectPerson(null, false, Relation.SELF, null),
                ofOpenCase.id(), null, NOW.minus(Duration.ofDays(400))));
        cases.addMessage(open.id(), messageOfOpenCase.id(), "c-open-2", null, Actor.IVR);
        CaseSummary closed = cases.registerVoicemail(new VoicemailIntake("c-closed", "0212", new SubjectPerson(null, false, Relation.SELF, null),
                ofClosedCase.id(), null, NOW.minus(Duration.ofDays(400))));
        Sql.inTransaction(db, c -> c.createStatement().executeUpdate("UPDATE case_record SET status = 'CLOSED' WHERE id = " + closed.id()));
        assertThat(open.status()).isEqualTo(CaseStatus.AWAITING_TRANSCRIPTION);

        var sweeper = new RetentionSweeper(db, store,
                Map.of(RecordingKind.SPOKEN_ID, Duration.ofDays(365), RecordingKind.CONVERSATION, Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sweeper.sweep()).isEqualTo(new RetentionSweeper.Result(2, 2));
        assertThat(forgotten.file()).doesNotExist();
        assertThat(ofClosedCase.file()).doesNotExist();
        assertThat(ofOpenCase.file()).exists();
        assertThat(messageOfOpenCase.file()).as("a message added to an open case").exists();
        assertThat(oldConversation.file()).as("retention 0 keeps for ever").exists();
        assertThat(recent.file()).exists();
        assertThat(store.byId(forgotten.id()).orElseThrow().purgedAt()).isEqualTo(NOW);
        assertThat(sweeper.sweep()).isEqualTo(new RetentionSweeper.Result(0, 2));
    }

    private static StoredRecording adoptTone(AudioStore s, RecordingKind kind) throws IOException {
        PlannedRecording p = s.plan("c-" + kind, kind);
        WavAudio.write(p.file(), 8000, tone(400));
        return s.adopt(p);
    }
}
