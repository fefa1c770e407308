package ir.line111.core.persistence;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.CallEntity;
import ir.line111.core.persistence.entity.CaseEntity;
import ir.line111.core.persistence.entity.CaseEventEntity;
import ir.line111.core.testing.OnBothDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CasePersistenceTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(PersistentCallLog.class);

    static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);

    static PersistentCases cases(Database db) {
        return new PersistentCases(db, new TrackingCodeIssuer(db, KEY), Clock.systemUTC(), Duration.ofDays(30));
    }

    static NewCase complaint(NationalId who, String callId) {
        return new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(who, true), null,
                "water cut for three days", "no water in the street since Saturday", DeadlineClass.INSPECTION,
                "09121234567", callId, new Actor("op1"));
    }

    @OnBothDatabases
    void registersACaseWithCodeDueDateAndFirstTimelineEvent(Database db) {
        PersistentCases cases = cases(db);
        NationalId who = TestNationalIds.random();
        CaseSummary c = cases.register(complaint(who, "call-" + who.digits()));

        assertThat(TrackingCode.parse(c.trackingCode().digits())).isInstanceOf(TrackingCode.Parsed.Valid.class);
        assertThat(c.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(c.dueAt()).isEqualTo(c.registeredAt().plus(Duration.ofDays(25)));
        assertThat(cases.findByTrackingCode(c.trackingCode())).contains(c);
        assertThat(cases.findRegisteredInCall("call-" + who.digits())).map(CaseSummary::id).contains(c.id());

        List<CaseEventEntity> events = db.fromTransaction(s -> s.createSelectionQuery(
                "from CaseEventEntity e where e.caseId = :id order by e.id", CaseEventEntity.class).setParameter("id", c.id()).getResultList());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("op1");
            assertThat(e.getEventType()).isEqualTo("REGISTERED");
            assertThat(e.getToStatus()).isEqualTo(CaseStatus.REGISTERED);
        });
    }

    @OnBothDatabases
    void aSecondCaseAboutTheSamePersonIsLinkedToTheOpenOne(Database db) {
        PersistentCases cases = cases(db);
        NationalId who = TestNationalIds.random();
        assertThat(cases.findLikelyDuplicate(who)).isEmpty();
        CaseSummary first = cases.register(complaint(who, null));
        assertThat(cases.findLikelyDuplicate(who)).map(CaseSummary::id).contains(first.id());

        CaseSummary second = cases.register(complaint(who, null));
        Long linked = db.fromTransaction(s -> s.find(CaseEntity.class, second.id()).getDuplicateOf());
        assertThat(linked).isEqualTo(first.id());
        assertThat(cases.findLikelyDuplicate(TestNationalIds.random())).isEmpty();
    }

    @OnBothDatabases
    void aClosedOrOldCaseIsNoDuplicate(Database db) {
        NationalId who = TestNationalIds.random();
        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        PersistentCases past = new PersistentCases(db, new TrackingCodeIssuer(db, KEY), Clock.fixed(longAgo, ZoneOffset.UTC), Duration.ofDays(30));
        past.register(complaint(who, null));
        assertThat(cases(db).findLikelyDuplicate(who)).isEmpty();
    }

    @OnBothDatabases
    void aVoicemailGetsItsCodeAtOnceAndAwaitsTranscription(Database db) {
        PersistentCases cases = cases(db);
        NationalId caller = TestNationalIds.random();
        NationalId child = TestNationalIds.random();
        CaseSummary c = cases.registerVoicemail(new VoicemailIntake("vm-" + caller.digits(), "09120000000",
                new SubjectPerson(child, false, Relation.CHILD, null), 11L, 12L, Instant.now()));
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_TRANSCRIPTION);
        assertThat(c.channel()).isEqualTo(Channel.PHONE_MESSAGE);
        assertThat(c.subject().relation()).isEqualTo(Relation.CHILD);
        assertThat(c.subject().idVerified()).isFalse();
        assertThat(c.dueAt()).isNotNull();

        cases.addMessage(c.id(), 13L, "vm2", "and one more thing", Actor.IVR);
        long messages = db.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from CaseEventEntity e where e.caseId = :id and e.eventType = 'MESSAGE_ADDED'", Long.class)
                .setParameter("id", c.id()).getSingleResult());
        assertThat(messages).isEqualTo(1);
        assertThatThrownBy(() -> cases.addMessage(-5, null, null, "x", Actor.IVR)).isInstanceOf(NoSuchCaseException.class);
    }

    @OnBothDatabases
    void theSecondObjectionSendsTheCaseToTheComplaintsBoard(Database db) {
        PersistentCases cases = cases(db);
        CaseSummary c = cases.register(complaint(TestNationalIds.random(), null));
        assertThatThrownBy(() -> cases.object(c.id(), null, Actor.IVR, "too early"))
                .isInstanceOf(CaseRuleException.class);

        answer(db, c.id());
        assertThat(cases.object(c.id(), "call-a", Actor.IVR, null).status()).isEqualTo(CaseStatus.OBJECTION_1);
        answer(db, c.id());
        assertThat(cases.object(c.id(), "call-b", Actor.IVR, "still no water").status()).isEqualTo(CaseStatus.COMPLAINTS_BOARD);
    }

    /** Stands in for the agency's answer until the desk's answer action is exercised. */
    private static void answer(Database db, long id) {
        db.inTransaction(s -> {
            CaseEntity e = s.find(CaseEntity.class, id);
            CaseRows.move(s, e, CaseStatus.ANSWERED, Instant.now(), new Actor("sup"),
                    ir.line111.core.domain.cases.CaseEventType.ANSWERED, "answered", null);
            e.setAnswer("fixed");
        });
    }

    @OnBothDatabases
    void theCallLogKeepsPathAndOutcome(Database db) {
        PersistentCallLog calls = new PersistentCallLog(db);
        String id = "1700000000." + System.nanoTime();
        calls.started(id, "09121112222", "PJSIP/trunk-0001", Instant.now());
        calls.step(id, "main-menu", "pressed 1");
        calls.recordingMade(id, 42);
        calls.caseLinked(id, 7);
        calls.ended(id, CallOutcome.MESSAGE_LEFT, "message-recorded", Instant.now());
        calls.satisfaction(id, 4);
        calls.step("late-" + id, "after-queue", "score asked"); // no started(): the row is made anyway

        CallEntity c = db.fromTransaction(s -> s.createSelectionQuery("from CallEntity c where c.callId = :id", CallEntity.class)
                .setParameter("id", id).getSingleResult());
        assertThat(c.getOutcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        assertThat(c.getLastStep()).isEqualTo("message-recorded");
        assertThat(c.getSatisfaction()).isEqualTo(4);
        assertThat(c.getCaseId()).isEqualTo(7);
        long steps = db.fromTransaction(s -> s.createSelectionQuery("select count(*) from CallStepEntity s where s.callId = :id", Long.class)
                .setParameter("id", id).getSingleResult());
        assertThat(steps).isEqualTo(2);

        var record = calls.find(id).orElseThrow();
        assertThat(record.steps().stream().map(ir.line111.core.domain.calls.CallRecord.Step::step).toList())
                .containsExactly("main-menu", "recording");
        assertThat(record.steps().get(1).recordingId()).isEqualTo(42L);
        assertThat(calls.between(Instant.now().minusSeconds(3600), null, "09121112222", 10))
                .extracting(ir.line111.core.domain.calls.CallRecord::callId).contains(id);
        assertThat(calls.find("never-" + id)).isEmpty();
    }

    @OnBothDatabases
    void concurrentFirstWritesOfOneCallMakeOneRowAndLoseNoStep(Database db) throws Exception {
        PersistentCallLog calls = new PersistentCallLog(db);
        String id = "race." + System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    calls.step(id, "step-" + n, null);
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) f.get();
        }
        assertThat(calls.find(id).orElseThrow().steps()).hasSize(8);
    }

    @OnBothDatabases
    void aStorageFaultNeverReachesTheCall(Database db) {
        PersistentCallLog calls = new PersistentCallLog(db);
        String tooLong = "x".repeat(200); // call_id is varchar(64): every write fails
        calls.started(tooLong, "0912", "PJSIP/x", Instant.now());
        calls.step(tooLong, "menu", "pressed 1");
        calls.ended(tooLong, CallOutcome.CALLER_HUNG_UP, "menu", Instant.now());
        calls.step(null, "menu", null);
    }

}
