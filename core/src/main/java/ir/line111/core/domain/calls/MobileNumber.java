package ir.line111.core.domain.calls;

import ir.line111.core.domain.identity.Digits;

import java.util.Objects;
import java.util.Optional;

/**
 * An Iranian mobile number (شماره همراه), the one place that knows which caller numbers can take an
 * SMS. Accepted forms: {@code 09xxxxxxxxx}, {@code +989xxxxxxxxx}, {@code 00989xxxxxxxxx},
 * {@code 989xxxxxxxxx} and {@code 9xxxxxxxxx} (the national number without its trunk 0, as some
 * trunks present it; no Iranian landline starts with 9), in any digit form, with spaces, dashes,
 * dots or parentheses between digits. Everything else (landlines, short codes, withheld, foreign
 * numbers) is not a mobile number.
 *
 * @param international the number as SMS centres take it: {@code 98} then the ten national digits
 */
public record MobileNumber(String international) {

    public MobileNumber {
        Objects.requireNonNull(international, "international");
        if (!international.matches("989\\d{9}")) throw new IllegalArgumentException("not an Iranian mobile number");
    }

    /** The mobile number a caller number stands for, or empty when it is none (null and blank included). */
    public static Optional<MobileNumber> parse(String callerNumber) {
        if (callerNumber == null) return Optional.empty();
        String s = Digits.toAscii(callerNumber.strip()).replaceAll("[\\s\\-.()\\u200c\\u200e\\u200f]", "");
        if (s.startsWith("+")) s = "00" + s.substring(1);
        if (!s.matches("\\d+")) return Optional.empty();
        String national;
        if (s.matches("00989\\d{9}")) national = s.substring(4);
        else if (s.matches("989\\d{9}")) national = s.substring(2);
        else if (s.matches("09\\d{9}")) national = s.substring(1);
        else if (s.matches("9\\d{9}")) national = s;
        else return Optional.empty();
        return Optional.of(new MobileNumber("98" + national));
    }

    /** The national form people read: {@code 09121234567}. */
    public String national() {
        return "0" + international.substring(2);
    }

    /** For lists and logs: the operator prefix and the last two digits only, {@code 0912*****67}. */
    public String masked() {
        String n = national();
        return n.substring(0, 4) + "*****" + n.substring(n.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
