package ir.line111.core.domain.cases;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseRulesTest {

    @Test
    void deadlineClassesAreTenFifteenTwentyFiveAndThirtyFiveDaysFromRegistration() {
        Instant reg = Instant.parse("2026-11-22T08:00:00Z");
        assertThat(DeadlineClass.SIMPLE.dueAt(reg)).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(DeadlineClass.CORRESPONDENCE.dueAt(reg)).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(DeadlineClass.INSPECTION.dueAt(reg)).isEqualTo("2026-12-17T08:00:00Z");
        assertThat(DeadlineClass.CORRESPONDENCE_AND_INSPECTION.dueAt(reg)).isEqualTo("2026-12-27T08:00:00Z");
    }

    @Test
    void theLifeCycleAllowsOnlyItsTransitions() {
        assertThat(CaseStatus.AWAITING_TRANSCRIPTION.canMoveTo(CaseStatus.REGISTERED)).isTrue();
        assertThat(CaseStatus.AWAITING_TRANSCRIPTION.canMoveTo(CaseStatus.ANSWERED)).isFalse();
        assertThat(CaseStatus.REGISTERED.canMoveTo(CaseStatus.REFERRED)).isTrue();
        assertThat(CaseStatus.ANSWERED.canMoveTo(CaseStatus.OBJECTION_1)).isTrue();
        assertThat(CaseStatus.REGISTERED.canMoveTo(CaseStatus.OBJECTION_1)).as("no objection without an answer").isFalse();
        assertThat(CaseStatus.OBJECTION_2.next()).containsExactly(CaseStatus.COMPLAINTS_BOARD);
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
        assertThat(CaseStatus.CLOSED.isOpen()).isFalse();
        for (CaseStatus s : CaseStatus.values()) assertThat(s.canMoveTo(CaseStatus.AWAITING_TRANSCRIPTION)).isFalse();
    }

    @Test
    void theActionsFollowTheStatus() {
        assertThat(CaseAction.allowedIn(CaseStatus.AWAITING_TRANSCRIPTION)).contains(CaseAction.TRANSCRIBE, CaseAction.CLOSE).doesNotContain(CaseAction.REFER);
        assertThat(CaseAction.allowedIn(CaseStatus.ANSWERED)).contains(CaseAction.OBJECTION, CaseAction.CLOSE).doesNotContain(CaseAction.ANSWER);
        assertThat(CaseAction.allowedIn(CaseStatus.OBJECTION_2)).containsExactly(CaseAction.BOARD, CaseAction.MESSAGE);
        assertThat(CaseAction.allowedIn(CaseStatus.CLOSED)).isEmpty();
    }

    private static final Instant DUE = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void anAnswerIsAwaitedWhileTheCaseIsOpenAndNotAnswered() {
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CaseRules.awaitingAnswer(s)).as(s.name()).isEqualTo(s != CaseStatus.ANSWERED && s != CaseStatus.CLOSED);
        }
        assertThat(CaseRules.awaitingAnswerStatuses()).contains(CaseStatus.AWAITING_TRANSCRIPTION, CaseStatus.COMPLAINTS_BOARD)
                .doesNotContain(CaseStatus.ANSWERED, CaseStatus.CLOSED);
    }

    @Test
    void theExpectedAnswerDateIsTheDueDateWhileAnAnswerIsAwaited() {
        assertThat(CaseRules.expectedAnswerDate(CaseStatus.REFERRED, DUE)).contains(DUE);
        assertThat(CaseRules.expectedAnswerDate(CaseStatus.AWAITING_TRANSCRIPTION, DUE)).as("the caller of a message was told it").contains(DUE);
        assertThat(CaseRules.expectedAnswerDate(CaseStatus.ANSWERED, DUE)).isEmpty();
        assertThat(CaseRules.expectedAnswerDate(CaseStatus.CLOSED, DUE)).isEmpty();
        assertThat(CaseRules.expectedAnswerDate(CaseStatus.REGISTERED, null)).isEmpty();
    }

    @Test
    void aCaseIsOverdueWhenItsExpectedAnswerDateHasPassed() {
        Instant after = DUE.plusSeconds(1), before = DUE.minusSeconds(1);
        assertThat(CaseRules.overdue(CaseStatus.REFERRED, DUE, after)).isTrue();
        assertThat(CaseRules.overdue(CaseStatus.REFERRED, DUE, DUE)).as("due now is not late yet").isFalse();
        assertThat(CaseRules.overdue(CaseStatus.REFERRED, DUE, before)).isFalse();
        assertThat(CaseRules.overdue(CaseStatus.AWAITING_TRANSCRIPTION, DUE, after)).isTrue();
        assertThat(CaseRules.overdue(CaseStatus.ANSWERED, DUE, after)).as("an answered case is not late").isFalse();
        assertThat(CaseRules.overdue(CaseStatus.CLOSED, DUE, after)).isFalse();
        assertThat(CaseRules.overdue(CaseStatus.REGISTERED, null, after)).isFalse();
    }

    @Test
    void anObjectionNeedsAnAnswer() {
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CaseRules.mayObject(s)).as(s.name()).isEqualTo(s == CaseStatus.ANSWERED);
            assertThat(CaseAction.allowedIn(s).contains(CaseAction.OBJECTION)).as(s.name()).isEqualTo(s == CaseStatus.ANSWERED);
            if (s != CaseStatus.ANSWERED) {
                assertThatThrownBy(() -> CaseRules.objection(s, 0)).isInstanceOf(CaseRuleException.class)
                        .hasMessageContaining("needs an answer");
            }
        }
    }

    @Test
    void theFirstObjectionReopensTheSecondGoesToTheBoardLaterOnesAreOnlyRecorded() {
        assertThat(CaseRules.objection(CaseStatus.ANSWERED, 0)).isEqualTo(CaseRules.Objection.REOPENED);
        assertThat(CaseRules.Objection.REOPENED.moves()).containsExactly(CaseStatus.OBJECTION_1);
        assertThat(CaseRules.objection(CaseStatus.ANSWERED, 1)).isEqualTo(CaseRules.Objection.TO_BOARD);
        assertThat(CaseRules.Objection.TO_BOARD.moves()).containsExactly(CaseStatus.OBJECTION_2, CaseStatus.COMPLAINTS_BOARD);
        assertThat(CaseRules.objection(CaseStatus.ANSWERED, 2)).isEqualTo(CaseRules.Objection.RECORDED_ONLY);
        assertThat(CaseRules.objection(CaseStatus.ANSWERED, 7)).isEqualTo(CaseRules.Objection.RECORDED_ONLY);
        assertThat(CaseRules.Objection.RECORDED_ONLY.moves()).isEmpty();
        // Every move of the ladder is a transition the life cycle allows.
        for (CaseRules.Objection o : CaseRules.Objection.values()) {
            CaseStatus at = CaseStatus.ANSWERED;
            for (CaseStatus next : o.moves()) {
                assertThat(at.canMoveTo(next)).as("%s -> %s", at, next).isTrue();
                at = next;
            }
        }
    }

    @Test
    void dueBeforeIsTheExpectedAnswerDateBeforeTheInstantAndItsStatusSetsPartitionTheStatuses() {
        Instant after = DUE.plusSeconds(1);
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CaseRules.dueBefore(s, DUE, after)).as(s.name()).isEqualTo(CaseRules.awaitingAnswer(s));
            assertThat(CaseRules.dueBefore(s, DUE, DUE)).as("%s due at the instant", s).isFalse();
            assertThat(CaseRules.dueBefore(s, null, after)).as("%s without a due date", s).isFalse();
            assertThat(CaseRules.overdue(s, DUE, after)).as("overdue is due before now").isEqualTo(CaseRules.dueBefore(s, DUE, after));
        }
        // what a query uses: "due" = status in awaitingAnswerStatuses, "not due" = status in the complement
        assertThat(CaseRules.awaitingAnswerStatuses()).doesNotContainAnyElementsOf(CaseRules.notAwaitingAnswerStatuses());
        assertThat(java.util.stream.Stream.concat(CaseRules.awaitingAnswerStatuses().stream(), CaseRules.notAwaitingAnswerStatuses().stream()))
                .containsExactlyInAnyOrder(CaseStatus.values());
        assertThat(CaseRules.notAwaitingAnswerStatuses()).containsExactlyInAnyOrder(CaseStatus.ANSWERED, CaseStatus.CLOSED);
    }

    @Test
    void aDeadlineIsMetByAnAnswerInTimeMissedByALateOneOrNoneAfterTheDateAndOtherwiseStillPending() {
        Instant now = DUE.plusSeconds(3600);
        assertThat(CaseRules.deadline(DUE, DUE, now)).as("answered on the due date").isEqualTo(CaseRules.Deadline.MET);
        assertThat(CaseRules.deadline(DUE, DUE.minusSeconds(60), now)).isEqualTo(CaseRules.Deadline.MET);
        assertThat(CaseRules.deadline(DUE, DUE.plusSeconds(1), now)).as("answered late").isEqualTo(CaseRules.Deadline.MISSED);
        assertThat(CaseRules.deadline(DUE, null, now)).as("no answer, date passed").isEqualTo(CaseRules.Deadline.MISSED);
        assertThat(CaseRules.deadline(DUE, null, DUE.minusSeconds(1))).as("no answer yet, still time").isEqualTo(CaseRules.Deadline.PENDING);
    }

    @Test
    void theActionsAUserMayTakeFollowTheStatusAndTheirRoles() {
        var supervisor = java.util.Set.of(ir.line111.core.domain.users.Role.SUPERVISOR);
        var operator = java.util.Set.of(ir.line111.core.domain.users.Role.OPERATOR);
        var transcriber = java.util.Set.of(ir.line111.core.domain.users.Role.TRANSCRIBER);
        var admin = java.util.Set.of(ir.line111.core.domain.users.Role.ADMIN);
        assertThat(CaseAction.allowedIn(CaseStatus.REGISTERED, supervisor)).containsExactly(CaseAction.REFER, CaseAction.ANSWER, CaseAction.CLOSE, CaseAction.MESSAGE);
        assertThat(CaseAction.allowedIn(CaseStatus.REGISTERED, operator)).containsExactly(CaseAction.MESSAGE);
        assertThat(CaseAction.allowedIn(CaseStatus.ANSWERED, operator)).containsExactly(CaseAction.OBJECTION, CaseAction.MESSAGE);
        assertThat(CaseAction.allowedIn(CaseStatus.ANSWERED, supervisor)).containsExactly(CaseAction.OBJECTION, CaseAction.CLOSE, CaseAction.MESSAGE);
        assertThat(CaseAction.allowedIn(CaseStatus.AWAITING_TRANSCRIPTION, supervisor)).as("a message is closed at the workbench")
                .doesNotContain(CaseAction.CLOSE, CaseAction.TRANSCRIBE);
        assertThat(CaseAction.allowedIn(CaseStatus.AWAITING_TRANSCRIPTION, transcriber)).containsExactly(CaseAction.TRANSCRIBE);
        assertThat(CaseAction.allowedIn(CaseStatus.REGISTERED, transcriber)).isEmpty();
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CaseAction.allowedIn(s, admin)).as("admin, %s", s).isEmpty();
            assertThat(CaseAction.allowedIn(s)).as("what a role may do is what the status allows, narrowed")
                    .containsAll(CaseAction.allowedIn(s, java.util.EnumSet.allOf(ir.line111.core.domain.users.Role.class)));
            assertThat(CaseAction.OBJECTION.allowed(s, operator)).as("objection only to an answer, %s", s).isEqualTo(CaseRules.mayObject(s));
        }
    }
}
