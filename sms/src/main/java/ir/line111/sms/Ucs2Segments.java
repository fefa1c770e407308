package ir.line111.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as the short messages that carry it in UCS-2 (data_coding 0x08, UTF-16BE): one message of up
 * to 70 characters without a header, or parts of up to 67 characters each behind a 6-byte
 * concatenation header (UDH: IEI 0x00, 8-bit reference, total, sequence), which the phone joins back
 * into one message. A surrogate pair is never split across parts.
 */
public final class Ucs2Segments {
    public static final int SINGLE_CHARS = 70;
    public static final int PART_CHARS = 67;
    public static final byte DATA_CODING_UCS2 = 0x08;
    static final int MAX_PARTS = 255;

    private Ucs2Segments() {}

    /** One short message: its bytes (header included) and whether the UDHI bit must be set. */
    public record Segment(int partNo, byte[] shortMessage, boolean udh) {}

    /** {@code reference}: the same for every part of one message, and kept across retries (its low 8 bits are used). */
    public static List<Segment> of(String text, int reference) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("an SMS needs a text");
        if (text.length() <= SINGLE_CHARS) return List.of(new Segment(1, text.getBytes(StandardCharsets.UTF_16BE), false));
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + PART_CHARS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
            chunks.add(text.substring(i, end));
            i = end;
        }
        if (chunks.size() > MAX_PARTS) throw new IllegalArgumentException("text too long for one concatenated SMS: " + chunks.size() + " parts");
        List<Segment> out = new ArrayList<>(chunks.size());
        for (int p = 0; p < chunks.size(); p++) {
            byte[] body = chunks.get(p).getBytes(StandardCharsets.UTF_16BE);
            byte[] sm = new byte[6 + body.length];
            sm[0] = 0x05;                      // UDH length
            sm[1] = 0x00;                      // IEI: concatenated short messages, 8-bit reference
            sm[2] = 0x03;                      // IE length
            sm[3] = (byte) reference;
            sm[4] = (byte) chunks.size();
            sm[5] = (byte) (p + 1);
            System.arraycopy(body, 0, sm, 6, body.length);
            out.add(new Segment(p + 1, sm, true));
        }
        return List.copyOf(out);
    }

    /** How many parts {@code text} takes. */
    public static int count(String text) {
        return of(text, 0).size();
    }
}
