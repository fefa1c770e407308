package ir.line111.console.http;

import ir.line111.core.domain.identity.Digits;
import io.vertx.core.json.JsonObject;
import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.domain.identity.NationalId;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading and checking request fields, each failure naming its field. */
public final class Inputs {
    private Inputs() {}

    /** Text as typed, stripped; control characters other than newline and tab refused; null when absent or blank. */
    public static String text(JsonObject body, String field, int max, boolean required) {
        Object v = body.getValue(field);
        if (v != null && !(v instanceof String)) throw ApiException.invalid(field, "باید متن باشد");
        return text((String) v, field, max, required);
    }

    public static String text(String v, String field, int max, boolean required) {
        String s = v == null ? null : v.strip();
        if (s == null || s.isEmpty()) {
            if (required) throw ApiException.invalid(field, "این بخش لازم است");
            return null;
        }
        if (s.length() > max) throw ApiException.invalid(field, "حداکثر " + Digits.isolated(max) + " نویسه");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') throw ApiException.invalid(field, "نویسهٔ نامجاز");
        }
        return s;
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, Object raw, String field, E dflt) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            if (dflt == null) throw ApiException.invalid(field, "این بخش لازم است");
            return dflt;
        }
        try {
            return Enum.valueOf(type, raw.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "مقدار نامعتبر");
        }
    }

    public static <E extends Enum<E>> E optionalEnum(Class<E> type, String raw, String field) {
        return raw == null ? null : enumOf(type, raw, field, null);
    }

    public static NationalId nationalId(String raw, String field) {
        return switch (NationalId.parse(raw)) {
            case NationalId.Parsed.Valid v -> v.id();
            case NationalId.Parsed.Invalid i -> throw ApiException.invalid(field, "کد ملی نامعتبر است: " + i.reason().persian(),
                    "national_id." + i.reason().name());
        };
    }

    public static Long longOf(JsonObject body, String field, boolean required) {
        Object v = body.getValue(field);
        if (v == null) {
            if (required) throw ApiException.invalid(field, "این بخش لازم است");
            return null;
        }
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "عدد نیست");
        }
    }

    /** A phone number as the switch reports it: digits, an optional leading +. */
    public static String phone(String raw, String field) {
        String s = text(raw, field, 32, false);
        if (s == null) return null;
        s = ir.line111.core.domain.identity.Digits.toAscii(s).replace(" ", "").replace("-", "");
        if (!s.matches("\\+?[0-9]{1,20}")) throw ApiException.invalid(field, "شمارهٔ تلفن نامعتبر است");
        return s;
    }

    /** A day: Gregorian 2026-03-21 or Jalali 1405/01/01 (slashes, or a year before 1700, mean Jalali). */
    public static LocalDate day(String raw, String field) {
        if (raw == null) return null;
        String s = ir.line111.core.domain.identity.Digits.toAscii(raw.strip());
        try {
            if (s.contains("/") || (s.length() >= 4 && s.substring(0, 4).chars().allMatch(Character::isDigit) && Integer.parseInt(s.substring(0, 4)) < 1700)) {
                return JalaliDates.parse(s);
            }
            return LocalDate.parse(s);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiException.invalid(field, "تاریخ نامعتبر است (۱۴۰۵/۰۱/۰۱ یا 2026-03-21)");
        }
    }

    /** A report's period: whole days {@code from}..{@code to}; by default the week ending today; at most a year. */
    public record Period(LocalDate from, LocalDate to) {}

    public static Period period(String fromParam, String toParam, LocalDate today) {
        LocalDate to = day(toParam, "to");
        LocalDate from = day(fromParam, "from");
        if (to == null) to = today;
        if (from == null) from = to.minusDays(6);
        if (from.isAfter(to)) throw ApiException.invalid("from", "آغاز بازه پس از پایان آن است");
        if (from.plusDays(366).isBefore(to)) throw ApiException.invalid("from", "بازه حداکثر یک سال است");
        return new Period(from, to);
    }
}
