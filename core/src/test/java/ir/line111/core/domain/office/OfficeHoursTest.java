package ir.line111.core.domain.office;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficeHoursTest {

    static final OfficeSchedule WEEK = OfficeSchedule.parse("Asia/Tehran", "SATURDAY,SUNDAY,MONDAY,TUESDAY,WEDNESDAY", "07:30", "14:30");

    // Tehran is UTC+03:30 all year (no daylight saving since 2022).
    @Test
    void openOnWorkingDaysWithinHoursInTehran() {
        OfficeHours h = new OfficeHours(WEEK, HolidayCalendar.NONE);
        assertThat(h.isOpen(Instant.parse("2026-11-22T04:00:00Z"))).as("Sunday 07:30").isTrue();
        assertThat(h.isOpen(Instant.parse("2026-11-22T03:59:59Z"))).as("Sunday 07:29:59").isFalse();
        assertThat(h.isOpen(Instant.parse("2026-11-22T10:59:59Z"))).as("Sunday 14:29:59").isTrue();
        assertThat(h.isOpen(Instant.parse("2026-11-22T11:00:00Z"))).as("Sunday 14:30").isFalse();
        assertThat(h.isOpen(Instant.parse("2026-11-26T06:00:00Z"))).as("Thursday").isFalse();
        assertThat(h.isOpen(Instant.parse("2026-11-27T06:00:00Z"))).as("Friday").isFalse();
        assertThat(h.isOpen(Instant.parse("2026-11-21T06:00:00Z"))).as("Saturday").isTrue();
    }

    @Test
    void closedOnHolidays() {
        HolidayCalendar nowruz = d -> Optional.ofNullable(Map.of(LocalDate.of(2026, 3, 21), "Nowruz").get(d));
        OfficeHours h = new OfficeHours(WEEK, nowruz);
        assertThat(h.isOpen(Instant.parse("2026-03-21T06:00:00Z"))).as("Saturday, Nowruz").isFalse();
        assertThat(h.isOpen(Instant.parse("2026-03-22T06:00:00Z"))).as("Sunday after").isTrue();
        assertThat(h.nextOpening(Instant.parse("2026-03-20T12:00:00Z"))).contains(Instant.parse("2026-03-22T04:00:00Z"));
        assertThat(h.nextOpening(Instant.parse("2026-03-22T06:00:00Z"))).contains(Instant.parse("2026-03-22T06:00:00Z"));
    }

    @Test
    void badSchedulesAreRefused() {
        assertThatThrownBy(() -> OfficeSchedule.parse("Asia/Tehran", "SATURDAY,FUNDAY", "07:30", "14:30")).hasMessageContaining("FUNDAY");
        assertThatThrownBy(() -> OfficeSchedule.parse("Mars/Base", "SATURDAY", "07:30", "14:30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeSchedule.parse("Asia/Tehran", "SATURDAY", "14:30", "07:30")).hasMessageContaining("close after");
        assertThat(WEEK.daysText()).isEqualTo("SATURDAY,SUNDAY,MONDAY,TUESDAY,WEDNESDAY");
    }
}
