package ir.line111.core.persistence;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.AwaitingMessages;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.testing.OnBothDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: urgent cases come first in every case list the database orders, and the lists say which are urgent. */
class UrgentFirstTest {

    static final Actor SUP = new Actor("sup1");

    @OnBothDatabases
    void urgentCasesComeFirstInTheSearchTheDueListAndTheWorkbenchQueue(Database db) {
        PersistentCases cases = CasePersistenceTest.cases(db);
        PersistentCaseOversight oversight = new PersistentCaseOversight(db, Clock.systemUTC());
        NationalId who = TestNationalIds.random();
        CaseSummary first = cases.register(CasePersistenceTest.complaint(who, null));
        CaseSummary second = cases.register(CasePersistenceTest.complaint(who, null));
        CaseSummary third = cases.register(CasePersistenceTest.complaint(who, null));
        oversight.share(first.id(), true, false, SUP); // a flag row that is not urgent
        oversight.urgent(second.id(), true, "a child without water", SUP);

        CaseQuery mine = CaseQuery.all(10).withNationalId(who.digits());
        List<CaseListItem> newest = cases.search(mine).items();
        assertThat(newest).extracting(i -> i.summary().id()).as("urgent first, then newest first")
                .containsExactly(second.id(), third.id(), first.id());
        assertThat(newest).extracting(CaseListItem::urgent).containsExactly(true, false, false);

        Instant week = Instant.now().plus(400, ChronoUnit.DAYS);
        assertThat(cases.search(mine.dueBefore(week)).items()).extracting(i -> i.summary().id()).as("urgent first, then by due date")
                .containsExactly(second.id(), first.id(), third.id());
        assertThat(cases.item(second.id()).orElseThrow().urgent()).isTrue();
        assertThat(cases.detail(second.id()).orElseThrow().urgent()).isTrue();
        assertThat(cases.detail(first.id()).orElseThrow().urgent()).isFalse();

        oversight.urgent(second.id(), false, null, SUP);
        assertThat(cases.search(mine).items()).extracting(i -> i.summary().id()).as("no longer urgent: back in its place")
                .containsExactly(third.id(), second.id(), first.id());

        AwaitingMessages queue = new PersistentAwaitingMessages(db);
        CaseSummary older = cases.registerVoicemail(new VoicemailIntake("vm-old-" + who.digits(), "0912", SubjectPerson.self(who, false), null, null, null));
        CaseSummary newer = cases.registerVoicemail(new VoicemailIntake("vm-new-" + who.digits(), "0912", SubjectPerson.self(who, false), null, null, null));
        assertThat(queue.oldest(10, List.of())).extracting(AwaitingMessages.Message::caseId).containsExactly(older.id(), newer.id());
        oversight.urgent(newer.id(), true, "threat to life", SUP);
        assertThat(queue.oldest(10, List.of())).extracting(AwaitingMessages.Message::caseId).as("urgent first, then oldest first")
                .containsExactly(newer.id(), older.id());
    }
}
