package ir.line111.core.persistence;

import ir.line111.core.domain.cases.CaseListItem;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** One case as a list item, and what links a case to recordings and calls ({@link ir.line111.core.domain.cases.CaseDesk}). */
final class CaseLinks {
    private CaseLinks() {}

    static Optional<CaseListItem> item(Database db, long caseId, Instant now) {
        return db.fromTransaction(s -> s.createSelectionQuery(CaseSearch.SELECT + " where c.id = :id", Object[].class)
                .setParameter("id", caseId).getResultList().stream().findFirst().map(r -> CaseSearch.item(r, now)));
    }

    static Optional<Long> caseOfRecording(Database db, long recordingId) {
        return db.fromTransaction(s -> {
            Optional<Long> held = s.createSelectionQuery("select min(c.id) from CaseEntity c "
                            + "where c.messageRecordingId = :r or c.spokenIdRecordingId = :r", Long.class)
                    .setParameter("r", recordingId).getResultList().stream().filter(java.util.Objects::nonNull).findFirst();
            if (held.isPresent()) return held;
            return s.createSelectionQuery("select min(e.caseId) from CaseEventEntity e where e.recordingId = :r", Long.class)
                    .setParameter("r", recordingId).getResultList().stream().filter(java.util.Objects::nonNull).findFirst();
        });
    }

    static Set<String> callsOf(Database db, long caseId) {
        return db.fromTransaction(s -> {
            Set<String> calls = new LinkedHashSet<>(s.createSelectionQuery(
                    "select c.callId from CaseEntity c where c.id = :id and c.callId is not null", String.class)
                    .setParameter("id", caseId).getResultList());
            calls.addAll(s.createSelectionQuery(
                    "select distinct e.callId from CaseEventEntity e where e.caseId = :id and e.callId is not null", String.class)
                    .setParameter("id", caseId).getResultList());
            return calls;
        });
    }
}
