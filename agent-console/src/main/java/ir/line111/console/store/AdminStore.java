package ir.line111.console.store;

import ir.line111.core.config.Line111Config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Administered data in core's tables: agencies, holidays (per date), and settings kept in
 * {@code core_setting} under the same names as the configuration keys they override
 * ({@code cases.duplicate-window-days}, {@code ivr.busy.*}, {@code office.*}).
 */
public final class AdminStore {

    public record Agency(long id, String name, boolean active) {}
    public record Holiday(LocalDate date, String name) {}

    /** The settings the admin page edits: API field → setting name. */
    public static final Map<String, String> SETTINGS = Map.of(
            "duplicateWindowDays", "cases.duplicate-window-days",
            "busyMaxWaitSeconds", "ivr.busy.max-wait-seconds",
            "busyMaxCallersPerOperator", "ivr.busy.max-callers-per-operator",
            "serviceLevelSeconds", "console.service-level-seconds",
            "wrapUpSeconds", "console.wrap-up-seconds");
    /** queues.conf's wrapuptime; the console uses it only until AMI reports the member's own. */
    public static final int BUILT_IN_WRAP_UP_SECONDS = 15;
    private static final Map<String, String> BUILT_IN = Map.of(
            "console.service-level-seconds", "20",
            "console.wrap-up-seconds", String.valueOf(BUILT_IN_WRAP_UP_SECONDS));
    public static final List<String> OFFICE_KEYS = List.of("office.zone", "office.days", "office.open", "office.close");

    private final Jdbc jdbc;
    private final Clock clock;
    private final Line111Config config;

    public AdminStore(Jdbc jdbc, Clock clock, Line111Config config) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.config = config;
    }

    public List<Agency> agencies(boolean activeOnly) {
        return jdbc.list("select id, name, active from agency" + (activeOnly ? " where active = true" : "") + " order by name",
                rs -> new Agency(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
    }

    public Optional<Agency> agency(long id) {
        return jdbc.one("select id, name, active from agency where id = ?", rs -> new Agency(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), id);
    }

    public Agency addAgency(String name) {
        if (jdbc.count("select count(*) from agency where name = ?", name) > 0) throw new IllegalStateException("این دستگاه پیش‌تر ثبت شده است");
        long id = jdbc.inTransaction(c -> {
            long next = jdbc.nextval(c, "agency_seq");
            Jdbc.update(c, "insert into agency (id, name, active, created_at) values (?, ?, true, ?)", next, name, clock.instant());
            return next;
        });
        return agency(id).orElseThrow();
    }

    public Optional<Agency> updateAgency(long id, String name, boolean active) {
        if (jdbc.count("select count(*) from agency where name = ? and id <> ?", name, id) > 0) throw new IllegalStateException("این نام برای دستگاه دیگری است");
        jdbc.update("update agency set name = ?, active = ? where id = ?", name, active, id);
        return agency(id);
    }

    public List<Holiday> holidays(LocalDate from, LocalDate toExclusive) {
        return jdbc.list("select holiday_date, name from holiday where holiday_date >= ? and holiday_date < ? order by holiday_date",
                rs -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)), from, toExclusive);
    }

    public void putHoliday(LocalDate date, String name) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "update holiday set name = ? where holiday_date = ?", name, date) == 0) {
                Jdbc.update(c, "insert into holiday (holiday_date, name) values (?, ?)", date, name);
            }
            return null;
        });
    }

    public boolean removeHoliday(LocalDate date) {
        return jdbc.update("delete from holiday where holiday_date = ?", date) == 1;
    }

    /** A setting's current value: the stored override, else the configuration, else the built-in default. */
    public String setting(String name) {
        return jdbc.one("select setting_value from core_setting where name = ?", rs -> rs.getString(1), name)
                .orElseGet(() -> config.asMap().containsKey(name) ? config.string(name) : BUILT_IN.get(name));
    }

    /** The configured wrap-up time, or {@code previous} when it cannot be read now (database down, not a number). */
    public int wrapUpSeconds(int previous) {
        try {
            return Integer.parseInt(setting("console.wrap-up-seconds").strip());
        } catch (RuntimeException e) {
            return previous;
        }
    }

    public Map<String, String> settings(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) out.put(n, setting(n));
        return out;
    }

    public void putSettings(Map<String, String> values) {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> {
            for (var e : values.entrySet()) {
                if (Jdbc.update(c, "update core_setting set setting_value = ?, updated_at = ? where name = ?", e.getValue(), now, e.getKey()) == 0) {
                    Jdbc.update(c, "insert into core_setting (name, setting_value, updated_at) values (?, ?, ?)", e.getKey(), e.getValue(), now);
                }
            }
            return null;
        });
    }
}
