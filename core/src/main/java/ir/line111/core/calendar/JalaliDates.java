package ir.line111.core.calendar;

import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import ir.line111.core.domain.identity.Digits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Solar Hijri (Jalali) calendar, the one place that converts: dates are stored in UTC and shown
 * in Jalali, Tehran time (DESIGN §5). The arithmetic is ICU4J's {@link PersianCalendar}.
 * The IVR reads {@link JalaliDate#year()}, {@link JalaliDate#month()}, {@link JalaliDate#day()}
 * and {@link #monthName}; the console formats and parses {@code 1405/09/01}.
 */
public final class JalaliDates {
    private JalaliDates() {}

    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[/\\-]\\s*(\\d{1,2})\\s*[/\\-]\\s*(\\d{1,2})");
    private static final String[] MONTHS = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
            "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"};
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** A day of the Jalali calendar; month 1 is Farvardin. */
    public record JalaliDate(int year, int month, int day) {
        /** {@code 1405/09/01}, ASCII digits. */
        @Override
        public String toString() {
            return "%04d/%02d/%02d".formatted(year, month, day);
        }

        /** {@code ۱۴۰۵/۰۹/۰۱}. */
        public String persian() {
            return Digits.toPersian(toString());
        }

        /** {@code ۱ آذر ۱۴۰۵}: what people read and hear. */
        public String persianLong() {
            return Digits.toPersian(Integer.toString(day)) + " " + monthName(month) + " " + Digits.toPersian(Integer.toString(year));
        }

        public LocalDate toGregorian() {
            return JalaliDates.toGregorian(year, month, day);
        }
    }

    /** The Jalali day of a Gregorian date. */
    public static JalaliDate of(LocalDate date) {
        PersianCalendar c = new PersianCalendar(UTC);
        c.setTimeInMillis(date.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        return new JalaliDate(c.get(PersianCalendar.EXTENDED_YEAR), c.get(PersianCalendar.MONTH) + 1, c.get(PersianCalendar.DAY_OF_MONTH));
    }

    /** The Jalali day of an instant, in Tehran. */
    public static JalaliDate of(Instant at) {
        return of(LocalDate.ofInstant(at, TEHRAN));
    }

    /** {@code 1405/09/01} for an instant, in Tehran. */
    public static String format(Instant at) {
        return of(at).toString();
    }

    /** {@code 1405/09/01 14:30} for an instant, in Tehran. */
    public static String formatDateTime(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, TEHRAN);
        return of(t.toLocalDate()) + " %02d:%02d".formatted(t.getHour(), t.getMinute());
    }

    public static String format(LocalDate date) {
        return of(date).toString();
    }

    /** Persian month name, 1 = فروردین. */
    public static String monthName(int month) {
        if (month < 1 || month > 12) throw new IllegalArgumentException("month 1..12: " + month);
        return MONTHS[month - 1];
    }

    /**
     * Parses a Jalali date such as {@code 1405/09/01}, {@code 1405-9-1} or {@code ۱۴۰۵/۰۹/۰۱} to its
     * Gregorian day. A day the month does not have (1404/12/30 in a common year) is refused.
     *
     * @throws DateTimeParseException naming what is wrong
     */
    public static LocalDate parse(CharSequence text) {
        String s = text == null ? "" : Digits.toAscii(text.toString()).strip();
        Matcher m = DATE.matcher(s);
        if (!m.matches()) throw new DateTimeParseException("not a Jalali date (expected e.g. 1405/09/01): " + s, s, 0);
        int y = Integer.parseInt(m.group(1)), mo = Integer.parseInt(m.group(2)), d = Integer.parseInt(m.group(3));
        if (mo < 1 || mo > 12) throw new DateTimeParseException("month must be 1 to 12: " + s, s, 0);
        if (d < 1 || d > lengthOfMonth(y, mo)) throw new DateTimeParseException("day " + d + " is not in month " + mo + " of " + y + ": " + s, s, 0);
        return toGregorian(y, mo, d);
    }

    /** Whether {@code text} looks like a Jalali date (slashes or dashes with a 13xx/14xx year). */
    public static boolean looksJalali(CharSequence text) {
        if (text == null) return false;
        Matcher m = DATE.matcher(Digits.toAscii(text.toString()).strip());
        return m.matches() && Integer.parseInt(m.group(1)) < 1700;
    }

    public static int lengthOfMonth(int year, int month) {
        if (month <= 6) return 31;
        if (month <= 11) return 30;
        return isLeapYear(year) ? 30 : 29;
    }

    public static boolean isLeapYear(int year) {
        return toGregorian(year + 1, 1, 1).toEpochDay() - toGregorian(year, 1, 1).toEpochDay() == 366;
    }

    private static LocalDate toGregorian(int year, int month, int day) {
        PersianCalendar c = new PersianCalendar(UTC);
        c.clear();
        c.set(year, month - 1, 1, 12, 0, 0);
        long millis = c.getTimeInMillis();
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).plusDays(day - 1);
    }
}
