package ir.line111.recordings.transcription;

import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of overnight transcription jobs, one per voicemail (a unique constraint), in
 * the database so that workers in several processes or on several machines share it.
 *
 * <p>A claim takes the oldest due job and gives it a lease. On PostgreSQL the candidate row is
 * locked with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers pass each other instead of
 * queueing on one row. H2 (one embedded process) has no SKIP LOCKED; there a claim is a
 * compare-and-set {@code UPDATE … WHERE id = ? AND state/lease unchanged}, and a claimer that loses
 * the race tries the next candidate. On both, a job whose lease has run out — its worker died — is
 * due again. Only the lease holder can finish a job, so a worker that comes back from a long pause
 * cannot overwrite the work of the one that took over. Each claim counts an attempt; a job that
 * fails {@code maxAttempts} times stays FAILED with its last error for the console to show.
 */
public final class TranscriptionQueue {

    private static final Logger log = LoggerFactory.getLogger(TranscriptionQueue.class);

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A claimed job: the lease holder's handle. */
    public record Job(long id, long recordingId, int attempt, String worker, Instant leaseUntil, double audioSeconds) {}

    /** For the console: where a job stands. */
    public record JobStatus(long id, long recordingId, State state, int attempts, String lastError) {}

    private final DataSource db;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryDelay;

