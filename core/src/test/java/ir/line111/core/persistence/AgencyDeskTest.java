package ir.line111.core.persistence;

import ir.line111.core.domain.agencies.Agency;
import ir.line111.core.domain.agencydesk.AgencyCase;
import ir.line111.core.domain.agencydesk.ExtensionRequest;
import ir.line111.core.domain.agencydesk.InboxItem;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.domain.users.Role;
import ir.line111.core.testing.OnBothDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agency desk (issue 16): only the agency's own referred cases, answers, extensions, "not ours", urgent first. */
class AgencyDeskTest {

    static final Actor SUP = new Actor("sup1"), LIAISON = new Actor("water1");

    @OnBothDatabases
    void anAgencySeesOnlyItsReferredCasesAndAnswersThem(Database db) {
        PersistentCases cases = CasePersistenceTest.cases(db);
        PersistentAgencyDesk desk = new PersistentAgencyDesk(db, cases, Clock.systemUTC());
        Agency water = new PersistentAgencies(db).add("Water " + UUID.randomUUID());
        Agency health = new PersistentAgencies(db).add("Health " + UUID.randomUUID());
        CaseSummary mine = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        CaseSummary theirs = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        CaseSummary notReferred = cases.register(new ir.line111.core.domain.cases.NewCase(ir.line111.core.domain.cases.CaseKind.COMPLAINT,
                ir.line111.core.domain.cases.Channel.PHONE_LIVE, ir.line111.core.domain.cases.SubjectPerson.self(TestNationalIds.random(), true),
                water.id(), "s", null, DeadlineClass.SIMPLE, null, null, SUP));
        cases.refer(mine.id(), water.id(), null, SUP);
        cases.refer(theirs.id(), health.id(), null, SUP);

        assertThat(desk.inbox(water.id())).extracting(InboxItem::id).containsExactly(mine.id());
        assertThat(desk.find(water.id(), theirs.id())).isEmpty();
        assertThat(desk.find(water.id(), notReferred.id())).as("registered with the agency but never referred").isEmpty();
        assertThatThrownBy(() -> desk.answer(water.id(), theirs.id(), "x", List.of(), LIAISON)).isInstanceOf(NoSuchCaseException.class);
        assertThatThrownBy(() -> desk.sendBack(water.id(), theirs.id(), "x", LIAISON)).isInstanceOf(NoSuchCaseException.class);

        var file = desk.addAttachment(water.id(), mine.id(), "report.pdf", "application/pdf", 10, "a1.pdf", "00", LIAISON);
        assertThat(desk.attachment(health.id(), file.id())).isEmpty();
        assertThatThrownBy(() -> desk.answer(water.id(), mine.id(), "fixed", List.of(file.id() + 1000), LIAISON)).isInstanceOf(NoSuchCaseException.class);
        assertThat(desk.answer(water.id(), mine.id(), "the pipe is fixed", List.of(file.id()), LIAISON).status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(desk.inbox(water.id())).isEmpty();
        AgencyCase seen = desk.find(water.id(), mine.id()).orElseThrow();
        assertThat(seen.attachments()).extracting(a -> a.fileName()).containsExactly("report.pdf");
        assertThat(seen.detail().timeline()).extracting(TimelineEvent::type).containsSubsequence(CaseEventType.REFERRED,
                CaseEventType.ATTACHMENT_ADDED, CaseEventType.ANSWERED);
        assertThat(seen.detail().timeline().getLast().actor()).isEqualTo(LIAISON);
    }

    @OnBothDatabases
    void aLongerDeadlineIsAskedForAndApprovedAndNotOursGoesBackToTheSupervisors(Database db) {
        PersistentCases cases = CasePersistenceTest.cases(db);
        PersistentAgencyDesk desk = new PersistentAgencyDesk(db, cases, Clock.systemUTC());
        PersistentCaseOversight oversight = new PersistentCaseOversight(db, Clock.systemUTC());
        Agency water = new PersistentAgencies(db).add("Water " + UUID.randomUUID());
        CaseSummary c = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        cases.refer(c.id(), water.id(), null, SUP);

        assertThatThrownBy(() -> desk.requestExtension(water.id(), c.id(), DeadlineClass.CORRESPONDENCE, "shorter", LIAISON))
                .isInstanceOf(CaseRuleException.class);
        ExtensionRequest r = desk.requestExtension(water.id(), c.id(), DeadlineClass.CORRESPONDENCE_AND_INSPECTION, "needs an inspection and letters", LIAISON);
        assertThat(r.pending()).isTrue();
        assertThatThrownBy(() -> desk.requestExtension(water.id(), c.id(), DeadlineClass.CORRESPONDENCE_AND_INSPECTION, "again", LIAISON))
                .isInstanceOf(CaseRuleException.class);
        assertThat(oversight.pendingExtensions()).extracting(ExtensionRequest::id).contains(r.id());
        ExtensionRequest approved = oversight.decideExtension(r.id(), true, "ok", SUP);
        assertThat(approved.decision()).isEqualTo(ExtensionRequest.Decision.APPROVED);
        var detail = cases.detail(c.id()).orElseThrow();
        assertThat(detail.deadlineClass()).isEqualTo(DeadlineClass.CORRESPONDENCE_AND_INSPECTION);
        assertThat(detail.summary().dueAt()).isEqualTo(c.registeredAt().plus(Duration.ofDays(35)));
        assertThatThrownBy(() -> oversight.decideExtension(r.id(), false, null, SUP)).isInstanceOf(CaseRuleException.class);

        desk.sendBack(water.id(), c.id(), "this is the municipality's street", LIAISON);
        assertThat(desk.find(water.id(), c.id())).isEmpty();
        assertThat(oversight.returned()).extracting(InboxItem::id).contains(c.id());
        assertThat(cases.detail(c.id()).orElseThrow().timeline()).extracting(TimelineEvent::type)
                .containsSubsequence(CaseEventType.EXTENSION_REQUESTED, CaseEventType.EXTENSION_APPROVED, CaseEventType.RETURNED_BY_AGENCY);
        cases.refer(c.id(), water.id(), "it is yours after all", SUP);
        assertThat(oversight.returned()).extracting(InboxItem::id).doesNotContain(c.id());
    }

    @OnBothDatabases
    void urgentCasesComeFirstAndSharingIsOnTheTimeline(Database db) {
        PersistentCases cases = CasePersistenceTest.cases(db);
        PersistentAgencyDesk desk = new PersistentAgencyDesk(db, cases, Clock.systemUTC());
        PersistentCaseOversight oversight = new PersistentCaseOversight(db, Clock.systemUTC());
        Agency water = new PersistentAgencies(db).add("Water " + UUID.randomUUID());
        CaseSummary first = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        CaseSummary second = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        cases.refer(first.id(), water.id(), null, SUP);
        cases.refer(second.id(), water.id(), null, SUP);
        assertThat(desk.inbox(water.id())).extracting(InboxItem::id).containsExactly(first.id(), second.id());

        assertThatThrownBy(() -> oversight.urgent(second.id(), true, " ", SUP)).isInstanceOf(IllegalArgumentException.class);
        oversight.urgent(second.id(), true, "no drinking water in a hospital", SUP);
        assertThat(desk.inbox(water.id())).extracting(InboxItem::id).containsExactly(second.id(), first.id());
        assertThat(oversight.urgentCases()).extracting(InboxItem::id).contains(second.id()).doesNotContain(first.id());

        assertThat(desk.find(water.id(), first.id()).orElseThrow().flags().recordingsShared()).isFalse();
        oversight.share(first.id(), true, false, SUP);
        assertThat(desk.find(water.id(), first.id()).orElseThrow().flags().recordingsShared()).isTrue();
        assertThat(cases.detail(first.id()).orElseThrow().timeline()).extracting(TimelineEvent::type).contains(CaseEventType.RECORDINGS_SHARED);
    }

    @OnBothDatabases
    void aLiaisonIsBoundToOneAgency(Database db) {
        PersistentUserDirectory users = new PersistentUserDirectory(db, 4, Clock.systemUTC());
        Agency water = new PersistentAgencies(db).add("Water " + UUID.randomUUID());
        String name = "l" + Long.toHexString(System.nanoTime());
        users.add(name, "کارشناس آب", Set.of(Role.LIAISON), "long enough password".toCharArray());
        PersistentLiaisons liaisons = new PersistentLiaisons(db);
        assertThat(liaisons.agencyOf(name)).isEmpty();
        liaisons.bind(name, water.id());
        assertThat(liaisons.agencyOf(name)).contains(water.id());
        assertThat(users.find(name).orElseThrow().has(Role.LIAISON)).isTrue();
        assertThatThrownBy(() -> liaisons.bind("nobody-" + name, water.id())).isInstanceOf(IllegalArgumentException.class);
    }
}
