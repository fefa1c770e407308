package ir.line111.core.domain.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules about a case's answer, in one place for the IVR, core and the console: when an answer
 * is awaited, the date the caller is told, when a case is overdue, and the objection ladder.
 * They once lived in three places that disagreed (the console counted an answered case as overdue
 * and a message awaiting transcription as not; core and the IVR the other way round).
 *
 * <ul>
 *   <li>An answer is <em>awaited</em> while the case is open and not answered — a message awaiting
 *       transcription included: its due date runs from registration (seed 001), and the caller was
 *       told it.</li>
 *   <li>The <em>expected answer date</em> is the due date while an answer is awaited; none otherwise.</li>
 *   <li>A case is <em>overdue</em> when its expected answer date has passed.</li>
 *   <li>An objection is possible only to an answer (status ANSWERED). The first re-opens the matter
 *       with the agency (OBJECTION_1); the second sends it to the complaints board (OBJECTION_2,
 *       then COMPLAINTS_BOARD); after the board's answer a further objection is only recorded on the
 *       timeline: the board's decision is final.</li>
 * </ul>
 */
public final class CaseRules {

    private CaseRules() {}

    /** Open and not answered: the agency (or the transcriber, then the agency) still owes an answer. */
    public static boolean awaitingAnswer(CaseStatus status) {
        return status.isOpen() && status != CaseStatus.ANSWERED;
    }

    /** The date the caller is told the answer is expected; empty when no answer is awaited or no date is set. */
    public static Optional<Instant> expectedAnswerDate(CaseStatus status, Instant dueAt) {
        return dueAt != null && awaitingAnswer(status) ? Optional.of(dueAt) : Optional.empty();
    }

    public static Optional<Instant> expectedAnswerDate(CaseSummary c) {
        return expectedAnswerDate(c.status(), c.dueAt());
    }

    /** Its expected answer date has passed. */
    public static boolean overdue(CaseStatus status, Instant dueAt, Instant now) {
        return expectedAnswerDate(status, dueAt).filter(d -> d.isBefore(now)).isPresent();
    }

    /** The statuses in which a case can be overdue (for a query: overdue = status in these and due before now). */
    public static List<CaseStatus> awaitingAnswerStatuses() {
        return java.util.Arrays.stream(CaseStatus.values()).filter(CaseRules::awaitingAnswer).toList();
    }

    /** Only an answer can be objected to. */
    public static boolean mayObject(CaseStatus status) {
        return status == CaseStatus.ANSWERED;
    }

    /** What the n-th objection does (1-based); the statuses it moves through, in order. */
    public enum Objection {
        /** The first: back to the agency. */
        REOPENED(List.of(CaseStatus.OBJECTION_1)),
        /** The second: to the complaints board. */
        TO_BOARD(List.of(CaseStatus.OBJECTION_2, CaseStatus.COMPLAINTS_BOARD)),
        /** After the board's decision: recorded, nothing moves. */
        RECORDED_ONLY(List.of());

        private final List<CaseStatus> moves;
        Objection(List<CaseStatus> moves) { this.moves = moves; }
        public List<CaseStatus> moves() { return moves; }
    }

    /**
     * The objection a caller or staff member makes to a case in {@code status} that has had
     * {@code objectionsSoFar} objections.
     * @throws CaseRuleException when there is no answer to object to
     */
    public static Objection objection(CaseStatus status, int objectionsSoFar) {
        if (!mayObject(status)) throw new CaseRuleException("an objection needs an answer to object to; the case is " + status);
        return switch (objectionsSoFar) {
            case 0 -> Objection.REOPENED;
            case 1 -> Objection.TO_BOARD;
            default -> Objection.RECORDED_ONLY;
        };
    }
}
