package ir.line111.core.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JalaliDatesTest {

    /** Nowruz by the official (astronomical) calendar, and other fixed points. */
    @ParameterizedTest
    @CsvSource({
            "1403/01/01, 2024-03-20",
            "1404/01/01, 2025-03-21",
            "1405/01/01, 2026-03-21",
            "1403/12/30, 2025-03-20",
            "1405/09/01, 2026-11-22",
            "1357/11/22, 1979-02-11",
    })
    void convertsBothWays(String jalali, LocalDate gregorian) {
        assertThat(JalaliDates.parse(jalali)).isEqualTo(gregorian);
        assertThat(JalaliDates.format(gregorian)).isEqualTo(jalali);
    }

    @Test
    void formatsInstantsInTehranTime() {
        // 21:00 UTC on 20 March 2026 is already 00:30 on 1 Farvardin 1405 in Tehran
        Instant i = Instant.parse("2026-03-20T21:00:00Z");
        assertThat(JalaliDates.format(i)).isEqualTo("1405/01/01");
        assertThat(JalaliDates.formatDateTime(i)).isEqualTo("1405/01/01 00:30");
        assertThat(JalaliDates.of(i).persianLong()).isEqualTo("۱ فروردین ۱۴۰۵");
        assertThat(JalaliDates.of(i).persian()).isEqualTo("۱۴۰۵/۰۱/۰۱");
    }

    @Test
    void readsPersianDigitsAndDashes() {
        assertThat(JalaliDates.parse("۱۴۰۵/۰۹/۰۱")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(JalaliDates.parse("1405-9-1")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(JalaliDates.looksJalali("1405/09/01")).isTrue();
        assertThat(JalaliDates.looksJalali("2026-11-22")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1405", "1405/13/01", "1405/00/10", "1405/07/31", "1404/12/30", "14o5/01/01", "1405/01/32"})
    void refusesWhatIsNoDay(String s) {
        assertThatThrownBy(() -> JalaliDates.parse(s)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void leapYearsFollowTheCalendar() {
        assertThat(JalaliDates.isLeapYear(1403)).isTrue();
        assertThat(JalaliDates.isLeapYear(1404)).isFalse();
        assertThat(JalaliDates.lengthOfMonth(1403, 12)).isEqualTo(30);
        assertThat(JalaliDates.lengthOfMonth(1404, 12)).isEqualTo(29);
        assertThat(JalaliDates.monthName(9)).isEqualTo("آذر");
    }
}
