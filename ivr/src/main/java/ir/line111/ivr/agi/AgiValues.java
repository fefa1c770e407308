package ir.line111.ivr.agi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every value that comes in from Asterisk, normalised and bounded once, here at the AGI edge, so
 * that no registration is ever lost to a field's length or an odd character. The bounds are the
 * columns' (core V1: {@code call_id varchar(64)}, {@code caller_number varchar(40)},
 * {@code channel_name varchar(200)}).
 */
final class AgiValues {
    static final int CALL_ID_MAX = 64;
    static final int CALLER_NUMBER_MAX = 40;
    static final int CHANNEL_MAX = 200;
    /** Hex digits of the hash that keeps two long ids with the same beginning apart. */
    private static final int HASH_DIGITS = 16;

    private AgiValues() {}

    /**
     * The call id from {@code agi_uniqueid} (or LINE111_CALL_ID): Asterisk's {@code <epoch>.<n>}, or
     * {@code <systemname>-<epoch>.<n>}, stays as it is. Anything else keeps only the characters a file
     * name and a log line can carry; one that is still too long becomes its beginning and a hash of the
     * whole, so the same uniqueid always gives the same id (the after-queue entry meets it again) and
     * two different ones never the same. Null when blank.
     */
    static String callId(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String stripped = raw.strip();
        String safe = stripped.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() <= CALL_ID_MAX && safe.equals(stripped)) return safe;
        // Cut or with characters replaced: the hash of the original keeps "a b" and "a_b" apart.
        return safe.substring(0, Math.min(safe.length(), CALL_ID_MAX - HASH_DIGITS - 1)) + "_" + hash(stripped);
    }

    /**
     * The caller's number as Asterisk gave it, without control characters; null when there is none, and
     * when it is longer than any telephone number (the column's 40): a cut one would be a wrong number
     * for a call-back or an SMS, so the call goes on as from an unknown number.
     */
    static String callerNumber(String raw) {
        String s = bounded(raw, Integer.MAX_VALUE);
        return s == null || s.codePointCount(0, s.length()) > CALLER_NUMBER_MAX ? null : s;
    }

    /** The channel name, at most 200 characters. */
    static String channel(String raw) {
        return bounded(raw, CHANNEL_MAX);
    }

    private static String bounded(String raw, int max) {
        if (raw == null) return null;
        String s = raw.replaceAll("\\p{Cntrl}", "").strip();
        if (s.isEmpty()) return null;
        if (s.codePointCount(0, s.length()) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
