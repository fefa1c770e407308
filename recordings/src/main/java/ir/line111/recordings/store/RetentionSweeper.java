package ir.line111.recordings.store;

import ir.line111.core.domain.recordings.RecordingKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deletes audio older than its kind's retention ({@code recordings.retention.*-days}; 0 keeps it
 * for ever). The row stays, with {@code purged_at} set, so the case timeline still says a recording
 * existed. A recording that belongs to an open case is never purged, however old: the matter may
 * still need it as evidence.
 */
public final class RetentionSweeper {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    private static final int BATCH = 500;

    /** Says whether a case is still open. Unknown cases count as open: keeping too much is the safe error. */
    @FunctionalInterface
    public interface OpenCases {
        boolean isOpen(long caseId);
    }

    private final DataSource db;
    private final AudioStore store;
    private final Map<RecordingKind, Duration> retention;
    private final OpenCases openCases;
    private final Clock clock;

    public RetentionSweeper(DataSource db, AudioStore store, Map<RecordingKind, Duration> retention, OpenCases openCases, Clock clock) {
        this.db = db;
        this.store = store;
        this.retention = Map.copyOf(retention);
        this.openCases = openCases;
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
                List<AudioStore.Row> rows = Sql.inTransaction(db, c -> store.list(c,
                        "kind = ? AND purged_at IS NULL AND recorded_at < ? AND id > ? ORDER BY id LIMIT " + BATCH,
                        e.getKey().name(), Sql.ts(cutoff), from));
                if (rows.isEmpty()) break;
                for (AudioStore.Row row : rows) {
                    after = row.recording().id();
                    if (row.caseId() != null && openCases.isOpen(row.caseId())) {
                        kept++;
                        continue;
                    }
                    try {
                        Files.deleteIfExists(row.recording().file());
                    } catch (IOException ex) {
                        log.warn("recording {} could not be deleted: {}", row.recording().id(), ex.getMessage());
                        continue;
                    }
                    Sql.inTransaction(db, c -> {
                        try (PreparedStatement ps = c.prepareStatement("UPDATE recording SET purged_at = ? WHERE id = ?")) {
                            ps.setObject(1, Sql.ts(clock.instant()));
                            ps.setLong(2, row.recording().id());
                            return ps.executeUpdate();
                        }
                    });
                    purged++;
                }
            }
        }
        if (purged + kept > 0) log.info("retention: {} recording(s) purged, {} kept for open cases", purged, kept);
        return new Result(purged, kept);
    }
}
