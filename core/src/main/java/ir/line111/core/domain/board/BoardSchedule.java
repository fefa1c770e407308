package ir.line111.core.domain.board;

import ir.line111.core.domain.office.HolidayCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When the complaints board sits (seed 000: every two weeks): on {@code weekday} at {@code time}, in the
 * fortnight slots counted from {@code anchor}. A slot that falls on a public holiday or a Friday sits on
 * the next working day.
 */
public record BoardSchedule(DayOfWeek weekday, LocalTime time, LocalDate anchor) {
    public static final int PERIOD_DAYS = 14;

    /** Tuesdays at 10:00, fortnights counted from 2026-03-24 (1405/01/04). */
    public static final BoardSchedule DEFAULT = new BoardSchedule(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalDate.of(2026, 3, 24));

    public BoardSchedule {
        Objects.requireNonNull(weekday, "weekday");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(anchor, "anchor");
        if (weekday == DayOfWeek.FRIDAY) throw new IllegalArgumentException("the board does not sit on Fridays");
        anchor = anchor.with(TemporalAdjusters.nextOrSame(weekday));
    }

    /** The first fortnight slot on or after {@code day}. */
    public LocalDate slotOnOrAfter(LocalDate day) {
        long diff = ChronoUnit.DAYS.between(anchor, day);
        long k = Math.floorDiv(diff + PERIOD_DAYS - 1, PERIOD_DAYS);
        return anchor.plusDays(k * PERIOD_DAYS);
    }

    /** The day the session of {@code slot} sits: the slot, or the next day that is neither a holiday nor a Friday. */
    public LocalDate sittingDay(LocalDate slot, HolidayCalendar holidays) {
        LocalDate d = slot;
        for (int i = 0; i < 60 && (d.getDayOfWeek() == DayOfWeek.FRIDAY || holidays.isHoliday(d)); i++) d = d.plusDays(1);
        return d;
    }

    public Instant sitsAt(LocalDate slot, HolidayCalendar holidays, ZoneId zone) {
        return sittingDay(slot, holidays).atTime(time).atZone(zone).toInstant();
    }
}
