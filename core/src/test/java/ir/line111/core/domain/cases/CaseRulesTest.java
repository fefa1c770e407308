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
}
