package ir.line111.core.persistence;

import ir.line111.core.domain.agencies.Agency;
import ir.line111.core.domain.board.AgendaItem;
import ir.line111.core.domain.board.BoardSchedule;
import ir.line111.core.domain.board.BoardSession;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.testing.OnBothDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The complaints board: a case at the board joins the next session (holidays skipped), the verdict answers it and is followed up. */
class BoardTest {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static final Actor SUP = new Actor("sup1");

    @OnBothDatabases
    void aCaseAtTheBoardJoinsTheNextSessionAndTheVerdictAnswersIt(Database db) {
        // Monday 2026-04-06 09:00 Tehran; slots are Tuesdays 2026-03-24, 04-07, 04-21...; 04-07 is made a holiday.
        Instant monday = LocalDate.of(2026, 4, 6).atTime(9, 0).atZone(TEHRAN).toInstant();
        Clock clock = Clock.fixed(monday, ZoneOffset.UTC);
        PersistentHolidays holidays = new PersistentHolidays(db, clock);
        LocalDate slot = LocalDate.of(2026, 4, 7);
        boolean wasHoliday = holidays.isHoliday(slot);
        holidays.put(slot, "test holiday " + UUID.randomUUID().toString().substring(0, 8));
        try {
            PersistentCases cases = new PersistentCases(db, new TrackingCodeIssuer(db, CasePersistenceTest.KEY), clock, Duration.ofDays(30));
            PersistentBoard board = new PersistentBoard(db, holidays, TEHRAN, clock);
            board.schedule(new BoardSchedule(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalDate.of(2026, 3, 24)));
            Agency water = new PersistentAgencies(db).add("Water " + UUID.randomUUID());
            CaseSummary c = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
            cases.refer(c.id(), water.id(), null, SUP);
            cases.answer(c.id(), "fixed", null, SUP);
            cases.object(c.id(), null, Actor.IVR, "no");
            cases.answer(c.id(), "fixed again", null, SUP);
            assertThat(cases.object(c.id(), null, Actor.IVR, "no").status()).isEqualTo(CaseStatus.COMPLAINTS_BOARD);

            assertThat(board.enrolPending()).isGreaterThanOrEqualTo(1);
            assertThat(board.enrolPending()).as("once").isZero();
            BoardSession next = board.nextSession();
            assertThat(next.slot()).isEqualTo(slot);
            assertThat(next.sitsAt()).as("the holiday moves it to Wednesday").isEqualTo(slot.plusDays(1).atTime(10, 0).atZone(TEHRAN).toInstant());
            assertThat(board.agenda(next.id())).extracting(a -> a.item().id()).contains(c.id());

            Instant moved = slot.plusDays(2).atTime(14, 0).atZone(TEHRAN).toInstant();
            assertThat(board.move(next.id(), moved, "the chair is away", SUP).sitsAt()).isEqualTo(moved);
            assertThat(board.nextSession().id()).isEqualTo(next.id());

            board.attendance(next.id(), c.id(), true, SUP);
            var decided = board.verdict(next.id(), c.id(), "the company repairs the pipe", 10, SUP);
            assertThat(decided.status()).isEqualTo(CaseStatus.ANSWERED);
            assertThat(decided.summary().answer()).isEqualTo("the company repairs the pipe");
            assertThat(board.verdictAt(c.id())).contains(monday);
            assertThatThrownBy(() -> board.verdict(next.id(), c.id(), "again", 10, SUP)).isInstanceOf(CaseRuleException.class);
            AgendaItem item = board.agenda(next.id()).stream().filter(a -> a.item().id() == c.id()).findFirst().orElseThrow();
            assertThat(item.attended()).isTrue();
            assertThat(item.complyBy()).isEqualTo(monday.plus(Duration.ofDays(10)));
            assertThat(decided.timeline()).extracting(TimelineEvent::type).containsSubsequence(CaseEventType.SENT_TO_BOARD,
                    CaseEventType.BOARD_SCHEDULED, CaseEventType.BOARD_SCHEDULED, CaseEventType.BOARD_ATTENDANCE, CaseEventType.BOARD_VERDICT);

            // followed up like an answer: it is on the agency's list until it complies
            PersistentAgencyDesk desk = new PersistentAgencyDesk(db, cases, clock);
            assertThat(desk.inbox(water.id())).extracting(i -> i.id()).containsExactly(c.id());
            assertThat(desk.inbox(water.id()).getFirst().complyBy()).isEqualTo(item.complyBy());
            desk.complied(water.id(), c.id(), "repaired on 1405/01/20", new Actor("water1"));
            assertThat(desk.inbox(water.id())).isEmpty();
            assertThat(cases.object(c.id(), null, Actor.IVR, "still").status()).as("the board's decision is final").isEqualTo(CaseStatus.ANSWERED);
        } finally {
            if (!wasHoliday) holidays.remove(slot);
        }
    }
}
