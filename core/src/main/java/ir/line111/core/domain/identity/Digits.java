package ir.line111.core.domain.identity;

/** Folds Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits to ASCII, the one place that knows how. */
public final class Digits {
    private Digits() {}

    /** Returns the ASCII digit for any of the three digit forms, or -1 for anything else. */
    public static int valueOf(int codePoint) {
        if (codePoint >= '0' && codePoint <= '9') return codePoint - '0';
        if (codePoint >= 0x06F0 && codePoint <= 0x06F9) return codePoint - 0x06F0;
        if (codePoint >= 0x0660 && codePoint <= 0x0669) return codePoint - 0x0660;
        return -1;
    }

    /** Every digit form folded to ASCII; other characters are left as they are. */
    public static String toAscii(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int d = valueOf(cp);
            if (d >= 0) out.append((char) ('0' + d)); else out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /**
     * A code, number or phone number to put inside Persian text: Persian digits, wrapped in LEFT-TO-RIGHT
     * ISOLATE … POP DIRECTIONAL ISOLATE so that "۰۸۶-۵۷۴-۶۵۷" is not shown as ۶۵۷-۵۷۴-۰۸۶ (the console's
     * fmt.js ltr() does the same in the browser).
     */
    public static String isolated(Object value) {
        return "\u2066" + toPersian(String.valueOf(value)) + "\u2069";
    }

    /** ASCII digits written in Persian digits, for the UI and for prompts' texts. */
    public static String toPersian(CharSequence ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        ascii.codePoints().forEach(cp -> {
            int d = valueOf(cp);
            if (d >= 0) out.append((char) (0x06F0 + d)); else out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
