package ir.line111.core.domain.office;

import java.time.LocalDate;
import java.util.Optional;

/** Public holidays, entered per date (lunar holidays move every year). Dates are days in Tehran. */
public interface HolidayCalendar {
    /** The holiday's name when {@code date} is one. */
    Optional<String> holidayOn(LocalDate date);

    default boolean isHoliday(LocalDate date) {
        return holidayOn(date).isPresent();
    }

    HolidayCalendar NONE = date -> Optional.empty();
}
