package ir.line111.ivr.prompts;

import ir.line111.core.calendar.JalaliDates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Persian numbers, digits, minutes and Jalali dates as sequences of prompt keys: Asterisk has no
 * Persian say-number, so every number is spoken by concatenating recorded parts ("بیست" "و" "سه").
 */
public final class PersianSpeech {
    private PersianSpeech() {}

    public static final int MAX_NUMBER = 999_999;

    /** Each digit on its own (national IDs, tracking codes): "صفر" "چهار" "نه" … */
    public static List<String> digits(CharSequence asciiDigits) {
        List<String> keys = new ArrayList<>(asciiDigits.length());
        for (int i = 0; i < asciiDigits.length(); i++) {
            char c = asciiDigits.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("not a digit at " + i);
            keys.add(Prompts.digit(c - '0'));
        }
        return keys;
    }

    /** A cardinal number 0..999,999: 1405 is "هزار" "و" "چهارصد" "و" "پنج". */
    public static List<String> number(int n) {
        if (n < 0 || n > MAX_NUMBER) throw new IllegalArgumentException("cannot speak " + n);
        List<String> keys = new ArrayList<>();
        if (n == 0) {
            keys.add(Prompts.number(0));
            return keys;
        }
        int thousands = n / 1000, rest = n % 1000;
        if (thousands > 0) {
            if (thousands > 1) keys.addAll(below1000(thousands));
            keys.add(Prompts.THOUSAND);
        }
        if (rest > 0) {
            if (!keys.isEmpty()) keys.add(Prompts.AND);
            keys.addAll(below1000(rest));
        }
        return keys;
    }

    private static List<String> below1000(int n) {
        List<String> keys = new ArrayList<>(5);
        int hundreds = n / 100 * 100, rest = n % 100;
        if (hundreds > 0) keys.add(Prompts.number(hundreds));
        if (rest > 0) {
            if (!keys.isEmpty()) keys.add(Prompts.AND);
            if (rest < 20) {
                keys.add(Prompts.number(rest));
            } else {
                keys.add(Prompts.number(rest / 10 * 10));
                if (rest % 10 > 0) {
                    keys.add(Prompts.AND);
                    keys.add(Prompts.number(rest % 10));
                }
            }
        }
        return keys;
    }

    /** A wait in whole minutes, rounded up and at least one: "سه" "دقیقه". */
    public static List<String> minutes(Duration d) {
        long secs = Math.max(0, d.toSeconds());
        int mins = (int) Math.min(MAX_NUMBER, Math.max(1, (secs + 59) / 60));
        List<String> keys = number(mins);
        keys.add(Prompts.MINUTE);
        return keys;
    }

    /** A Jalali date (day, month name, year): "بیست و دو" "آبان" "هزار و چهارصد و پنج". */
    public static List<String> jalaliDate(int year, int month, int day) {
        if (day < 1 || day > 31) throw new IllegalArgumentException("not a day: " + day);
        List<String> keys = new ArrayList<>(number(day));
        keys.add(Prompts.month(month));
        keys.addAll(number(year));
        return keys;
    }

    /** The Jalali date of an instant in Tehran, spoken. */
    public static List<String> jalaliDate(Instant at) {
        int[] ymd = jalaliYmd(at);
        return jalaliDate(ymd[0], ymd[1], ymd[2]);
    }

    /** {year, month 1..12, day} of the Solar Hijri calendar, Tehran time (core's JalaliDates). */
    public static int[] jalaliYmd(Instant at) {
        JalaliDates.JalaliDate d = JalaliDates.of(at);
        return new int[] {d.year(), d.month(), d.day()};
    }
}
