package ir.line111.core.persistence;

import ir.line111.core.domain.agencies.Agency;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CasePage;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.cases.VoicemailRegistration;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.testing.OnBothDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseDeskTest {

    static final Actor SUP = new Actor("sup1");

    private static Agency agency(Database db) {
        return new PersistentAgencies(db).add("Water and sewage " + UUID.randomUUID());
    }

    @OnBothDatabases
    void aComplaintGoesThroughReferralAnswerTwoObjectionsBoardAndClose(Database db) {
        PersistentCases desk = CasePersistenceTest.cases(db);
        Agency water = agency(db);
        CaseSummary c = desk.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));

        assertThat(desk.detail(c.id()).orElseThrow().allowedActions()).contains(CaseAction.REFER, CaseAction.ANSWER, CaseAction.CLOSE)
                .doesNotContain(CaseAction.OBJECTION, CaseAction.BOARD);
        CaseDetail referred = desk.refer(c.id(), water.id(), "urgent", SUP);
        assertThat(referred.status()).isEqualTo(CaseStatus.REFERRED);
        assertThat(referred.summary().agencyName()).isEqualTo(water.name());

        assertThat(desk.answer(c.id(), "the pipe was repaired", null, SUP).summary().answer()).isEqualTo("the pipe was repaired");
        assertThat(desk.registerObjection(c.id(), "still dry", null, new Actor("op1")).status()).isEqualTo(CaseStatus.OBJECTION_1);
        desk.refer(c.id(), water.id(), "again", SUP);
        desk.answer(c.id(), "repaired again", 99L, SUP);
        CaseDetail board = desk.registerObjection(c.id(), "still dry", null, new Actor("op1"));
        assertThat(board.status()).isEqualTo(CaseStatus.COMPLAINTS_BOARD);
        assertThat(board.objectionCount()).isEqualTo(2);
        assertThatThrownBy(() -> desk.refer(c.id(), water.id(), null, SUP)).isInstanceOf(CaseRuleException.class);

        desk.answer(c.id(), "the board decided", null, SUP);
        CaseDetail closed = desk.close(c.id(), "done", SUP);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.allowedActions()).isEmpty();
        assertThatThrownBy(() -> desk.close(c.id(), null, SUP)).isInstanceOf(CaseRuleException.class);

        assertThat(closed.timeline()).extracting(TimelineEvent::type).containsExactly(
                CaseEventType.REGISTERED, CaseEventType.REFERRED, CaseEventType.ANSWERED, CaseEventType.OBJECTION,
                CaseEventType.REFERRED, CaseEventType.ANSWERED, CaseEventType.OBJECTION, CaseEventType.SENT_TO_BOARD,
                CaseEventType.ANSWERED, CaseEventType.CLOSED);
        assertThat(closed.timeline()).extracting(e -> e.actor().name())
                .containsExactly("op1", "sup1", "sup1", "op1", "sup1", "sup1", "op1", "system", "sup1", "sup1");
        assertThat(closed.timeline().get(5).recordingId()).isEqualTo(99L);
        // structured: stable parameters beside a Persian sentence; what a person wrote stays as written
        assertThat(closed.timeline().get(1).params()).containsEntry("agency", water.name()).containsEntry("text", "urgent");
        assertThat(closed.timeline().get(1).text()).isEqualTo("ارجاع به " + water.name() + ": urgent");
        assertThat(closed.timeline().get(0).text()).isEqualTo("شکایت از راه تلفن — گفت‌وگو با کارشناس، مهلت " + DeadlineClass.INSPECTION.persian());
        assertThat(closed.timeline().get(6).text()).isEqualTo("اعتراض دوم: still dry");
        assertThat(closed.timeline().get(7).params()).containsEntry("reason", "SECOND_OBJECTION");
        assertThat(closed.timeline().get(7).text()).doesNotContainPattern("[A-Za-z]");
        assertThatThrownBy(() -> desk.close(-1, null, SUP)).isInstanceOf(NoSuchCaseException.class);
    }

    @OnBothDatabases
    void aTranscriberRegistersAMessageUnderTheCodeTheCallerHeard(Database db) {
        PersistentCases desk = CasePersistenceTest.cases(db);
        CaseSummary vm = desk.registerVoicemail(new VoicemailIntake("vm-" + UUID.randomUUID(), "09130000000",
                new SubjectPerson(null, false, Relation.SELF, null), 1L, 2L, Instant.now()));
        NationalId heard = TestNationalIds.random();
        CaseDetail reg = desk.registerTranscribed(vm.id(), new VoicemailRegistration(CaseKind.REQUEST,
                SubjectPerson.self(heard, true), null, "street lights", "the lights are off", DeadlineClass.CORRESPONDENCE,
                "salam, the street lights have been off..."), new Actor("tr1"));
        assertThat(reg.summary().trackingCode()).isEqualTo(vm.trackingCode());
        assertThat(reg.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(reg.summary().dueAt()).isEqualTo(vm.registeredAt().plus(Duration.ofDays(15)));
        assertThat(reg.summary().subject().nationalId()).isEqualTo(heard);
        assertThat(reg.timeline()).extracting(TimelineEvent::type)
                .containsExactly(CaseEventType.VOICEMAIL_REGISTERED, CaseEventType.TRANSCRIBED, CaseEventType.REGISTERED);
        assertThatThrownBy(() -> desk.notAMatter(vm.id(), "SILENCE", null, new Actor("tr1"))).isInstanceOf(CaseRuleException.class);

        CaseSummary silent = desk.registerVoicemail(new VoicemailIntake("vm-" + UUID.randomUUID(), null,
                new SubjectPerson(null, false, Relation.SELF, null), null, 3L, Instant.now()));
        assertThat(desk.notAMatter(silent.id(), "SILENCE", "nothing said", new Actor("tr1")).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @OnBothDatabases
    void searchFiltersAndPages(Database db) {
        Instant t0 = Instant.parse("2026-01-10T08:00:00Z");
        NationalId who = TestNationalIds.random();
        Agency health = agency(db);
        String caller = "0917" + (System.nanoTime() % 10_000_000);
        TrackingCodeIssuer codes = new TrackingCodeIssuer(db, CasePersistenceTest.KEY);
        for (int day = 0; day < 5; day++) {
            PersistentCases at = new PersistentCases(db, codes, Clock.fixed(t0.plus(Duration.ofDays(day)), ZoneOffset.UTC), Duration.ofDays(30));
            at.register(new NewCase(day % 2 == 0 ? CaseKind.COMPLAINT : CaseKind.REQUEST, Channel.PHONE_LIVE, SubjectPerson.self(who, true),
                    day < 2 ? health.id() : null, "matter " + day, null, DeadlineClass.SIMPLE, caller, null, SUP));
        }
        PersistentCases desk = CasePersistenceTest.cases(db);

        CasePage byId = desk.search(CaseQuery.all(2).withNationalId(who.digits()));
        assertThat(byId.items()).hasSize(2);
        assertThat(byId.hasMore()).isTrue();
        assertThat(byId.items().get(0).summaryText()).isEqualTo("matter 4");
        CasePage last = desk.search(CaseQuery.all(2).withNationalId(who.digits()).page(2));
        assertThat(last.items()).hasSize(1);
        assertThat(last.hasMore()).isFalse();

        assertThat(desk.search(CaseQuery.all(50).withCallerNumber(caller).withKind(CaseKind.COMPLAINT)).items()).hasSize(3);
        assertThat(desk.search(CaseQuery.all(50).withAgency(health.id())).items()).hasSize(2)
                .allSatisfy(i -> assertThat(i.summary().agencyName()).isEqualTo(health.name()));
        assertThat(desk.search(CaseQuery.all(50).withCallerNumber(caller)
                .registeredBetween(t0.plus(Duration.ofDays(1)), t0.plus(Duration.ofDays(3)))).items()).hasSize(2);
        CaseSummary one = byId.items().get(0).summary();
        assertThat(desk.search(CaseQuery.all(5).withTrackingCode(one.trackingCode().persianGrouped())).items())
                .singleElement().satisfies(i -> assertThat(i.summary().id()).isEqualTo(one.id()));
        assertThat(desk.search(CaseQuery.all(50).withCallerNumber(caller).withStatuses(Set.of(CaseStatus.CLOSED))).items()).isEmpty();
        assertThat(desk.search(CaseQuery.all(50).withCallerNumber(caller).withChannels(Set.of(Channel.PHONE_MESSAGE))).items()).isEmpty();
        // all five were due ten days after January; they are overdue now
        CasePage due = desk.search(CaseQuery.all(50).withCallerNumber(caller).dueBefore(Instant.now()));
        assertThat(due.items()).hasSize(5).allSatisfy(i -> assertThat(i.overdue()).isTrue());
        assertThat(desk.historyOf(who, 3)).hasSize(3);
    }

    /** Core asks CaseRules: a message awaiting transcription past its date is overdue, an answered case never. */
    @OnBothDatabases
    void overdueIsCaseRulesWhetherTheCaseIsReadOneByOneOrSearched(Database db) {
        Instant registered = Instant.parse("2026-01-05T08:00:00Z");
        TrackingCodeIssuer codes = new TrackingCodeIssuer(db, CasePersistenceTest.KEY);
        PersistentCases then = new PersistentCases(db, codes, Clock.fixed(registered, ZoneOffset.UTC), Duration.ofDays(30));
        PersistentCases later = new PersistentCases(db, codes, Clock.fixed(registered.plus(Duration.ofDays(11)), ZoneOffset.UTC), Duration.ofDays(30));
        String caller = "0913" + UUID.randomUUID().toString().substring(0, 6);
        CaseSummary message = then.registerVoicemail(new VoicemailIntake("c-" + caller, caller,
                SubjectPerson.self(TestNationalIds.random(), false), null, null, registered));
        assertThat(then.detail(message.id()).orElseThrow().overdue()).isFalse();
        assertThat(later.detail(message.id()).orElseThrow().overdue()).as("awaiting transcription, past its date").isTrue();
        assertThat(later.search(CaseQuery.all(5).withCallerNumber(caller)).items()).singleElement()
                .satisfies(i -> assertThat(i.overdue()).isTrue());

        CaseSummary answered = then.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        Agency water = agency(db);
        new PersistentAgencies(db).assignPrompt(water.id(), "agency-water");
        then.refer(answered.id(), water.id(), null, SUP);
        assertThat(then.detail(answered.id()).orElseThrow().summary().agencyPromptKey()).isEqualTo("agency-water");
        then.answer(answered.id(), "done", null, SUP);
        assertThat(later.detail(answered.id()).orElseThrow().overdue()).as("answered, however late").isFalse();
    }

    @OnBothDatabases
    void agenciesAreUniqueByNameAndCanBeDeactivated(Database db) {
        PersistentAgencies agencies = new PersistentAgencies(db);
        Agency a = agencies.add("Municipality " + UUID.randomUUID());
        assertThatThrownBy(() -> agencies.add(a.name().toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        Agency off = agencies.update(a.id(), a.name(), false);
        assertThat(off.active()).isFalse();
        assertThat(agencies.list(false)).doesNotContain(off);
        assertThat(agencies.list(true)).contains(off);
        PersistentCases desk = CasePersistenceTest.cases(db);
        CaseSummary c = desk.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        assertThatThrownBy(() -> desk.refer(c.id(), a.id(), null, SUP)).isInstanceOf(CaseRuleException.class).hasMessageContaining("inactive");
    }
}
