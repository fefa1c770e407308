package ir.line111.core.persistence;

import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.ReservedCodeRegistry;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.CaseEntity;

import java.util.Objects;
import java.util.Optional;

/** {@link ReservedCodeRegistry} over the case table; registration itself is {@link PersistentCases}'. */
public final class PersistentReservedCodes implements ReservedCodeRegistry {
    private final Database db;
    private final PersistentCases cases;

    public PersistentReservedCodes(PersistentCases cases) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.db = cases.database();
    }

    @Override
    public Optional<Long> caseWithCode(TrackingCode code) {
        return db.fromTransaction(s -> s.createSelectionQuery("select c.id from CaseEntity c where c.trackingCode = :code", Long.class)
                .setParameter("code", code.digits()).getResultList().stream().findFirst());
    }

    @Override
    public Optional<Long> voicemailCaseOfCall(String callId) {
        if (callId == null) return Optional.empty();
        return db.fromTransaction(s -> s.createSelectionQuery(
                        "select c.id from CaseEntity c where c.callId = :call and c.channel = :channel order by c.id", Long.class)
                .setParameter("call", callId).setParameter("channel", Channel.PHONE_MESSAGE)
                .setMaxResults(1).getResultList().stream().findFirst());
    }

    @Override
    public void giveCode(long caseId, TrackingCode heard) {
        db.inTransaction(s -> {
            CaseEntity c = s.find(CaseEntity.class, caseId);
            if (c != null) c.setTrackingCode(heard.digits());
        });
    }

    @Override
    public long registerVoicemail(VoicemailIntake intake, TrackingCode heard) {
        return cases.registerVoicemail(intake, heard).id();
    }
}
