package ir.line111.console.store;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jalali (Solar Hijri) days as people type them, "1405/01/01", to and from Gregorian days, with ICU's calendar. */
public record JalaliDay(int year, int month, int day) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})");
    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");

    public JalaliDay {
        if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1300 || year > 1600) {
            throw new IllegalArgumentException("not a Jalali date: " + year + "/" + month + "/" + day);
        }
    }

    /** Parses "1405/01/01" or "1405-01-01" (Persian digits allowed); refuses days that do not exist (1405/12/31 in a common year). */
    public static JalaliDay parse(String s) {
        if (s == null) throw new IllegalArgumentException("no date");
        Matcher m = FORM.matcher(ir.line111.core.domain.identity.Digits.toAscii(s.strip()));
        if (!m.matches()) throw new IllegalArgumentException("a Jalali date is written 1405/01/01");
        JalaliDay j = new JalaliDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (!from(j.toGregorian()).equals(j)) throw new IllegalArgumentException("no such day in the Jalali calendar: " + j);
        return j;
    }

    public LocalDate toGregorian() {
        Calendar cal = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN);
        cal.clear();
        cal.set(year, month - 1, day);
        return Instant.ofEpochMilli(cal.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static JalaliDay from(LocalDate date) {
        Calendar cal = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN);
        cal.setTimeInMillis(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return new JalaliDay(cal.get(Calendar.YEAR), cal.get(Calendar.MONTH) + 1, cal.get(Calendar.DAY_OF_MONTH));
    }

    @Override
    public String toString() {
        return "%04d/%02d/%02d".formatted(year, month, day);
    }
}
