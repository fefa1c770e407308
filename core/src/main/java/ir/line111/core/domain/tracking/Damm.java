package ir.line111.core.domain.tracking;

/**
 * The Damm check digit over decimal digits: it catches every single-digit error and every
 * adjacent transposition (Luhn misses 09↔90), which is what a caller keying a code makes.
 */
public final class Damm {
    private Damm() {}

    // A totally anti-symmetric quasigroup of order 10 (Damm 2004).
    private static final int[][] TABLE = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    /** The interim digit after all of {@code asciiDigits}; 0 means a string with a check digit is valid. */
    private static int interim(CharSequence asciiDigits) {
        int interim = 0;
        for (int i = 0; i < asciiDigits.length(); i++) {
            int d = asciiDigits.charAt(i) - '0';
            if (d < 0 || d > 9) throw new IllegalArgumentException("not an ASCII digit at " + i);
            interim = TABLE[interim][d];
        }
        return interim;
    }

    /** The check digit to append to {@code asciiDigits}. */
    public static int checkDigit(CharSequence asciiDigits) {
        return interim(asciiDigits);
    }

    /** Whether {@code asciiDigitsWithCheck} (the last digit being the check digit) is consistent. */
    public static boolean isValid(CharSequence asciiDigitsWithCheck) {
        return asciiDigitsWithCheck.length() > 0 && interim(asciiDigitsWithCheck) == 0;
    }
}
