package ir.line111.core.domain.board;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseDetail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The complaints board (هیأت رسیدگی به شکایات, seed 000; issue 16). Cases that reach COMPLAINTS_BOARD join the
 * agenda of the next session; the verdict binds the agency, with a deadline to comply, and answers the case.
 *
 * @throws ir.line111.core.domain.cases.NoSuchCaseException for an unknown session or a case not on its agenda
 * @throws ir.line111.core.domain.cases.CaseRuleException when the case's status does not allow the action
 */
public interface Board {

    BoardSchedule schedule();

    void schedule(BoardSchedule schedule);

    /** The next session that has not sat yet (made from the schedule when it is not there yet). */
    BoardSession nextSession();

    /** Sessions sitting at or after {@code from}, soonest first (the next one always among them). */
    List<BoardSession> sessions(Instant from, int max);

    Optional<BoardSession> session(long sessionId);

    /** Urgent first, then by due date. */
    List<AgendaItem> agenda(long sessionId);

    /** Puts every case at the board without a verdict and not on a session still to come onto the next session; returns how many. */
    int enrolPending();

    /** Moves a session to another time (with the reason); its agenda moves with it. */
    BoardSession move(long sessionId, Instant sitsAt, String reason, Actor actor);

    void attendance(long sessionId, long caseId, boolean attended, Actor actor);

    /** The board's verdict: the case is answered (BOARD_VERDICT), the agency must comply within {@code complyDays}. */
    CaseDetail verdict(long sessionId, long caseId, String text, int complyDays, Actor actor);

    /** When the board decided the case; empty when it has not. */
    Optional<Instant> verdictAt(long caseId);
}
