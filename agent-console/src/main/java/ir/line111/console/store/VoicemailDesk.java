package ir.line111.console.store;

import ir.line111.core.domain.cases.AwaitingMessages;
import ir.line111.core.persistence.SqlErrors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transcribers' queue: the messages core lists as awaiting transcription ({@link AwaitingMessages}),
 * oldest first, and the console's claims on them. A claim is a row whose primary key is the case
 * id, so of two transcribers racing for one message exactly one insert succeeds; the other moves on
 * to the next. Claims lapse after a while so a closed browser does not hide a message for ever.
 * The case table is core's: this class reads it only through the port.
 */
public final class VoicemailDesk {

    public record Progress(long waiting, long claimed, long doneToday, Instant oldestReceivedAt) {}

    public record Claim(long caseId, String claimedBy, Instant expiresAt) {}

    public static final Duration CLAIM_TIME = Duration.ofMinutes(30);

    private final Jdbc jdbc;
    private final AwaitingMessages messages;
    private final Clock clock;

    public VoicemailDesk(Jdbc jdbc, AwaitingMessages messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** The message this user already holds, else the oldest free one, claimed now; empty when none is left. */
    public Optional<Long> claimNext(String username) {
        Instant now = now();
        jdbc.update("delete from console_voicemail_claim where expires_at < ?", now);
        List<Long> held = jdbc.list("select case_id from console_voicemail_claim where claimed_by = ? order by claimed_at, case_id",
                rs -> rs.getLong(1), username);
        Set<Long> stillAwaiting = messages.stillAwaiting(held);
        Optional<Long> mine = held.stream().filter(stillAwaiting::contains).findFirst();
        if (mine.isPresent()) {
            extend(mine.get(), username);
            return mine;
        }
        for (int round = 0; round < 5; round++) {
            List<AwaitingMessages.Message> candidates = messages.oldest(10, claimed());
            if (candidates.isEmpty()) return Optional.empty();
            for (AwaitingMessages.Message m : candidates) {
                if (tryClaim(m.caseId(), username, now)) return Optional.of(m.caseId());
            }
        }
        return Optional.empty();
    }

    /** Every case with a claim row (a lapsed one too, until it is swept): not offered to another. */
    private Set<Long> claimed() {
        return new HashSet<>(jdbc.list("select case_id from console_voicemail_claim", rs -> rs.getLong(1)));
    }

    private boolean tryClaim(long caseId, String username, Instant now) {
        try {
            return jdbc.run(c -> Jdbc.update(c, "insert into console_voicemail_claim (case_id, claimed_by, claimed_at, expires_at) values (?, ?, ?, ?)",
                    caseId, username, now, now.plus(CLAIM_TIME))) == 1;
        } catch (Jdbc.StoreException e) {
            if (SqlErrors.isIntegrityViolation(e)) return false; // someone else was quicker
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

    /** The oldest messages awaiting transcription, claimed or not. */
    public List<AwaitingMessages.Message> waiting(int limit) {
        return messages.oldest(limit, Set.of());
    }

    public Progress progress(Instant startOfToday) {
        Instant now = now();
        long all = messages.count();
        List<Long> live = jdbc.list("select case_id from console_voicemail_claim where expires_at >= ?", rs -> rs.getLong(1), now);
        long claimed = messages.stillAwaiting(live).size();
        long done = jdbc.count("select count(*) from console_voicemail_done where done_at >= ?", startOfToday);
        return new Progress(all - claimed, claimed, done, messages.oldestReceivedAt().orElse(null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
