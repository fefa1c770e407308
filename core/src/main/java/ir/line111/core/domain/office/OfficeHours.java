package ir.line111.core.domain.office;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether operators answer now (DESIGN §4 step 6): a working day of the schedule, not a holiday,
 * within the open interval [open, close). The schedule is a supplier because administrators change
 * it while the system runs.
 */
public final class OfficeHours {

    private final Supplier<OfficeSchedule> schedule;
    private final HolidayCalendar holidays;

    public OfficeHours(Supplier<OfficeSchedule> schedule, HolidayCalendar holidays) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    public OfficeHours(OfficeSchedule fixed, HolidayCalendar holidays) {
        this(() -> fixed, holidays);
    }

    public OfficeSchedule schedule() {
        return schedule.get();
    }

    public boolean isOpen(Instant at) {
        OfficeSchedule s = schedule.get();
        ZonedDateTime t = at.atZone(s.zone());
        if (!s.days().contains(t.getDayOfWeek())) return false;
        if (holidays.isHoliday(t.toLocalDate())) return false;
        return !t.toLocalTime().isBefore(s.open()) && t.toLocalTime().isBefore(s.close());
    }

    /** When the office next opens at or after {@code from} (empty when no working day is left in a year). */
    public Optional<Instant> nextOpening(Instant from) {
        OfficeSchedule s = schedule.get();
        ZonedDateTime t = from.atZone(s.zone());
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < 370; i++, day = day.plusDays(1)) {
            if (!s.days().contains(day.getDayOfWeek()) || holidays.isHoliday(day)) continue;
            ZonedDateTime opening = day.atTime(s.open()).atZone(s.zone());
            ZonedDateTime closing = day.atTime(s.close()).atZone(s.zone());
            if (i == 0 && !t.isBefore(closing)) continue;
            return Optional.of(i == 0 && t.isAfter(opening) ? from : opening.toInstant());
        }
        return Optional.empty();
    }
}
