package ir.line111.core.domain.cases;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

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
}
