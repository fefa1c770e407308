package ir.line111.console.handlers;

import io.vertx.core.json.JsonObject;
import ir.line111.console.store.AuditLog;
import ir.line111.core.domain.cases.TimelineText;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalogue of how audit-log entries read in Persian. A row keeps its action code and a short
 * machine detail ("agency added 101", "refer", "not a matter: SILENCE"); here the detail is read into a
 * stable event type with parameters, and the Persian sentence is made from them. The API gives all three
 * (action, event {type, params}, text) so machines keep the codes and people read Persian.
 */
final class AuditText {
    private AuditText() {}

    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry(AuditLog.Action.SIGN_IN.name(), "ورود"),
            Map.entry(AuditLog.Action.SIGN_IN_FAILED.name(), "ورود ناموفق"),
            Map.entry(AuditLog.Action.PASSWORD_CHANGED.name(), "تغییر گذرواژه"),
            Map.entry(AuditLog.Action.PASSWORD_CHANGE_FAILED.name(), "تغییر گذرواژهٔ ناموفق"),
            Map.entry(AuditLog.Action.SIGN_OUT.name(), "خروج"),
            Map.entry(AuditLog.Action.VIEW_CASE.name(), "دیدن پرونده"),
            Map.entry(AuditLog.Action.SEARCH_CASES.name(), "جست‌وجوی پرونده‌ها"),
            Map.entry(AuditLog.Action.CHANGE_CASE.name(), "تغییر پرونده"),
            Map.entry(AuditLog.Action.REGISTER_CASE.name(), "ثبت پرونده"),
            Map.entry(AuditLog.Action.VIEW_NATIONAL_ID.name(), "دیدن کد ملی"),
            Map.entry(AuditLog.Action.PLAY_RECORDING.name(), "شنیدن صدا"),
            Map.entry(AuditLog.Action.VIEW_TRANSCRIPT.name(), "دیدن متن پیام"),
            Map.entry(AuditLog.Action.CLAIM_VOICEMAIL.name(), "برداشتن پیام ضبط‌شده"),
            Map.entry(AuditLog.Action.ADMIN_CHANGE.name(), "تغییر مدیریتی"),
            Map.entry(AuditLog.Action.REFUSED.name(), "درخواست ردشده"));

    private static final Map<String, String> ROLES = Map.of("OPERATOR", "کارشناس پاسخگو", "TRANSCRIBER", "پیاده‌ساز پیام",
            "SUPERVISOR", "ناظر", "ADMIN", "مدیر سامانه");

    /** Fixed details: code → Persian. */
    private static final Map<String, String[]> FIXED = Map.ofEntries(
            Map.entry("message", new String[]{"CASE_MESSAGE", "افزودن پیام تکمیلی"}),
            Map.entry("refer", new String[]{"CASE_REFERRED", "ارجاع"}),
            Map.entry("answer", new String[]{"CASE_ANSWERED", "ثبت پاسخ"}),
            Map.entry("objection", new String[]{"CASE_OBJECTION", "ثبت اعتراض"}),
            Map.entry("board", new String[]{"CASE_TO_BOARD", "ارسال به هیأت رسیدگی به شکایات"}),
            Map.entry("close", new String[]{"CASE_CLOSED", "مختومه کردن"}),
            Map.entry("voicemail registered", new String[]{"VOICEMAIL_REGISTERED", "ثبت پیام ضبط‌شده به‌عنوان پرونده"}),
            Map.entry("voicemail", new String[]{"FROM_VOICEMAIL", "در میز پیاده‌سازی"}),
            Map.entry("by national ID", new String[]{"BY_NATIONAL_ID", "با کد ملی"}),
            Map.entry("attach: no such recording", new String[]{"ATTACH_NO_RECORDING", "پیوست صدایی که نیست"}),
            Map.entry("attach: recording of another call or case", new String[]{"ATTACH_FOREIGN_RECORDING", "پیوست صدای تماس یا پرونده‌ای دیگر"}),
            Map.entry("register: spoken ID not popped to this operator", new String[]{"SPOKEN_ID_NOT_POPPED", "کد ملی گفته‌شده‌ای که به این کارشناس نشان داده نشده بود"}),
            Map.entry("recording not visible to the role", new String[]{"RECORDING_NOT_VISIBLE", "صدایی که این نقش اجازهٔ شنیدنش را ندارد"}),
            Map.entry("case not visible to the role", new String[]{"CASE_NOT_VISIBLE", "پرونده‌ای که این نقش اجازهٔ دیدنش را ندارد"}),
            Map.entry("file outside the recording store", new String[]{"FILE_OUTSIDE_STORE", "فایلی بیرون از انبار صداها"}));

    private record Rule(Pattern pattern, String type, String[] keys) {}

    private static final Rule[] RULES = {
            new Rule(Pattern.compile("user created (\\S+) \\[(.*)]"), "USER_CREATED", new String[]{"username", "roles"}),
            new Rule(Pattern.compile("user changed (\\S+) \\[(.*)]( disabled)?"), "USER_CHANGED", new String[]{"username", "roles", "disabled"}),
            new Rule(Pattern.compile("password set for (\\S+)"), "PASSWORD_SET", new String[]{"username"}),
            new Rule(Pattern.compile("agency added (\\d+)"), "AGENCY_ADDED", new String[]{"agencyId"}),
            new Rule(Pattern.compile("agency changed (\\d+)"), "AGENCY_CHANGED", new String[]{"agencyId"}),
            new Rule(Pattern.compile("office hours (.*)", Pattern.DOTALL), "OFFICE_HOURS", new String[]{"value"}),
            new Rule(Pattern.compile("holiday removed (\\S+)"), "HOLIDAY_REMOVED", new String[]{"date"}),
            new Rule(Pattern.compile("holiday (\\S+)"), "HOLIDAY_ADDED", new String[]{"date"}),
            new Rule(Pattern.compile("settings (.*)", Pattern.DOTALL), "SETTINGS", new String[]{"value"}),
            new Rule(Pattern.compile("wrap-up code added (\\S+)"), "WRAP_UP_CODE_ADDED", new String[]{"wrapUpCode"}),
            new Rule(Pattern.compile("wrap-up code changed (\\S+)"), "WRAP_UP_CODE_CHANGED", new String[]{"wrapUpCode"}),
            new Rule(Pattern.compile("answer-audio (\\d+)"), "CASE_ANSWERED_AUDIO", new String[]{"recordingId"}),
            new Rule(Pattern.compile("not a matter: ([A-Z_]+)"), "NOT_A_MATTER", new String[]{"reason"}),
            new Rule(Pattern.compile("(\\d{9})"), "TRACKING_CODE", new String[]{"code"}),
    };

    record Event(String type, Map<String, String> params, String text) {}

    /** The detail of an entry as a type with parameters and its Persian sentence; null detail: none. */
    static Event event(String action, String detail) {
        if (detail == null || detail.isBlank()) return new Event(null, Map.of(), "");
        String[] fixed = FIXED.get(detail);
        if (fixed != null) return new Event(fixed[0], Map.of(), fixed[1]);
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(detail);
            if (!m.matches()) continue;
            Map<String, String> p = new LinkedHashMap<>();
            for (int i = 0; i < r.keys().length; i++) if (m.group(i + 1) != null) p.put(r.keys()[i], m.group(i + 1).strip());
            return new Event(r.type(), p, sentence(r.type(), p));
        }
        return new Event("OTHER", Map.of("detail", detail), TimelineText.ltr(detail));
    }

    private static String sentence(String type, Map<String, String> p) {
        String ltr = TimelineText.ltr(p.getOrDefault("username", p.getOrDefault("agencyId", p.getOrDefault("date", ""))));
        return switch (type) {
            case "USER_CREATED" -> "کاربر تازه " + ltr + " با نقش " + roles(p.get("roles"));
            case "USER_CHANGED" -> "تغییر کاربر " + ltr + "، نقش " + roles(p.get("roles")) + (p.containsKey("disabled") ? "، غیرفعال" : "");
            case "PASSWORD_SET" -> "تعیین گذرواژهٔ " + ltr;
            case "AGENCY_ADDED" -> "افزودن دستگاه شمارهٔ " + ltr;
            case "AGENCY_CHANGED" -> "تغییر دستگاه شمارهٔ " + ltr;
            case "OFFICE_HOURS" -> "تغییر ساعات کاری";
            case "HOLIDAY_ADDED" -> "افزودن تعطیلی " + ltr;
            case "HOLIDAY_REMOVED" -> "حذف تعطیلی " + ltr;
            case "SETTINGS" -> "تغییر تنظیمات تکراری و صف";
            case "WRAP_UP_CODE_ADDED" -> "افزودن کد پایان تماس " + TimelineText.ltr(p.get("wrapUpCode"));
            case "WRAP_UP_CODE_CHANGED" -> "تغییر کد پایان تماس " + TimelineText.ltr(p.get("wrapUpCode"));
            case "CASE_ANSWERED_AUDIO" -> "ثبت پاسخ صوتی (صدای شمارهٔ " + TimelineText.ltr(p.get("recordingId")) + ")";
            case "NOT_A_MATTER" -> "کنار گذاشتن پیام، دلیل: " + TimelineText.NOT_A_MATTER.getOrDefault(p.get("reason"), "سایر");
            case "TRACKING_CODE" -> "کد رهگیری " + TimelineText.ltr(p.get("code").replaceAll("(\\d{3})(?=\\d)", "$1-"));
            default -> "";
        };
    }

    private static String roles(String list) {
        if (list == null || list.isBlank()) return "بدون نقش";
        StringBuilder sb = new StringBuilder();
        for (String r : list.split(",\\s*")) {
            if (!sb.isEmpty()) sb.append("، ");
            sb.append(ROLES.getOrDefault(r.strip().toUpperCase(java.util.Locale.ROOT), TimelineText.ltr(r.strip())));
        }
        return sb.toString();
    }

    /** An entry as the API writes it (openapi.yaml: AuditEntry). */
    static JsonObject json(AuditLog.Entry e) {
        Event ev = event(e.action(), e.detail());
        String label = ACTIONS.getOrDefault(e.action(), "رویداد");
        JsonObject event = new JsonObject().put("type", ev.type()).put("params", new JsonObject(new LinkedHashMap<>(ev.params())));
        return new JsonObject().put("at", e.at().toString()).put("username", e.username()).put("action", e.action())
                .put("actionLabel", label).put("caseId", e.caseId()).put("recordingId", e.recordingId())
                .put("nationalIdMasked", e.nationalIdMasked()).put("detail", e.detail()).put("event", event)
                .put("text", ev.text().isEmpty() ? label : label + ": " + ev.text()).put("ip", e.ip());
    }
}
