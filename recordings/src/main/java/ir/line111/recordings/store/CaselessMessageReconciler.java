package ir.line111.recordings.store;

import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.persistence.CaseTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers voicemail recordings that have a row but belong to no case: the IVR adopted the message,
 * then the call died before it registered it (a crash, a database that went away between the two).
 * {@link StrayRecordingReconciler} only sees files with no row, so these were never picked up.
 *
 * <p>A row counts as lost only when nothing refers to it or to its call: no case holds it as its
 * message, no event carries it, and no case or event was registered from the same call (a caller who
 * recorded again leaves earlier takes without a case, and their call's case is the real one). And
 * only once it is older than {@code orphanAge}, longer than any call keeps a take before registering
 * it, so a call still in progress (or an intake the IVR will still register) is never raced.
 * Registering and attaching can both be repeated: a run that died between the two finds the case by
 * its message and only attaches.
 */
public final class CaselessMessageReconciler {
    private static final Logger log = LoggerFactory.getLogger(CaselessMessageReconciler.class);
    /** Rows adopted within this many days are looked at; older ones would have been found then. */
    private static final Duration LOOK_BACK = Duration.ofDays(2);

    private final DataSource db;
    private final AudioStore store;
    private final CaseRegistry cases;
    private final Duration orphanAge;
    private final Clock clock;

    public CaselessMessageReconciler(DataSource db, AudioStore store, CaseRegistry cases, Duration orphanAge, Clock clock) {
        this.db = db;
        this.store = store;
        this.cases = cases;
        this.orphanAge = orphanAge;
        this.clock = clock;
    }

    private record Lost(long recordingId, String callId, Instant recordedAt, Long caseHoldingIt, String callerNumber) {}

    /** Registers the lost messages it finds; returns how many. */
    public int reconcile() {
        Instant now = clock.instant();
        int registered = 0;
        for (Lost l : lost(now.minus(orphanAge), now.minus(LOOK_BACK))) {
            MDC.put("callId", l.callId());
            try {
                long caseId;
                if (l.caseHoldingIt() != null) {
                    caseId = l.caseHoldingIt();   // registered by an earlier run that died before attaching
                } else {
                    CaseSummary c = cases.registerVoicemail(new VoicemailIntake(l.callId(), l.callerNumber(),
                            new SubjectPerson(null, false, Relation.SELF, null), null, l.recordingId(), l.recordedAt()));
                    caseId = c.id();
                    log.warn("message recording {} was adopted but never registered (call cut off?); registered now as case {} ({})",
                            l.recordingId(), c.id(), c.trackingCode());
                    registered++;
                }
                store.attachToCase(l.recordingId(), caseId);
            } catch (RuntimeException e) {
                log.warn("message recording {} could not be registered (will retry): {}", l.recordingId(), e.toString());
            } finally {
                MDC.remove("callId");
            }
        }
        return registered;
    }

    private List<Lost> lost(Instant adoptedBefore, Instant adoptedAfter) {
        return Sql.inTransaction(db, c -> {
            List<Lost> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.id, r.call_id, r.recorded_at,
                           %s,
                           (SELECT MAX(cr.caller_number) FROM call_record cr WHERE cr.call_id = r.call_id)
                      FROM recording r
                     WHERE r.kind = 'VOICEMAIL' AND r.case_id IS NULL AND r.flagged IS NULL AND r.purged_at IS NULL
                       AND r.adopted_at < ? AND r.adopted_at > ?
                       AND %s
                     ORDER BY r.id""".formatted(CaseTables.caseHoldingMessage("r"), CaseTables.messageHeldOrUnclaimed("r")))) {
                ps.setObject(1, Sql.ts(adoptedBefore));
                ps.setObject(2, Sql.ts(adoptedAfter));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long holder = rs.getLong(4);
                        Long caseHoldingIt = rs.wasNull() ? null : holder;
                        out.add(new Lost(rs.getLong(1), rs.getString(2), Sql.instant(rs.getObject(3)), caseHoldingIt, rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }
}
