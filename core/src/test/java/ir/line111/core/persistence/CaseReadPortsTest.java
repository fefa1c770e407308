package ir.line111.core.persistence;

import ir.line111.core.domain.agencies.Agency;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.AwaitingMessages;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.cases.CaseReports;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.persistence.entity.CaseEntity;
import ir.line111.core.testing.TestDatabases;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read ports the console uses instead of its own SQL: the overdue and due filters of the
 * search agree with {@link CaseRules} case by case, the workbench's queue, the report figures, and
 * what links recordings and calls to a case. A fresh database per test, so counts are exact.
 */
class CaseReadPortsTest {

    static final Actor SUP = new Actor("sup1");
    static final Actor OP = new Actor("op1");

    /** One case in every status, all due in the past but one; returns the cases by id. */
    static Map<Long, CaseStatus> everyStatus(Database db, PersistentCases cases, NationalId who, long agencyId) {
        Map<Long, CaseStatus> made = new HashMap<>();
        for (CaseStatus s : CaseStatus.values()) {
            CaseSummary c = s == CaseStatus.AWAITING_TRANSCRIPTION
                    ? cases.registerVoicemail(new VoicemailIntake("vm-" + s, "0912", SubjectPerson.self(who, false), null, null, null))
                    : cases.register(CasePersistenceTest.complaint(who, "call-" + s));
            switch (s) {
                case REFERRED -> cases.refer(c.id(), agencyId, null, SUP);
                case ANSWERED -> cases.answer(c.id(), "done", null, SUP);
                case OBJECTION_1 -> { cases.answer(c.id(), "done", null, SUP); cases.registerObjection(c.id(), null, null, OP); }
                case OBJECTION_2, COMPLAINTS_BOARD -> {
                    cases.answer(c.id(), "done", null, SUP);
                    cases.registerObjection(c.id(), null, null, OP);
                    cases.answer(c.id(), "again", null, SUP);
                    cases.registerObjection(c.id(), null, null, OP);
                }
                case CLOSED -> cases.close(c.id(), null, SUP);
                default -> { }
            }
            made.put(c.id(), cases.detail(c.id()).orElseThrow().status());
        }
        // every due date in the past, by a day per case
        db.inTransaction(s -> made.keySet().forEach(id -> s.find(CaseEntity.class, id).setDueAt(Instant.now().minus(Duration.ofDays(1 + id % 7)))));
        return made;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ir.line111.core.testing.TestDatabases#kinds")
    void theOverdueAndDueFiltersAgreeWithCaseRulesCaseByCase(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            PersistentCases cases = CasePersistenceTest.cases(db);
            Agency water = new PersistentAgencies(db).add("water");
            NationalId who = TestNationalIds.random();
            Map<Long, CaseStatus> made = everyStatus(db, cases, who, water.id());
            long future = cases.register(CasePersistenceTest.complaint(who, "call-future")).id();
            Instant now = Instant.now();
            CaseQuery mine = CaseQuery.all(50).withNationalId(who.digits());

            Map<Long, Boolean> byRules = cases.search(mine).items().stream().collect(Collectors.toMap(i -> i.summary().id(),
                    i -> CaseRules.overdue(i.summary().status(), i.summary().dueAt(), now)));
            assertThat(byRules).hasSize(made.size() + 1).containsEntry(future, false);
            assertThat(cases.search(mine).items()).allSatisfy(i -> assertThat(i.overdue()).as("item %s", i.summary().status())
                    .isEqualTo(byRules.get(i.summary().id())));
            assertThat(ids(cases.search(mine.overdue(true)).items())).as("overdue=true is CaseRules.overdue")
                    .containsExactlyInAnyOrderElementsOf(keys(byRules, true));
            assertThat(ids(cases.search(mine.overdue(false)).items())).as("overdue=false is its complement")
                    .containsExactlyInAnyOrderElementsOf(keys(byRules, false));
            Instant nextWeek = now.plus(Duration.ofDays(7 * 5));
            assertThat(ids(cases.search(mine.dueBefore(nextWeek)).items())).as("due before next week is CaseRules.dueBefore")
                    .containsExactlyInAnyOrderElementsOf(cases.search(mine).items().stream()
                            .filter(i -> CaseRules.dueBefore(i.summary().status(), i.summary().dueAt(), nextWeek)).map(i -> i.summary().id()).toList());
            assertThat(keys(byRules, true)).as("a message awaiting transcription is late too; an answered case is not")
                    .contains(key(made, CaseStatus.AWAITING_TRANSCRIPTION)).doesNotContain(key(made, CaseStatus.ANSWERED), key(made, CaseStatus.CLOSED));
            List<Instant> order = cases.search(mine.overdue(true)).items().stream().map(i -> i.summary().dueAt()).toList();
            assertThat(order).as("earliest due first").isSorted();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ir.line111.core.testing.TestDatabases#kinds")
    void theWorkbenchQueueListsMessagesAwaitingTranscriptionOldestFirst(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            PersistentCases cases = CasePersistenceTest.cases(db);
            AwaitingMessages queue = new PersistentAwaitingMessages(db);
            assertThat(queue.count()).isZero();
            assertThat(queue.oldestReceivedAt()).isEmpty();
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
            NationalId who = TestNationalIds.random();
            long second = cases.registerVoicemail(new VoicemailIntake("vm-2", "0912", SubjectPerson.self(who, false), 11L, 12L, t0.plusSeconds(60))).id();
            long first = cases.registerVoicemail(new VoicemailIntake("vm-1", "0913", SubjectPerson.self(who, false), 21L, 22L, t0)).id();
            long third = cases.registerVoicemail(new VoicemailIntake("vm-3", "0914", SubjectPerson.self(null, false), null, 32L, t0.plusSeconds(120))).id();
            cases.register(CasePersistenceTest.complaint(who, "live"));
            cases.notAMatter(third, "SILENCE", null, SUP);

            assertThat(queue.count()).isEqualTo(2);
            assertThat(queue.oldestReceivedAt()).contains(t0);
            List<AwaitingMessages.Message> oldest = queue.oldest(10, Set.of());
            assertThat(oldest).extracting(AwaitingMessages.Message::caseId).containsExactly(first, second);
            AwaitingMessages.Message m = oldest.getFirst();
            assertThat(m.callId()).isEqualTo("vm-1");
            assertThat(m.callerNumber()).isEqualTo("0913");
            assertThat(m.spokenIdRecordingId()).isEqualTo(21L);
            assertThat(m.messageRecordingId()).isEqualTo(22L);
            assertThat(m.subject().nationalId()).isEqualTo(who);
            assertThat(queue.oldest(10, Set.of(first))).extracting(AwaitingMessages.Message::caseId).containsExactly(second);
            assertThat(queue.oldest(1, Set.of())).hasSize(1);
            assertThat(queue.stillAwaiting(List.of(first, third, 999_999L))).containsExactly(first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ir.line111.core.testing.TestDatabases#kinds")
    void theReportFiguresCountTheCasesRegisteredInTheRange(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            PersistentCases cases = CasePersistenceTest.cases(db);
            CaseReports reports = new PersistentCaseReports(db);
            Agency water = new PersistentAgencies(db).add("water");
            NationalId who = TestNationalIds.random();
            long referred = cases.register(CasePersistenceTest.complaint(who, "a")).id();
            cases.refer(referred, water.id(), null, SUP);
            long answered = cases.register(CasePersistenceTest.complaint(who, "b")).id();
            cases.refer(answered, water.id(), null, SUP);
            cases.answer(answered, "fixed", null, SUP);
            cases.registerVoicemail(new VoicemailIntake("vm", "0912", SubjectPerson.self(who, false), null, null, null));
            Instant from = Instant.now().minus(Duration.ofDays(1)), to = Instant.now().plus(Duration.ofDays(1));

            assertThat(reports.registeredBy(CaseReports.Grouping.KIND, from, to)).containsExactlyInAnyOrder(
                    new CaseReports.GroupCount("COMPLAINT", 2), new CaseReports.GroupCount(null, 1));
            assertThat(reports.registeredBy(CaseReports.Grouping.CHANNEL, from, to)).containsExactlyInAnyOrder(
                    new CaseReports.GroupCount("PHONE_LIVE", 2), new CaseReports.GroupCount("PHONE_MESSAGE", 1));
            assertThat(reports.registeredBy(CaseReports.Grouping.STATUS, from, to)).containsExactlyInAnyOrder(
                    new CaseReports.GroupCount("REFERRED", 1), new CaseReports.GroupCount("ANSWERED", 1),
                    new CaseReports.GroupCount("AWAITING_TRANSCRIPTION", 1));
            assertThat(reports.registeredByAgency(from, to)).containsExactly(
                    new CaseReports.AgencyCount(water.id(), "water", 2), new CaseReports.AgencyCount(null, null, 1));
            assertThat(reports.registrars(from, to)).containsExactlyInAnyOrder(
                    new CaseReports.RegistrarCount("op1", 2, 2), new CaseReports.RegistrarCount(Actor.IVR.name(), 1, 0));
            assertThat(reports.registeredBy(CaseReports.Grouping.KIND, to, to.plusSeconds(60))).isEmpty();

            Instant dueFrom = Instant.now(), dueTo = Instant.now().plus(Duration.ofDays(40));
            assertThat(reports.deadlines(dueFrom, dueTo, Instant.now())).containsExactlyInAnyOrder(
                    new CaseReports.DeadlineCount("water", 2, 1, 0, 1), new CaseReports.DeadlineCount(null, 1, 0, 0, 1));
            assertThat(reports.deadlines(dueFrom, dueTo, dueTo)).as("judged after every date: the unanswered ones missed it")
                    .containsExactlyInAnyOrder(new CaseReports.DeadlineCount("water", 2, 1, 1, 0), new CaseReports.DeadlineCount(null, 1, 0, 1, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ir.line111.core.testing.TestDatabases#kinds")
    void aCaseKnowsItsRecordingsAndCallsAndReadsAsOneListItem(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            PersistentCases cases = CasePersistenceTest.cases(db);
            NationalId who = TestNationalIds.random();
            long vm = cases.registerVoicemail(new VoicemailIntake("call-vm", "0912", SubjectPerson.self(who, false), 41L, 42L, null)).id();
            cases.addMessage(vm, 43L, "call-later", "again", OP);
            long live = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), "call-live")).id();

            assertThat(cases.caseOfRecording(41L)).contains(vm);
            assertThat(cases.caseOfRecording(42L)).contains(vm);
            assertThat(cases.caseOfRecording(43L)).as("through the timeline").contains(vm);
            assertThat(cases.caseOfRecording(44L)).isEmpty();
            assertThat(cases.callsOf(vm)).containsExactlyInAnyOrder("call-vm", "call-later");
            assertThat(cases.callsOf(live)).containsExactly("call-live");
            CaseListItem item = cases.item(live).orElseThrow();
            CaseDetail detail = cases.detail(live).orElseThrow();
            assertThat(item.summary()).isEqualTo(detail.summary());
            assertThat(item.summaryText()).isEqualTo(detail.summaryText());
            assertThat(item.overdue()).isEqualTo(detail.overdue()).isFalse();
            assertThat(cases.item(999_999L)).isEmpty();
        }
    }

    private static List<Long> ids(List<CaseListItem> items) {
        return items.stream().map(i -> i.summary().id()).toList();
    }

    private static List<Long> keys(Map<Long, Boolean> m, boolean v) {
        return m.entrySet().stream().filter(e -> e.getValue() == v).map(Map.Entry::getKey).toList();
    }

    private static long key(Map<Long, CaseStatus> m, CaseStatus s) {
        return m.entrySet().stream().filter(e -> e.getValue() == s).findFirst().orElseThrow().getKey();
    }
}
