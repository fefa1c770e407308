package ir.line111.recordings.store;

import ir.line111.core.domain.recordings.RecordingKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes audio older than its kind's retention ({@code recordings.retention.*-days}; 0 keeps it
 * for ever). The row stays, with {@code purged_at} set, so the case timeline still says a recording
 * existed. A recording that belongs to a case that is not CLOSED is never purged, however old: the
 * matter may still need it. "Belongs" is read from core's tables as well as ours — the case's
 * spoken-ID and message recordings, any timeline event naming it, and our own {@code case_id} — and
 * the check is part of the same UPDATE that marks the row, so a case opened a moment earlier wins.
 */
public final class RetentionSweeper {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    private static final int BATCH = 500;

    /** A case that is still open holds recording r (core's condition on its own tables). */
    static final String HELD_BY_OPEN_CASE = ir.line111.core.persistence.CaseTables.heldByOpenCase("r");

    private final DataSource db;
    private final AudioStore store;
    private final Map<RecordingKind, Duration> retention;
    private final Clock clock;

    public RetentionSweeper(DataSource db, AudioStore store, Map<RecordingKind, Duration> retention, Clock clock) {
        this.db = db;
        this.store = store;
        this.retention = Map.copyOf(retention);
        this.clock = clock;
    }

    public record Result(int purged, int keptForOpenCases) {}

    public Result sweep() {
        int purged = 0, kept = 0;
        for (var e : retention.entrySet()) {
            if (e.getValue().isZero()) continue;
            Instant cutoff = clock.instant().minus(e.getValue());
            long after = 0;
            while (true) {
                long from = after;
                record Candidate(long id, boolean held) {}
                List<Candidate> batch = Sql.inTransaction(db, c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT r.id, CASE WHEN " + HELD_BY_OPEN_CASE
                            + " THEN 1 ELSE 0 END FROM recording r"
                            + " WHERE r.kind = ? AND r.purged_at IS NULL AND r.recorded_at < ? AND r.id > ?"
                            + " ORDER BY r.id LIMIT " + BATCH)) {
                        ps.setString(1, e.getKey().name());
                        ps.setObject(2, Sql.ts(cutoff));
                        ps.setLong(3, from);
                        List<Candidate> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) out.add(new Candidate(rs.getLong(1), rs.getInt(2) == 1));
                        }
                        return out;
                    }
                });
                if (batch.isEmpty()) break;
                for (Candidate cand : batch) {
                    after = cand.id();
                    if (cand.held() || !purge(cand.id())) {
                        kept++;
                    } else {
                        purged++;
                    }
                }
            }
        }
        if (purged + kept > 0) log.info("retention: {} recording(s) purged, {} kept for open cases", purged, kept);
        return new Result(purged, kept);
    }

    /** Marks the row purged unless a case still holds it, then deletes the file. */
    private boolean purge(long id) {
        int marked = Sql.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE recording r SET purged_at = ? WHERE r.id = ? AND r.purged_at IS NULL AND NOT " + HELD_BY_OPEN_CASE)) {
                ps.setObject(1, Sql.ts(clock.instant()));
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
        if (marked == 0) return false;
        store.byId(id).ifPresent(row -> {
            try {
                Files.deleteIfExists(row.recording().file());
            } catch (IOException ex) {
                log.warn("recording {} is marked purged but its file could not be deleted: {}", id, ex.getMessage());
            }
        });
        return true;
    }
}
