package ir.line111.core.domain.tracking;

import ir.line111.core.domain.identity.Digits;

import java.util.Objects;

/**
 * A tracking code (کد رهگیری): {@link #BODY_DIGITS} digits from the keyed permutation of a database
 * sequence, then a Damm check digit. Short enough to read twice, digits only so it can be keyed.
 * Whether a well-formed code exists is a question for the registry, not for this class.
 */
public record TrackingCode(String digits) {

    /** Digits before the check digit: 10^8 codes, far more than a province's lifetime of cases. */
    public static final int BODY_DIGITS = 8;
    public static final int LENGTH = BODY_DIGITS + 1;

    public TrackingCode {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || !Damm.isValid(digits)) {
            throw new IllegalArgumentException("not a well-formed tracking code");
        }
    }

    /** The outcome of reading a code a caller keyed or an operator typed. */
    public sealed interface Parsed {
        record Valid(TrackingCode code) implements Parsed {}
        /** Not digits, or the wrong number of them. */
        record Malformed(String input, Problem problem) implements Parsed {
            /** In English, for logs. */
            public String reason() { return problem.english(); }
        }
        /** The right length, but a digit was mistyped or two were swapped: the check digit says so. */
        record WrongCheckDigit(String input) implements Parsed {}
    }

    /** Why a typed code is not a tracking code: a stable code, English for logs, Persian for people. */
    public enum Problem {
        EMPTY("no digits were given", "رقمی وارد نشده است"),
        NOT_DIGITS("a tracking code has only digits", "کد رهگیری فقط رقم دارد"),
        WRONG_LENGTH("a tracking code has exactly " + LENGTH + " digits", "کد رهگیری درست " + Digits.toPersian(Integer.toString(LENGTH)) + " رقم دارد"),
        CHECK_DIGIT("wrong check digit", "رقم کنترل کد رهگیری نمی‌خواند؛ یک رقم اشتباه است یا جابه‌جا شده");

        private final String english;
        private final String persian;
        Problem(String english, String persian) { this.english = english; this.persian = persian; }
        public String english() { return english; }
        public String persian() { return persian; }
    }

    public static Parsed parse(CharSequence input) {
        if (input == null) return new Parsed.Malformed("", Problem.EMPTY);
        String ascii = Digits.toAscii(input.toString().strip()).replace(" ", "").replace("-", "");
        if (ascii.isEmpty()) return new Parsed.Malformed(ascii, Problem.EMPTY);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c < '0' || c > '9') return new Parsed.Malformed(ascii, Problem.NOT_DIGITS);
        }
        if (ascii.length() != LENGTH) {
            return new Parsed.Malformed(ascii, Problem.WRONG_LENGTH);
        }
        if (!Damm.isValid(ascii)) return new Parsed.WrongCheckDigit(ascii);
        return new Parsed.Valid(new TrackingCode(ascii));
    }

    /** Builds the code for a permuted body value in [0, 10^BODY_DIGITS). */
    public static TrackingCode fromBody(long body) {
        if (body < 0 || body >= pow10(BODY_DIGITS)) throw new IllegalArgumentException("body out of range: " + body);
        String b = String.format("%0" + BODY_DIGITS + "d", body);
        return new TrackingCode(b + Damm.checkDigit(b));
    }

    public static TrackingCode of(CharSequence input) {
        return switch (parse(input)) {
            case Parsed.Valid v -> v.code();
            case Parsed.Malformed m -> throw new IllegalArgumentException(m.reason());
            case Parsed.WrongCheckDigit w -> throw new IllegalArgumentException(Problem.CHECK_DIGIT.english());
        };
    }

    /** The code in Persian digits, grouped for reading: ۱۲۳-۴۵۶-۷۸۹. */
    public String persianGrouped() {
        return Digits.toPersian(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6));
    }

    @Override
    public String toString() {
        return digits;
    }

    static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }
}
