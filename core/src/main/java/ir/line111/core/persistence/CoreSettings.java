package ir.line111.core.persistence;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.office.OfficeSchedule;
import ir.line111.core.persistence.entity.SettingEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settings administrators change at run time, kept in {@code core_setting} and falling back to the
 * configuration file: the duplicate window and the office schedule here; other modules may keep
 * theirs through {@link #get}/{@link #put} (prefix the name with the module, e.g. {@code console.}).
 * Read often (every call asks whether the office is open), so they are cached for a few seconds;
 * a change on this node is seen at once, on another node within {@link #TTL}.
 */
public final class CoreSettings {

    public static final Duration TTL = Duration.ofSeconds(10);
    static final String DUPLICATE_WINDOW = "cases.duplicate-window-days";
    static final String OFFICE_ZONE = "office.zone", OFFICE_DAYS = "office.days", OFFICE_OPEN = "office.open", OFFICE_CLOSE = "office.close";

    private final Database db;
    private final Line111Config config;
    private final Clock clock;
    private volatile Map<String, String> cache;
    private volatile Instant loadedAt = Instant.MIN;

    public CoreSettings(Database db, Line111Config config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    public CoreSettings(Database db, Line111Config config) {
        this(db, config, Clock.systemUTC());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(all().get(name));
    }

    public void put(String name, String value) {
        Instant now = clock.instant();
        db.inTransaction(s -> {
            SettingEntity e = s.find(SettingEntity.class, name);
            if (e != null) s.remove(e);
            s.flush();
            s.persist(new SettingEntity(name, value, now));
        });
        cache = null;
    }

    public int duplicateWindowDays() {
        return get(DUPLICATE_WINDOW).map(Integer::parseInt).orElseGet(() -> config.integer(DUPLICATE_WINDOW, 0, 3650));
    }

    public Duration duplicateWindow() {
        return Duration.ofDays(duplicateWindowDays());
    }

    public void setDuplicateWindowDays(int days) {
        if (days < 1 || days > 365) throw new IllegalArgumentException("the duplicate window is 1 to 365 days");
        put(DUPLICATE_WINDOW, Integer.toString(days));
    }

    /** The office schedule: what an administrator set, else the configuration's {@code office.*}. */
    public OfficeSchedule officeSchedule() {
        Map<String, String> m = all();
        return OfficeSchedule.parse(
                m.getOrDefault(OFFICE_ZONE, config.string(OFFICE_ZONE)),
                m.getOrDefault(OFFICE_DAYS, config.string(OFFICE_DAYS)),
                m.getOrDefault(OFFICE_OPEN, config.string(OFFICE_OPEN)),
                m.getOrDefault(OFFICE_CLOSE, config.string(OFFICE_CLOSE)));
    }

    public void setOfficeSchedule(OfficeSchedule s) {
        Instant now = clock.instant();
        Map<String, String> values = Map.of(OFFICE_ZONE, s.zone().getId(), OFFICE_DAYS, s.daysText(),
                OFFICE_OPEN, s.open().toString(), OFFICE_CLOSE, s.close().toString());
        db.inTransaction(session -> {
            values.keySet().forEach(k -> {
                SettingEntity e = session.find(SettingEntity.class, k);
                if (e != null) session.remove(e);
            });
            session.flush();
            values.forEach((k, v) -> session.persist(new SettingEntity(k, v, now)));
        });
        cache = null;
    }

    private Map<String, String> all() {
        Map<String, String> c = cache;
        Instant now = clock.instant();
        if (c != null && now.isBefore(loadedAt.plus(TTL))) return c;
        c = db.fromTransaction(s -> s.createSelectionQuery("from SettingEntity", SettingEntity.class).getResultList()
                .stream().collect(Collectors.toMap(SettingEntity::getName, SettingEntity::getValue)));
        cache = c;
        loadedAt = now;
        return c;
    }
}
