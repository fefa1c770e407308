package ir.line111.ivr.agi;

import org.asteriskjava.fastagi.AgiRequest;

/**
 * What a call's agi_ environment says about it, taken strictly: the values end up in the database, on
 * every log line (the id, in the MDC) and in the console, and a peer can send anything. Asterisk's
 * own values are short printable text, so a value that is not is refused (the id) or dropped (the
 * number: the call goes on as from an unknown number) rather than carried through.
 */
final class CallEnvironment {
    /** call_record.call_id; Asterisk's ids ("[system-]epoch.sequence") are far shorter. */
    static final int MAX_CALL_ID = 64;
    /** call_record.caller_number. */
    static final int MAX_CALLER_NUMBER = 40;
    /** call_record.channel_name. */
    static final int MAX_CHANNEL = 200;

    private CallEnvironment() {}

    /** agi_uniqueid, or null when it is missing, blank, too long or not printable ASCII without spaces. */
    static String callId(AgiRequest request) {
        String id = request.getUniqueId();
        if (id == null) return null;
        id = id.strip();
        return !id.isEmpty() && id.length() <= MAX_CALL_ID && printableWord(id) ? id : null;
    }

    /** agi_callerid, or null when it is missing or cannot be a telephone number (too long, control characters). */
    static String callerNumber(AgiRequest request) {
        String n = request.getCallerIdNumber();
        if (n == null) return null;
        n = n.strip();
        return !n.isEmpty() && n.length() <= MAX_CALLER_NUMBER && printableWord(n) ? n : null;
    }

    /** agi_channel cut to what the call record keeps, control characters replaced. */
    static String channel(AgiRequest request) {
        String c = request.getChannel();
        if (c == null) return null;
        StringBuilder out = new StringBuilder(Math.min(c.length(), MAX_CHANNEL));
        for (int i = 0; i < c.length() && out.length() < MAX_CHANNEL; i++) {
            char ch = c.charAt(i);
            out.append(Character.isISOControl(ch) ? '?' : ch);
        }
        return out.toString();
    }

    private static boolean printableWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) return false;
        }
        return true;
    }
}
