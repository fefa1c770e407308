package ir.line111.console.wrapup;

import ir.line111.console.store.Jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The administered wrap-up codes and the code chosen for each answered call (tables of V306). */
public final class WrapUpStore {

    public record Code(String code, String label, boolean active) {}

    public record Chosen(String callId, String code, String label, String username, Instant at) {}

    /** How many calls got one code in a period. */
    public record Count(String code, String label, boolean active, long calls) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public WrapUpStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Code> codes(boolean activeOnly) {
        return jdbc.list("select code, label, active from console_wrapup_code" + (activeOnly ? " where active = true" : "")
                + " order by active desc, label", rs -> new Code(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    public Optional<Code> code(String code) {
        return jdbc.one("select code, label, active from console_wrapup_code where code = ?",
                rs -> new Code(rs.getString(1), rs.getString(2), rs.getBoolean(3)), code);
    }

    public Code add(String code, String label) {
        if (code(code).isPresent()) throw new IllegalStateException("این کد پیش‌تر تعریف شده است");
        if (jdbc.count("select count(*) from console_wrapup_code where label = ?", label) > 0) {
            throw new IllegalStateException("این عنوان برای کد دیگری است");
        }
        jdbc.update("insert into console_wrapup_code (code, label, active, created_at) values (?, ?, true, ?)", code, label, clock.instant());
        return code(code).orElseThrow();
    }

    /** Renames and/or retires (active false) or brings back a code; empty when there is no such code. */
    public Optional<Code> update(String code, String label, Boolean active) {
        Code now = code(code).orElse(null);
        if (now == null) return Optional.empty();
        String newLabel = label == null ? now.label() : label;
        if (jdbc.count("select count(*) from console_wrapup_code where label = ? and code <> ?", newLabel, code) > 0) {
            throw new IllegalStateException("این عنوان برای کد دیگری است");
        }
        jdbc.update("update console_wrapup_code set label = ?, active = ? where code = ?", newLabel, active == null ? now.active() : active, code);
        return code(code);
    }

    /** Stores (or corrects) the wrap-up of a call. */
    public Chosen choose(String callId, String code, String username) {
        Instant at = clock.instant();
        jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "update console_call_wrapup set code = ?, username = ?, at = ? where call_id = ?", code, username, at, callId);
            if (n == 0) Jdbc.update(c, "insert into console_call_wrapup (call_id, code, username, at) values (?, ?, ?, ?)", callId, code, username, at);
            return null;
        });
        return of(callId).orElseThrow();
    }

    public Optional<Chosen> of(String callId) {
        return jdbc.one("select w.call_id, w.code, c.label, w.username, w.at from console_call_wrapup w "
                + "join console_wrapup_code c on c.code = w.code where w.call_id = ?",
                rs -> new Chosen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, "at")), callId);
    }

    /** Every code (retired ones too, when used) with its number of calls in [from, to). */
    public List<Count> counts(Instant from, Instant to) {
        return jdbc.list("select c.code, c.label, c.active, count(w.call_id) from console_wrapup_code c "
                + "left join console_call_wrapup w on w.code = c.code and w.at >= ? and w.at < ? "
                + "group by c.code, c.label, c.active having c.active = true or count(w.call_id) > 0 "
                + "order by count(w.call_id) desc, c.label",
                rs -> new Count(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)), from, to);
    }
}