    public TranscriptionQueue(DataSource db, Clock clock, int maxAttempts, Duration retryDelay) {
        this.db = db;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    /** Queues a recording; a second call for the same recording changes nothing. */
    public void enqueue(long recordingId, double audioSeconds) {
        Sql.inTransaction(db, c -> enqueue(c, recordingId, audioSeconds, clock.instant()));
    }

    /**
     * The one insert into {@code transcription_job}: inside the caller's transaction, so that the
     * audio store queues a voicemail in the same commit as its recording row (never a row without a
     * job, never a job without a row). A second call for the same recording changes nothing.
     */
    public static int enqueue(Connection c, long recordingId, double audioSeconds, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO transcription_job (recording_id, state, attempts, not_before, audio_seconds, created_at)
                SELECT ?, 'QUEUED', 0, ?, ?, ? FROM (VALUES (1)) AS one(x)
                WHERE NOT EXISTS (SELECT 1 FROM transcription_job WHERE recording_id = ?)""")) {
            ps.setLong(1, recordingId);
            ps.setObject(2, Sql.ts(now));
            ps.setDouble(3, audioSeconds);
            ps.setObject(4, Sql.ts(now));
            ps.setLong(5, recordingId);
            return ps.executeUpdate();
        }
    }

    /** Takes the oldest due job for {@code worker}, or nothing when none is due. */
    public Optional<Job> claim(String worker, Duration lease) {
        while (true) {
            Instant now = clock.instant();
            Claim claim = Sql.inTransaction(db, c -> {
                if (Sql.isPostgres(c)) return claimPostgres(c, worker, now, lease);
                // Embedded H2 lives in this one process: the lock makes claims here strictly serial,
                // the compare-and-set keeps them safe even without it.
                synchronized (H2_CLAIMS) {
                    return claimCompareAndSet(c, worker, now, lease);
                }
            });
            switch (claim) {
                case Claim.None n -> { return Optional.empty(); }
                case Claim.Lost l -> { }   // another claimer won that row: try the next one
                case Claim.Won w -> {
                    if (w.job().attempt() > maxAttempts) {
                        // Its worker died on it every time: a file that kills the decoder.
                        fail(w.job(), "worker died " + maxAttempts + " times on this recording", true);
                        continue;
                    }
                    return Optional.of(w.job());
                }
            }
        }
    }

    private sealed interface Claim {
        record None() implements Claim {}
        record Lost() implements Claim {}
        record Won(Job job) implements Claim {}
    }

    private static final Object H2_CLAIMS = new Object();

    private static final String DUE = "(state = 'QUEUED' AND not_before <= ?) OR (state = 'RUNNING' AND lease_until < ?)";

    private Claim claimPostgres(Connection c, String worker, Instant now, Duration lease) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE transcription_job SET state = 'RUNNING', worker = ?, lease_until = ?, attempts = attempts + 1, started_at = ?
                WHERE id = (SELECT id FROM transcription_job WHERE %s ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, recording_id, attempts, audio_seconds""".formatted(DUE))) {
            Instant until = now.plus(lease);
            ps.setString(1, worker);
            ps.setObject(2, Sql.ts(until));
            ps.setObject(3, Sql.ts(now));
            ps.setObject(4, Sql.ts(now));
            ps.setObject(5, Sql.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Claim.None();
                return new Claim.Won(new Job(rs.getLong(1), rs.getLong(2), rs.getInt(3), worker, until, rs.getDouble(4)));
            }
        }
    }

    private Claim claimCompareAndSet(Connection c, String worker, Instant now, Duration lease) throws SQLException {
        long id, recordingId;
        int attempts;
        double audio;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, recording_id, attempts, audio_seconds FROM transcription_job WHERE " + DUE + " ORDER BY id LIMIT 1")) {
            ps.setObject(1, Sql.ts(now));
            ps.setObject(2, Sql.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Claim.None();
                id = rs.getLong(1);
                recordingId = rs.getLong(2);
                attempts = rs.getInt(3);
                audio = rs.getDouble(4);
            }
        }
        Instant until = now.plus(lease);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE transcription_job SET state = 'RUNNING', worker = ?, lease_until = ?, attempts = attempts + 1, started_at = ?
                WHERE id = ? AND attempts = ? AND (%s)""".formatted(DUE))) {
            ps.setString(1, worker);
            ps.setObject(2, Sql.ts(until));
            ps.setObject(3, Sql.ts(now));
            ps.setLong(4, id);
            ps.setInt(5, attempts);
            ps.setObject(6, Sql.ts(now));
            ps.setObject(7, Sql.ts(now));
            if (ps.executeUpdate() != 1) return new Claim.Lost();
        }
        return new Claim.Won(new Job(id, recordingId, attempts + 1, worker, until, audio));
    }

    /** Extends the lease of a job still being worked on; false when the lease was lost to another worker. */
    public boolean renew(Job job, Duration lease) {
        return Sql.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE transcription_job SET lease_until = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'RUNNING'")) {
                ps.setObject(1, Sql.ts(clock.instant().plus(lease)));
                ps.setLong(2, job.id());
                ps.setString(3, job.worker());
                ps.setInt(4, job.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Stores the draft transcript and marks the job done; false (and nothing stored) when the lease was lost. */
    public boolean complete(Job job, Hypothesis transcript, String model) {
        return Sql.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE transcription_job SET state = 'DONE', finished_at = ?, lease_until = NULL, last_error = NULL
                    WHERE id = ? AND worker = ? AND attempts = ? AND state = 'RUNNING'""")) {
                ps.setObject(1, Sql.ts(clock.instant()));
                ps.setLong(2, job.id());
                ps.setString(3, job.worker());
                ps.setInt(4, job.attempt());
                if (ps.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            Transcripts.replace(c, job.recordingId(), transcript, model, clock.instant());
            return true;
        });
    }

    /**
     * Records a failed attempt: the job waits {@code retryDelay} and is tried again, or, after
     * {@code maxAttempts} (or at once when {@code permanent}), stays FAILED with the error.
     */
    public void fail(Job job, String error, boolean permanent) {
        String message = error.length() > 1000 ? error.substring(0, 1000) : error;
        boolean giveUp = permanent || job.attempt() >= maxAttempts;
        Sql.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE transcription_job SET state = ?, last_error = ?, lease_until = NULL, not_before = ?, finished_at = ?
                    WHERE id = ? AND worker = ? AND attempts = ? AND state = 'RUNNING'""")) {
                Instant now = clock.instant();
                ps.setString(1, giveUp ? "FAILED" : "QUEUED");
                ps.setString(2, message);
                ps.setObject(3, Sql.ts(giveUp ? now : now.plus(retryDelay)));
                ps.setObject(4, giveUp ? Sql.ts(now) : null);
                ps.setLong(5, job.id());
                ps.setString(6, job.worker());
                ps.setInt(7, job.attempt());
                return ps.executeUpdate();
            }
        });
        if (giveUp) log.error("transcription of recording {} failed for good after {} attempt(s): {}", job.recordingId(), job.attempt(), message);
        else log.warn("transcription of recording {} failed (attempt {} of {}), will retry: {}", job.recordingId(), job.attempt(), maxAttempts, message);
    }

    public Optional<JobStatus> statusOf(long recordingId) {
        return Sql.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, recording_id, state, attempts, last_error FROM transcription_job WHERE recording_id = ?")) {
                ps.setLong(1, recordingId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new JobStatus(rs.getLong(1), rs.getLong(2), State.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5)));
                }
            }
        });
    }

    /** Jobs that failed for good, newest first, for the console. */
    public List<JobStatus> failures(int limit) {
        return Sql.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, recording_id, state, attempts, last_error FROM transcription_job WHERE state = 'FAILED' ORDER BY id DESC LIMIT " + Math.max(1, limit))) {
                List<JobStatus> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new JobStatus(rs.getLong(1), rs.getLong(2), State.FAILED, rs.getInt(4), rs.getString(5)));
                }
                return out;
            }
        });
    }

    /** The stored draft for the console: text and timed words, or empty when not transcribed yet. */
    public Optional<Hypothesis> transcriptOf(long recordingId) {
        return Sql.inTransaction(db, c -> Transcripts.of(c, recordingId));
    }

    /** Counts by state and the mean time a finished job took, for {@link TranscriptionProgress}. */
    public record Counts(long queued, long running, long done, long failed, double queuedAudioSeconds) {}

    public Counts counts() {
        return Sql.inTransaction(db, c -> {
            long q = 0, r = 0, d = 0, f = 0;
            double audio = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, COUNT(*), COALESCE(SUM(audio_seconds), 0) FROM transcription_job GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (State.valueOf(rs.getString(1))) {
                        case QUEUED -> { q = rs.getLong(2); audio += rs.getDouble(3); }
                        case RUNNING -> { r = rs.getLong(2); audio += rs.getDouble(3); }
                        case DONE -> d = rs.getLong(2);
                        case FAILED -> f = rs.getLong(2);
                    }
                }
            }
            return new Counts(q, r, d, f, audio);
        });
    }
}
