package ir.line111.core.persistence;

import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.domain.office.Holiday;
import ir.line111.core.domain.office.HolidayCalendar;
import ir.line111.core.persistence.entity.HolidayEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The holiday calendar in {@code holiday}, one row per date. Every call asks it, so the whole table
 * (a few dozen rows a year) is cached and re-read after {@link CoreSettings#TTL} or a change here.
 */
public final class PersistentHolidays implements HolidayCalendar {

    private final Database db;
    private final Clock clock;
    private final Duration ttl;
    private volatile NavigableMap<LocalDate, String> cache;
    private volatile Instant loadedAt = Instant.MIN;

    public PersistentHolidays(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = clock;
        this.ttl = CoreSettings.TTL;
    }

    public PersistentHolidays(Database db) {
        this(db, Clock.systemUTC());
    }

    @Override
    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(all().get(date));
    }

    /** Adds the holiday on {@code date}, or renames it when there is one. */
    public void put(LocalDate date, String name) {
        Objects.requireNonNull(date, "date");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a holiday needs a name");
        if (name.length() > 200) throw new IllegalArgumentException("a holiday's name has at most 200 characters");
        db.inTransaction(s -> {
            HolidayEntity h = s.find(HolidayEntity.class, date);
            if (h == null) s.persist(new HolidayEntity(date, name.strip()));
            else h.setName(name.strip());
        });
        cache = null;
    }

    /** @return whether there was a holiday on that date */
    public boolean remove(LocalDate date) {
        boolean removed = db.fromTransaction(s -> {
            HolidayEntity h = s.find(HolidayEntity.class, date);
            if (h == null) return false;
            s.remove(h);
            return true;
        });
        cache = null;
        return removed;
    }

    /** Holidays from {@code from} to {@code to}, both inclusive, by date. */
    public List<Holiday> between(LocalDate from, LocalDate to) {
        return all().subMap(from, true, to, true).entrySet().stream().map(e -> new Holiday(e.getKey(), e.getValue())).toList();
    }

    /** The holidays of a Jalali year (1 Farvardin to the end of Esfand). */
    public List<Holiday> ofJalaliYear(int year) {
        LocalDate first = new JalaliDates.JalaliDate(year, 1, 1).toGregorian();
        LocalDate next = new JalaliDates.JalaliDate(year + 1, 1, 1).toGregorian();
        return between(first, next.minusDays(1));
    }

    private NavigableMap<LocalDate, String> all() {
        NavigableMap<LocalDate, String> c = cache;
        Instant now = clock.instant();
        if (c != null && now.isBefore(loadedAt.plus(ttl))) return c;
        TreeMap<LocalDate, String> m = new TreeMap<>();
        db.fromTransaction(s -> s.createSelectionQuery("from HolidayEntity", HolidayEntity.class).getResultList())
                .forEach(h -> m.put(h.getDate(), h.getName()));
        cache = m;
        loadedAt = now;
        return m;
    }
}
