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
        return dueBefore(status, dueAt, now);
    }

    /** The statuses in which a case can be overdue (for a query: overdue = status in these and due before now; see {@link #dueBefore}). */
    public static List<CaseStatus> awaitingAnswerStatuses() {
        return java.util.Arrays.stream(CaseStatus.values()).filter(CaseRules::awaitingAnswer).toList();
    }

    /**
     * Whether an answer to the case was due before {@code instant}: an answer is awaited and its
     * expected date lies before it. "Overdue" is this with {@code instant} = now; the console's
     * "due this week" list is this with next Saturday. A query evaluates the same rule as
     * {@code status in awaitingAnswerStatuses() and due_at < instant} (its negation:
     * {@code status in notAwaitingAnswerStatuses() or due_at is null or due_at >= instant}), so the SQL and this method cannot disagree.
     */
    public static boolean dueBefore(CaseStatus status, Instant dueAt, Instant instant) {
        return expectedAnswerDate(status, dueAt).filter(d -> d.isBefore(instant)).isPresent();
    }

    /**
     * The statuses in which a case is never due: the complement of {@link #awaitingAnswerStatuses()}.
     * Not due before {@code instant} = status in these, or no due date, or due at or after it.
     */
    public static List<CaseStatus> notAwaitingAnswerStatuses() {
        return java.util.Arrays.stream(CaseStatus.values()).filter(s -> !awaitingAnswer(s)).toList();
    }

    /** How a case fared against its deadline, for the reports: met, missed, or still running. */
    public enum Deadline { MET, MISSED, PENDING }

    /**
     * Met when answered by the due date; missed when answered later, or unanswered and past it
     * (closed without an answer included: the caller never heard one); else still pending.
     */
    public static Deadline deadline(Instant dueAt, Instant answeredAt, Instant now) {
        if (answeredAt != null) return answeredAt.isAfter(dueAt) ? Deadline.MISSED : Deadline.MET;
        return dueAt.isBefore(now) ? Deadline.MISSED : Deadline.PENDING;
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
