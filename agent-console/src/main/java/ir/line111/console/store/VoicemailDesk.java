package ir.line111.console.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The transcribers' queue: cases in AWAITING_TRANSCRIPTION, oldest first. A claim is a row whose
 * primary key is the case id, so of two transcribers racing for one message exactly one insert
 * succeeds; the other moves on to the next. Claims lapse after a while so a closed browser does not
 * hide a message for ever.
 */
public final class VoicemailDesk {

    public record Progress(long waiting, long claimed, long doneToday, Instant oldestReceivedAt) {}

    public record Claim(long caseId, String claimedBy, Instant expiresAt) {}

    public static final Duration CLAIM_TIME = Duration.ofMinutes(30);
    private static final String AWAITING = "AWAITING_TRANSCRIPTION";

    private final Jdbc jdbc;
    private final Clock clock;

    public VoicemailDesk(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The message this user already holds, else the oldest free one, claimed now; empty when none is left. */
    public Optional<Long> claimNext(String username) {
        Instant now = now();
        jdbc.update("delete from console_voicemail_claim where expires_at < ?", now);
        Optional<Long> mine = jdbc.one("select k.case_id from console_voicemail_claim k join case_record c on c.id = k.case_id "
                + "where k.claimed_by = ? and c.status = ? order by k.claimed_at limit 1", rs -> rs.getLong(1), username, AWAITING);
        if (mine.isPresent()) {
            extend(mine.get(), username);
            return mine;
        }
        for (int round = 0; round < 5; round++) {
            List<Long> candidates = jdbc.list("select c.id from case_record c where c.status = ? and not exists "
                    + "(select 1 from console_voicemail_claim k where k.case_id = c.id) order by c.registered_at, c.id limit 10",
                    rs -> rs.getLong(1), AWAITING);
            if (candidates.isEmpty()) return Optional.empty();
            for (long id : candidates) {
                if (tryClaim(id, username, now)) return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private boolean tryClaim(long caseId, String username, Instant now) {
        try {
            return jdbc.run(c -> Jdbc.update(c, "insert into console_voicemail_claim (case_id, claimed_by, claimed_at, expires_at) values (?, ?, ?, ?)",
                    caseId, username, now, now.plus(CLAIM_TIME))) == 1;
        } catch (Jdbc.StoreException e) {
            if (e.getCause() instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return false; // someone else was quicker: integrity-constraint violation
            }
            throw e;
        }
    }

    public Optional<Claim> claimOf(long caseId) {
        return jdbc.one("select case_id, claimed_by, expires_at from console_voicemail_claim where case_id = ? and expires_at >= ?",
                rs -> new Claim(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, "expires_at")), caseId, now());
    }

    public boolean holds(long caseId, String username) {
        return claimOf(caseId).map(c -> c.claimedBy().equals(username)).orElse(false);
    }

    public void extend(long caseId, String username) {
        jdbc.update("update console_voicemail_claim set expires_at = ? where case_id = ? and claimed_by = ?",
                now().plus(CLAIM_TIME), caseId, username);
    }

    public boolean release(long caseId, String username) {
        return jdbc.update("delete from console_voicemail_claim where case_id = ? and claimed_by = ?", caseId, username) == 1;
    }

    public void done(long caseId, String username, String outcome, String reason) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "delete from console_voicemail_claim where case_id = ?", caseId);
            Jdbc.update(c, "delete from console_voicemail_done where case_id = ?", caseId);
            Jdbc.update(c, "insert into console_voicemail_done (case_id, done_by, done_at, outcome, reason) values (?, ?, ?, ?, ?)",
                    caseId, username, now(), outcome, reason);
            return null;
        });
    }

    public List<CaseRow> waiting(int limit) {
        return jdbc.list("select " + CaseQueries.COLUMNS.formatted("null", "null")
                + " from case_record c left join agency a on a.id = c.agency_id where c.status = ? order by c.registered_at, c.id limit ?",
                CaseQueries::row, AWAITING, limit);
    }

    public Progress progress(Instant startOfToday) {
        Instant now = now();
        long all = jdbc.count("select count(*) from case_record where status = ?", AWAITING);
        long claimed = jdbc.count("select count(*) from console_voicemail_claim k join case_record c on c.id = k.case_id "
                + "where c.status = ? and k.expires_at >= ?", AWAITING, now);
        long done = jdbc.count("select count(*) from console_voicemail_done where done_at >= ?", startOfToday);
        Instant oldest = jdbc.one("select min(registered_at) from case_record where status = ?",
                rs -> { var t = rs.getObject(1, java.time.OffsetDateTime.class); return t == null ? null : t.toInstant(); }, AWAITING).orElse(null);
        return new Progress(all - claimed, claimed, done, oldest);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
