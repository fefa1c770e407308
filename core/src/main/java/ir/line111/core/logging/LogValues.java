package ir.line111.core.logging;

/**
 * The one bound on values that go into a log line or the MDC. Whatever a caller, Asterisk or a browser
 * sent can be megabytes long and carry line breaks: logged as is, one value repeated on every line of a
 * call multiplies the log (a 1 MB agi_uniqueid gave about 12 MB per call) and a newline forges a line.
 * A bounded value keeps its head, says how long it was, and shows control characters as '?'.
 */
public final class LogValues {
    /** Enough for any Asterisk unique id, channel name or file name we produce. */
    public static final int DEFAULT_MAX = 120;
    private static final char ELLIPSIS = '…';

    private LogValues() {}

    /** {@code value} bounded to {@value #DEFAULT_MAX} characters; "null" for null. */
    public static String bounded(Object value) {
        return bounded(value, DEFAULT_MAX);
    }

    /** At most {@code max} characters of the value, then "…(N chars)" when it was longer. */
    public static String bounded(Object value, int max) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        String s = String.valueOf(value);
        int keep = Math.min(s.length(), max);
        // Do not split a surrogate pair at the cut.
        if (keep < s.length() && keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) keep--;
        StringBuilder out = null;
        for (int i = 0; i < keep; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) out = new StringBuilder(keep + 24).append(s, 0, i);
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        if (out == null && keep == s.length()) return s;
        if (out == null) out = new StringBuilder(keep + 24).append(s, 0, keep);
        if (keep < s.length()) out.append(ELLIPSIS).append('(').append(s.length()).append(" chars)");
        return out.toString();
    }
}
