package ir.line111.core.persistence;

import ir.line111.core.domain.cases.AwaitingMessages;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.CaseEntity;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link AwaitingMessages} on core's case table. */
public final class PersistentAwaitingMessages implements AwaitingMessages {

    private final Database db;

    public PersistentAwaitingMessages(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<Message> oldest(int limit, Collection<Long> skipping) {
        if (limit < 1) return List.of();
        boolean skip = skipping != null && !skipping.isEmpty();
        return db.fromTransaction(s -> {
            var q = s.createSelectionQuery("from CaseEntity c where c.status = :awaiting"
                    + (skip ? " and c.id not in (:skip)" : "") + " order by c.registeredAt, c.id", CaseEntity.class)
                    .setParameter("awaiting", CaseStatus.AWAITING_TRANSCRIPTION);
            if (skip) q.setParameter("skip", Set.copyOf(skipping));
            return q.setMaxResults(limit).getResultList().stream().map(PersistentAwaitingMessages::message).toList();
        });
    }

    @Override
    public Set<Long> stillAwaiting(Collection<Long> caseIds) {
        if (caseIds == null || caseIds.isEmpty()) return Set.of();
        return db.fromTransaction(s -> new HashSet<>(s.createSelectionQuery(
                        "select c.id from CaseEntity c where c.status = :awaiting and c.id in (:ids)", Long.class)
                .setParameter("awaiting", CaseStatus.AWAITING_TRANSCRIPTION).setParameter("ids", Set.copyOf(caseIds))
                .getResultList()));
    }

    @Override
    public long count() {
        return db.fromTransaction(s -> s.createSelectionQuery("select count(c) from CaseEntity c where c.status = :awaiting", Long.class)
                .setParameter("awaiting", CaseStatus.AWAITING_TRANSCRIPTION).getSingleResult());
    }

    @Override
    public Optional<Instant> oldestReceivedAt() {
        return db.fromTransaction(s -> Optional.ofNullable(s.createSelectionQuery(
                        "select min(c.registeredAt) from CaseEntity c where c.status = :awaiting", Instant.class)
                .setParameter("awaiting", CaseStatus.AWAITING_TRANSCRIPTION).getSingleResult()));
    }

    private static Message message(CaseEntity c) {
        var summary = CaseRows.summary(c, null);
        return new Message(c.getId(), new TrackingCode(c.getTrackingCode()), c.getCallId(), c.getCallerNumber(), c.getRegisteredAt(),
                summary.subject(), c.getMessageRecordingId(), c.getSpokenIdRecordingId());
    }

}
