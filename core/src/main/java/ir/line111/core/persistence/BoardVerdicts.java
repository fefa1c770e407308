package ir.line111.core.persistence;

import ir.line111.core.domain.cases.CaseEventType;
import org.hibernate.Session;

import java.time.Instant;
import java.util.Optional;

/** When the complaints board decided a case: its latest BOARD_VERDICT event — the one definition for the IVR and the board. */
final class BoardVerdicts {
    private BoardVerdicts() {}

    static Optional<Instant> at(Session s, long caseId) {
        return Optional.ofNullable(s.createSelectionQuery(
                        "select max(e.occurredAt) from CaseEventEntity e where e.caseId = :id and e.eventType = :type", Instant.class)
                .setParameter("id", caseId).setParameter("type", CaseEventType.BOARD_VERDICT.name()).getSingleResultOrNull());
    }
}
