package ir.line111.core.domain.board;

import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.domain.office.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The board sits every two weeks on its weekday; a holiday (or Friday) moves the sitting to the next working day. */
class BoardScheduleTest {

    static final BoardSchedule TUESDAYS = new BoardSchedule(DayOfWeek.TUESDAY, LocalTime.of(10, 0), JalaliDates.parse("1405/01/04"));

    @Test
    void slotsAreFortnightsFromTheAnchor() {
        assertThat(TUESDAYS.anchor()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(TUESDAYS.slotOnOrAfter(LocalDate.of(2026, 3, 24))).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(TUESDAYS.slotOnOrAfter(LocalDate.of(2026, 3, 25))).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(TUESDAYS.slotOnOrAfter(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(new BoardSchedule(DayOfWeek.SATURDAY, LocalTime.NOON, LocalDate.of(2026, 3, 24)).anchor())
                .as("an anchor off the weekday moves to it").isEqualTo(LocalDate.of(2026, 3, 28));
    }

    @Test
    void aSlotOnAJalaliHolidaySitsOnTheNextWorkingDay() {
        // 1405/01/12 (Islamic Republic Day) and 1405/01/13 (Nature Day) on a Tuesday-Wednesday pair: 2026-04-01 and 04-02.
        LocalDate slot = LocalDate.of(2026, 4, 7);
        HolidayCalendar holidays = calendar(Map.of(slot, "تعطیل رسمی", slot.plusDays(1), "تعطیل رسمی"));
        assertThat(TUESDAYS.sittingDay(slot, holidays)).isEqualTo(slot.plusDays(2));
        assertThat(TUESDAYS.sittingDay(slot, HolidayCalendar.NONE)).isEqualTo(slot);
        // a Thursday holiday skips the Friday too
        LocalDate thursday = LocalDate.of(2026, 4, 9);
        BoardSchedule thursdays = new BoardSchedule(DayOfWeek.THURSDAY, LocalTime.of(9, 0), thursday);
        assertThat(thursdays.sittingDay(thursday, calendar(Map.of(thursday, "x")))).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(TUESDAYS.sitsAt(slot, holidays, ZoneId.of("Asia/Tehran")))
                .isEqualTo(slot.plusDays(2).atTime(10, 0).atZone(ZoneId.of("Asia/Tehran")).toInstant());
    }

    private static HolidayCalendar calendar(Map<LocalDate, String> days) {
        return d -> Optional.ofNullable(days.get(d));
    }
}
