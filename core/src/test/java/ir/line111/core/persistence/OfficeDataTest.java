package ir.line111.core.persistence;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.office.Holiday;
import ir.line111.core.domain.office.OfficeHours;
import ir.line111.core.domain.office.OfficeSchedule;
import ir.line111.core.testing.OnBothDatabases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfficeDataTest {

    @OnBothDatabases
    void holidaysAndAnAdministeredScheduleDecideWhetherTheOfficeIsOpen(Database db) {
        PersistentHolidays holidays = new PersistentHolidays(db);
        CoreSettings settings = new CoreSettings(db, Line111Config.of(Map.of()));
        OfficeHours hours = new OfficeHours(settings::officeSchedule, holidays);
        Instant sundayMorning = Instant.parse("2027-01-03T06:00:00Z");
        assertThat(hours.isOpen(sundayMorning)).isTrue();

        holidays.put(LocalDate.of(2027, 1, 3), "a lunar holiday");
        assertThat(hours.isOpen(sundayMorning)).isFalse();
        holidays.put(LocalDate.of(2027, 1, 3), "renamed");
        holidays.put(LocalDate.of(2026, 3, 21), "Nowruz");
        assertThat(holidays.ofJalaliYear(1405)).extracting(Holiday::name).containsExactly("Nowruz", "renamed");
        assertThat(holidays.remove(LocalDate.of(2027, 1, 3))).isTrue();
        assertThat(holidays.remove(LocalDate.of(2027, 1, 3))).isFalse();
        assertThat(hours.isOpen(sundayMorning)).isTrue();

        settings.setOfficeSchedule(OfficeSchedule.parse("Asia/Tehran", "SATURDAY", "08:00", "12:00"));
        assertThat(hours.isOpen(sundayMorning)).isFalse();
        assertThat(new CoreSettings(db, Line111Config.of(Map.of())).officeSchedule().daysText()).isEqualTo("SATURDAY");

        assertThat(settings.duplicateWindowDays()).isEqualTo(30);
        settings.setDuplicateWindowDays(45);
        assertThat(new CoreSettings(db, Line111Config.of(Map.of())).duplicateWindowDays()).isEqualTo(45);
    }
}
