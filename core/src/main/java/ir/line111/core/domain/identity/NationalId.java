package ir.line111.core.domain.identity;

import java.util.Objects;

/**
 * An Iranian national ID (کد ملی): ten digits whose last is a mod-11 check digit.
 * The only place the checksum lives; everything else calls {@link #parse} or {@link #checksumHolds}.
 */
public record NationalId(String digits) {

    public NationalId {
        Objects.requireNonNull(digits, "digits");
        Rejection r = rejectionOf(digits);
        if (r != null) {
            throw new IllegalArgumentException(r.message() + ": " + maskRaw(digits));
        }
    }

    /** Why a string is not a national ID. Each reason has a message a person can act on. */
    public enum Rejection {
        EMPTY("no digits were given", "رقمی وارد نشده است"),
        NOT_DIGITS("contains characters that are not digits", "جز رقم، نویسهٔ دیگری دارد"),
        WRONG_LENGTH("a national ID has exactly 10 digits", "کد ملی درست ۱۰ رقم دارد"),
        REPEATED_DIGITS("ten repeated digits are never a national ID", "ده رقم تکراری هیچ‌گاه کد ملی نیست"),
        ZERO_MIDDLE("the six middle digits cannot all be zero", "شش رقم میانی همه صفر نمی‌شوند"),
        CHECKSUM("the check digit does not match", "رقم کنترل نمی‌خواند؛ یک رقم اشتباه است یا جابه‌جا شده");

        private final String message;
        private final String persian;
        Rejection(String message, String persian) { this.message = message; this.persian = persian; }
        /** In English, for logs. */
        public String message() { return message; }
        /** For people: the console's and the IVR's texts. */
        public String persian() { return persian; }
    }

    /** The outcome of parsing: a valid ID, or the reason it is not one. */
    public sealed interface Parsed {
        record Valid(NationalId id) implements Parsed {}
        record Invalid(Rejection reason, String input) implements Parsed {
            public String message() { return reason.message(); }
        }
    }

    /**
     * Parses Persian, Arabic-Indic or ASCII digits. Spaces and hyphens between digits are allowed
     * (people write 049-937089-9); anything else is rejected.
     */
    public static Parsed parse(CharSequence input) {
        if (input == null) return new Parsed.Invalid(Rejection.EMPTY, "");
        String raw = input.toString();
        StringBuilder ascii = new StringBuilder(10);
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            int d = Digits.valueOf(cp);
            if (d >= 0) ascii.append((char) ('0' + d));
            else if (cp == ' ' || cp == '-' || cp == '\u200c' || cp == '\u00a0') continue;
            else return new Parsed.Invalid(Rejection.NOT_DIGITS, raw);
        }
        String s = ascii.toString();
        Rejection r = rejectionOf(s);
        return r == null ? new Parsed.Valid(new NationalId(s)) : new Parsed.Invalid(r, raw);
    }

    /** The rules of DESIGN §5 on a string of ASCII digits; null when it is a valid ID. */
    private static Rejection rejectionOf(String s) {
        if (s.isEmpty()) return Rejection.EMPTY;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return Rejection.NOT_DIGITS;
        }
        if (s.length() != 10) return Rejection.WRONG_LENGTH;
        if (s.chars().allMatch(c -> c == s.charAt(0))) return Rejection.REPEATED_DIGITS;
        if (s.substring(3, 9).equals("000000")) return Rejection.ZERO_MIDDLE;
        if (!checksumHolds(s)) return Rejection.CHECKSUM;
        return null;
    }

    /** Convenience for callers that already know the input is valid (tests, stored values). */
    public static NationalId of(CharSequence input) {
        return switch (parse(input)) {
            case Parsed.Valid v -> v.id();
            case Parsed.Invalid inv -> throw new IllegalArgumentException(inv.message() + ": " + maskRaw(inv.input()));
        };
    }

    /**
     * The mod-11 rule of DESIGN §5 on ten ASCII digits: s = Σ d[i]·(10−i), r = s mod 11;
     * the check digit is r when r &lt; 2, else 11 − r.
     */
    public static boolean checksumHolds(String tenAsciiDigits) {
        if (tenAsciiDigits.length() != 10) return false;
        char last = tenAsciiDigits.charAt(9);
        if (last < '0' || last > '9') return false;
        int expected = checkDigitOf(tenAsciiDigits.substring(0, 9));
        return expected >= 0 && last - '0' == expected;
    }

    /** The check digit the mod-11 rule gives nine ASCII digits; -1 when they are not nine digits. */
    public static int checkDigitOf(String nineAsciiDigits) {
        if (nineAsciiDigits.length() != 9) return -1;
        int s = 0;
        for (int i = 0; i < 9; i++) {
            char c = nineAsciiDigits.charAt(i);
            if (c < '0' || c > '9') return -1;
            s += (c - '0') * (10 - i);
        }
        int r = s % 11;
        return r < 2 ? r : 11 - r;
    }

    /** For logs and lists: first three and last three digits, e.g. 049****899. */
    public String masked() {
        return maskRaw(digits);
    }

    /** The ID in Persian digits, for the UI. */
    public String persian() {
        return Digits.toPersian(digits);
    }

    /** Never the full ID: records end up in logs. */
    @Override
    public String toString() {
        return "NationalId[" + masked() + "]";
    }

    private static String maskRaw(String s) {
        String a = Digits.toAscii(s == null ? "" : s);
        if (a.length() < 7) return "*".repeat(a.length());
        return a.substring(0, 3) + "*".repeat(a.length() - 6) + a.substring(a.length() - 3);
    }
}
