package ir.line111.core.domain.cases;

import ir.line111.core.domain.identity.Digits;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalogue of the Persian sentences a case's timeline shows. An entry is stored as its type
 * and parameters (stable codes and values: {@code kind=COMPLAINT}, {@code agency=…}, {@code code=…});
 * the sentence is made from them when it is read, so wording can change without touching rows.
 * Entries written before the parameters existed (free English text in {@code detail}) are read back
 * into parameters by {@link #legacy}, so they render the same way.
 *
 * <p>Codes, numbers and phone numbers inside a sentence are wrapped in LEFT-TO-RIGHT ISOLATE … POP
 * DIRECTIONAL ISOLATE: without it "۰۸۶-۵۷۴-۶۵۷" inside right-to-left text is shown as ۶۵۷-۵۷۴-۰۸۶.
 */
public final class TimelineText {
    private TimelineText() {}

    /** Parameter holding what a person wrote (a note, an answer, a transcript), shown after the sentence. */
    public static final String TEXT = "text";

    /** Reasons a recorded message is set aside (console: POST …/not-a-matter). */
    public static final Map<String, String> NOT_A_MATTER = Map.of("SILENCE", "سکوت یا پیام خالی", "WRONG_NUMBER", "شمارهٔ اشتباه",
            "TEST", "تماس آزمایشی", "DUPLICATE", "تکراری", "OTHER", "سایر");

    /** A code, number or phone number isolated left-to-right, in Persian digits (Digits.isolated). */
    public static String ltr(Object value) {
        return Digits.isolated(value);
    }

    /** The sentence of an entry, with what a person wrote after it (": …"), or that text alone. */
    public static String render(CaseEventType type, Map<String, String> params) {
        Map<String, String> p = params == null ? Map.of() : params;
        String sentence = sentence(type, p);
        String text = p.get(TEXT);
        boolean hasText = text != null && !text.isBlank();
        if (sentence.isEmpty()) return hasText ? text : "";
        return hasText ? sentence + ": " + text : sentence;
    }

    private static String sentence(CaseEventType type, Map<String, String> p) {
        return switch (type) {
            case REGISTERED -> {
                StringBuilder sb = new StringBuilder(label(CaseKind.class, p.get("kind")));
                if (p.containsKey("channel")) sb.append(" از راه ").append(label(Channel.class, p.get("channel")));
                if (p.containsKey("deadline")) sb.append("، مهلت ").append(label(DeadlineClass.class, p.get("deadline")));
                if (p.containsKey("agency")) sb.append("، دستگاه ").append(p.get("agency"));
                yield sb.toString();
            }
            case VOICEMAIL_REGISTERED -> p.get("caller") == null || p.get("caller").isBlank() || "-".equals(p.get("caller"))
                    ? "پیام صوتی از شماره‌ای ناشناس" : "پیام صوتی از شمارهٔ " + ltr(p.get("caller"));
            case LINKED_AS_DUPLICATE -> "احتمالاً تکرار پرونده باز " + code(p.get("code"));
            case DUPLICATE_REGISTERED -> "پرونده " + code(p.get("code")) + " دربارهٔ همین شخص ثبت شد";
            case REFERRED -> "ارجاع به " + p.getOrDefault("agency", "دستگاه");
            case OBJECTION -> "اعتراض " + ordinal(p.get("n"))
                    + ("true".equals(p.get("afterBoard")) ? " (پس از رأی هیأت رسیدگی به شکایات؛ فقط ثبت شد)" : "");
            case SENT_TO_BOARD -> "SECOND_OBJECTION".equals(p.get("reason"))
                    ? "اعتراض دوم: پرونده به هیأت رسیدگی به شکایات رفت" : "";
            case CLOSED -> p.containsKey("notAMatter")
                    ? "کنار گذاشته شد، دلیل: " + NOT_A_MATTER.getOrDefault(p.get("notAMatter"), "سایر") : "";
            // issue 16: the agency desk and the complaints board; dates are Jalali (stored as 1405/09/24)
            case EXTENSION_REQUESTED -> "درخواست مهلت بیشتر: " + label(DeadlineClass.class, p.get("requested"));
            case EXTENSION_APPROVED -> "موافقت با مهلت بیشتر: " + label(DeadlineClass.class, p.get("requested"));
            case EXTENSION_REFUSED -> "مخالفت با مهلت بیشتر: " + label(DeadlineClass.class, p.get("requested"));
            case RETURNED_BY_AGENCY -> p.containsKey("agency") ? p.get("agency") + " پرونده را بازگرداند: مربوط به این دستگاه نیست" : "";
            case ATTACHMENT_ADDED -> p.containsKey("file") ? "پیوست «" + p.get("file") + "»" : "";
            case BOARD_SCHEDULED -> p.containsKey("date") ? ("true".equals(p.get("moved")) ? "جلسهٔ هیأت جابه‌جا شد به " : "در دستور جلسهٔ هیأت در ")
                    + ltr(p.get("date")) : "";
            case BOARD_ATTENDANCE -> "true".equals(p.get("attended")) ? "شاکی در جلسهٔ هیأت حاضر شد" : p.containsKey("attended") ? "شاکی در جلسهٔ هیأت حاضر نشد" : "";
            case BOARD_VERDICT -> p.containsKey("complyBy") ? "رأی هیأت؛ مهلت اجرای دستگاه تا " + ltr(p.get("complyBy")) : "";
            case ESCALATED -> p.containsKey("agency") ? "مهلت پاسخ " + p.get("agency") + " گذشت؛ پرونده به فهرست سرپرست رفت" : "";
            default -> "";
        };
    }

    private static String code(String digits) {
        if (digits == null) return "";
        String d = digits.length() == 9 ? digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6) : digits;
        return ltr(d);
    }

    private static String ordinal(String n) {
        return switch (n == null ? "" : n) {
            case "1" -> "اول";
            case "2" -> "دوم";
            case "3" -> "سوم";
            case "4" -> "چهارم";
            default -> "شمارهٔ " + ltr(n == null ? "?" : n);
        };
    }

    private static <E extends Enum<E>> String label(Class<E> type, String name) {
        if (name == null) return "";
        try {
            Enum<E> e = Enum.valueOf(type, name);
            return switch (e) {
                case CaseKind k -> k.persian();
                case Channel c -> c.persian();
                case DeadlineClass d -> d.persian();
                default -> name;
            };
        } catch (IllegalArgumentException unknown) {
            return "نامشخص";
        }
    }

    // ---------------------------------------------------------------- stored form

    /** Parameters as stored in {@code case_event.params}: application/x-www-form-urlencoded, in order. */
    public static String encode(Map<String, String> params) {
        if (params == null || params.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v == null) return;
            if (!sb.isEmpty()) sb.append('&');
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    public static Map<String, String> decode(String stored) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stored == null || stored.isEmpty()) return out;
        for (String pair : stored.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The parameters of an entry: from the stored parameters when the row has them (its {@code detail}
     * then is what a person wrote), else read back from the English text rows had before them.
     */
    public static Map<String, String> params(CaseEventType type, String storedParams, String detail) {
        if (storedParams != null) {
            Map<String, String> p = decode(storedParams);
            if (detail != null && !detail.isBlank()) p.put(TEXT, detail);
            return p;
        }
        return legacy(type, detail);
    }

    private static final Pattern REGISTERED_VIA = Pattern.compile("([A-Z_]+) via ([A-Z_]+), ([A-Z_]+)(?:, agency (.+))?", Pattern.DOTALL);
    private static final Pattern REGISTERED_KIND = Pattern.compile("([A-Z_]+), ([A-Z_]+)");
    private static final Pattern OBJECTION_N = Pattern.compile("objection (\\d+)(?:: (.*?))?( \\(after the complaints board's decision\\))?", Pattern.DOTALL);
    private static final Pattern NOT_A_MATTER_TEXT = Pattern.compile("not a matter: ([A-Z_]+)(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern REFERRED_TO = Pattern.compile("referred to (.+?)(?:: (.*))?", Pattern.DOTALL);

    /** Rows written before V10 kept a free English sentence in {@code detail}; read its parts back. */
    public static Map<String, String> legacy(CaseEventType type, String detail) {
        Map<String, String> p = new LinkedHashMap<>();
        if (detail == null || detail.isBlank()) return p;
        Matcher m;
        switch (type) {
            case REGISTERED -> {
                if ((m = REGISTERED_VIA.matcher(detail)).matches()) {
                    p.put("kind", m.group(1)); p.put("channel", m.group(2)); p.put("deadline", m.group(3));
                    if (m.group(4) != null) p.put("agency", m.group(4));
                } else if ((m = REGISTERED_KIND.matcher(detail)).matches()) {
                    p.put("kind", m.group(1)); p.put("deadline", m.group(2));
                } else p.put(TEXT, detail);
            }
            case VOICEMAIL_REGISTERED -> {
                if (detail.startsWith("message left by ")) p.put("caller", detail.substring("message left by ".length()));
                else p.put(TEXT, detail);
            }
            case LINKED_AS_DUPLICATE -> {
                if (detail.startsWith("likely duplicate of open case ")) p.put("code", detail.substring("likely duplicate of open case ".length()));
                else p.put(TEXT, detail);
            }
            case DUPLICATE_REGISTERED -> {
                if ((m = Pattern.compile("case (\\S+) registered about the same person").matcher(detail)).matches()) p.put("code", m.group(1));
                else p.put(TEXT, detail);
            }
            case REFERRED -> {
                if ((m = REFERRED_TO.matcher(detail)).matches()) {
                    p.put("agency", m.group(1));
                    if (m.group(2) != null) p.put(TEXT, m.group(2));
                } else p.put(TEXT, detail);
            }
            case OBJECTION -> {
                if ((m = OBJECTION_N.matcher(detail)).matches()) {
                    p.put("n", m.group(1));
                    if (m.group(3) != null) p.put("afterBoard", "true");
                    if (m.group(2) != null && !m.group(2).isBlank()) p.put(TEXT, m.group(2));
                } else p.put(TEXT, detail);
            }
            case SENT_TO_BOARD -> {
                if (detail.startsWith("second objection")) p.put("reason", "SECOND_OBJECTION");
                else p.put(TEXT, detail);
            }
            case CLOSED -> {
                if ((m = NOT_A_MATTER_TEXT.matcher(detail)).matches()) {
                    p.put("notAMatter", m.group(1));
                    if (m.group(2) != null) p.put(TEXT, m.group(2));
                } else p.put(TEXT, detail);
            }
            default -> p.put(TEXT, detail);
        }
        return p;
    }
}
