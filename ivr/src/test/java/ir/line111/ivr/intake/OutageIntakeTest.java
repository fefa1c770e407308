package ir.line111.ivr.intake;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCallLog;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.PersistentReservedCodes;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.testing.TestDatabases;
import ir.line111.ivr.testing.IvrHarness;
import ir.line111.ivr.testing.TempRecordingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The reserved codes and the intake journal across restarts, and replay exactly once. */
class OutageIntakeTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.ivr.intake");
    static final Instant AT = Instant.parse("2026-11-21T20:00:00Z");

    @TempDir Path dir;
    Database db;
    PersistentCases cases;
    PersistentReservedCodes reserved;
    TrackingCodeIssuer issuer;
    TempRecordingStore store;
    CallLog callLog;
    final AtomicBoolean dbUp = new AtomicBoolean(true);
    final List<OutageIntake> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        issuer = new TrackingCodeIssuer(db, "0123456789abcdef0123456789abcdef".getBytes());
        cases = new PersistentCases(db, issuer, Clock.fixed(AT, ZoneOffset.UTC), Duration.ofDays(30));
        reserved = new PersistentReservedCodes(cases);
        store = new TempRecordingStore(dir.resolve("recordings"));
        callLog = new PersistentCallLog(db, Clock.fixed(AT, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        opened.forEach(OutageIntake::close);
        db.close();
    }

    /** As after a start: the journal and the reserve read from disk. */
    OutageIntake restart(int reserve) {
        opened.forEach(OutageIntake::close);
        opened.clear();
        OutageIntake i = new OutageIntake(dir.resolve("intake"), reserve, issuer::issue, reserved, store, callLog,
                new DatabaseWatch(dbUp::get, Duration.ofHours(1)), Clock.fixed(AT, ZoneOffset.UTC));
        i.watch().probe();
        opened.add(i);
        return i;
    }

    /** A message taken while the database is away, through the registry the call flows use. */
    TrackingCode takeMessage(OutageIntake intake, String callId) throws Exception {
        OutageTolerantRecordings recordings = new OutageTolerantRecordings(store, intake.watch());
        PlannedRecording planned = store.plan(callId, RecordingKind.VOICEMAIL);
        IvrHarness.writeSpeechWav(planned.file(), 1.0);
        long provisional = recordings.adopt(planned).id();
        assertThat(provisional).isNegative();
        OutageTolerantRegistry registry = new OutageTolerantRegistry(cases, recordings, intake, Clock.fixed(AT, ZoneOffset.UTC));
        return registry.registerVoicemail(new VoicemailIntake(callId, "0912", new SubjectPerson(null, false, Relation.SELF, null),
                null, provisional, AT)).trackingCode();
    }

    long casesWith(TrackingCode code) {
        return db.fromTransaction(s -> s.createSelectionQuery("select count(c) from CaseEntity c where c.trackingCode = :t", Long.class)
                .setParameter("t", code.digits()).getSingleResult());
    }

    @Test
    void aReplayCutShortAfterTheCaseWasMadeDoesNotMakeASecond() throws Exception {
        OutageIntake intake = restart(2);
        intake.tick();
        dbUp.set(false);
        intake.watch().probe();
        TrackingCode heard = takeMessage(intake, "call-a");
        assertThat(casesWith(heard)).isZero();

        // The crash: the case was committed, the journal's "replayed" line never written.
        reserved.registerVoicemail(new VoicemailIntake("call-a", "0912", new SubjectPerson(null, false, Relation.SELF, null), null, null, AT), heard);
        dbUp.set(true);
        intake = restart(2);
        assertThat(intake.waiting()).isEqualTo(1);
        intake.tick();
        assertThat(intake.waiting()).isZero();
        assertThat(casesWith(heard)).isEqualTo(1);
        intake = restart(2);
        intake.tick();
        assertThat(casesWith(heard)).isEqualTo(1);
    }

    @Test
    void aRegistrationThatWentThroughAsTheLinkBrokeGetsTheCodeTheCallerHeard() throws Exception {
        OutageIntake intake = restart(2);
        intake.tick();
        dbUp.set(false);
        intake.watch().probe();
        TrackingCode heard = takeMessage(intake, "call-b");
        // The IVR saw the commit fail, but it had gone through with a code nobody heard.
        long made = cases.registerVoicemail(new VoicemailIntake("call-b", "0912", new SubjectPerson(null, false, Relation.SELF, null), null, null, AT)).id();
        dbUp.set(true);
        intake.watch().probe();
        intake.tick();
        assertThat(casesWith(heard)).isEqualTo(1);
        assertThat(reserved.caseWithCode(heard)).contains(made);
        assertThat(reserved.voicemailCaseOfCall("call-b")).contains(made);
    }

    @Test
    void aReconcilerThatFindsAJournalledMessageFirstDoesNotGiveItASecondCase() throws Exception {
        OutageIntake intake = restart(2);
        intake.tick();
        dbUp.set(false);
        intake.watch().probe();
        TrackingCode heard = takeMessage(intake, "call-s");
        // The stray reconciler, after a restart, before replay: it must leave the message to replay.
        intake = restart(2);
        var reconcilers = intake.guard(cases);
        var stray = new VoicemailIntake("call-s", null, new SubjectPerson(null, false, Relation.SELF, null), null, null, AT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reconcilers.registerVoicemail(stray))
                .hasMessageContaining("intake journal");
        assertThat(reconcilers.registerVoicemail(new VoicemailIntake("other", null, stray.subject(), null, null, AT))).isNotNull();
        dbUp.set(true);
        intake.watch().probe();
        intake.tick();
        assertThat(reserved.voicemailCaseOfCall("call-s")).isPresent();
        assertThat(casesWith(heard)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reconcilers.registerVoicemail(stray)).hasMessageContaining("intake journal");
    }

    @Test
    void aReservedCodeIsNeverHandedOutTwiceAcrossRestartsAndCompaction() throws Exception {
        OutageIntake intake = restart(3);
        intake.tick();
        dbUp.set(false);
        intake.watch().probe();
        Set<String> heard = new HashSet<>();
        heard.add(takeMessage(intake, "c1").digits());
        intake = restart(3);
        assertThat(intake.codesLeft()).isEqualTo(2);
        heard.add(takeMessage(intake, "c2").digits());
        // A crash left half a line at the end of the journal: it was never acknowledged, so it is cut off.
        Files.writeString(dir.resolve("intake/intake-journal.jsonl"), "{\"intake\":{\"code\":\"12", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        intake = restart(3);
        assertThat(intake.waiting()).isEqualTo(2);
        heard.add(takeMessage(intake, "c3").digits());
        assertThat(heard).hasSize(3);
        assertThat(intake.canTakeMessages()).isFalse();

        dbUp.set(true);
        intake.watch().probe();
        intake.tick();
        assertThat(intake.waiting()).isZero();
        assertThat(intake.codesLeft()).isEqualTo(3);
        intake = restart(3);
        assertThat(intake.waiting()).isZero();
        dbUp.set(false);
        intake.watch().probe();
        for (int i = 0; i < 3; i++) assertThat(heard.add(takeMessage(intake, "d" + i).digits())).isTrue();
        for (String code : heard) assertThat(casesWith(((TrackingCode.Parsed.Valid) TrackingCode.parse(code)).code())).isLessThanOrEqualTo(1);
    }
}
