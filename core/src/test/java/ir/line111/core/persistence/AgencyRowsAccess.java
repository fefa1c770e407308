package ir.line111.core.persistence;

import java.time.Instant;
import java.util.UUID;

/** Test access: a call that keyed a satisfaction score for a case, as the IVR's after-queue step stores it. */
final class AgencyRowsAccess {
    private AgencyRowsAccess() {}

    static void satisfaction(Database db, long caseId, int score, Instant at) {
        db.inTransaction(s -> AgencyRows.update(s, "insert into call_record (id, call_id, outcome, case_id, satisfaction, started_at) "
                + "values ((select coalesce(max(id), 0) + 1000 from call_record), ?, 'ANSWERED_BY_OPERATOR', ?, ?, ?)",
                "t-" + UUID.randomUUID(), caseId, score, at));
    }
}
