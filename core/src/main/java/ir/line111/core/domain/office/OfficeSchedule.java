package ir.line111.core.domain.office;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The weekly office hours: working days (the Iranian week starts on Saturday) and the open interval. */
public record OfficeSchedule(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close) {

    public OfficeSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (!close.isAfter(open)) throw new IllegalArgumentException("office hours must close after they open: " + open + "-" + close);
    }

    /** From the configuration's texts: {@code Asia/Tehran}, {@code SATURDAY,SUNDAY}, {@code 07:30}, {@code 14:30}. */
    public static OfficeSchedule parse(String zone, String days, String open, String close) {
        try {
            return new OfficeSchedule(ZoneId.of(zone.strip()), parseDays(days), LocalTime.parse(open.strip()), LocalTime.parse(close.strip()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static Set<DayOfWeek> parseDays(String days) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days.split(",")) {
            if (d.isBlank()) continue;
            try {
                set.add(DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a day of the week: " + d.strip() + " (SATURDAY, SUNDAY, ... FRIDAY)");
            }
        }
        return set;
    }

    /** The days Saturday first, comma-separated, as the configuration writes them. */
    public String daysText() {
        StringBuilder b = new StringBuilder();
        for (DayOfWeek d : IRANIAN_WEEK) {
            if (days.contains(d)) b.append(b.isEmpty() ? "" : ",").append(d);
        }
        return b.toString();
    }

    public static final DayOfWeek[] IRANIAN_WEEK = {DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};
}
