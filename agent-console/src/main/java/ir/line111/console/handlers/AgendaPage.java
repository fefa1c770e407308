package ir.line111.console.handlers;

import io.vertx.core.json.JsonObject;
import ir.line111.core.domain.board.AgendaItem;
import ir.line111.core.domain.identity.Digits;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The printable agenda of a session of the complaints board: one HTML page, right-to-left, with print CSS
 * (A4, no buttons, rows never split across pages). Every value is escaped.
 */
final class AgendaPage {
    private AgendaPage() {}

    private static final String STYLE = """
            body{font-family:Vazirmatn,Tahoma,sans-serif;margin:2rem;color:#111}
            h1{font-size:1.4rem;margin:0 0 .3rem}
            .meta{color:#444;margin-bottom:1rem}
            table{width:100%;border-collapse:collapse;font-size:.95rem}
            th,td{border:1px solid #888;padding:.4rem .5rem;text-align:right;vertical-align:top}
            th{background:#eee}
            tr.urgent td{background:#fff2f2}
            .badge{display:inline-block;border:1px solid #b00;color:#b00;border-radius:.3rem;padding:0 .3rem;font-size:.8rem}
            .code{unicode-bidi:isolate;direction:ltr;font-family:monospace}
            .sign{margin-top:3rem;display:flex;justify-content:space-between}
            .toolbar{margin-bottom:1rem}
            @media print{@page{size:A4;margin:1.5cm}body{margin:0}.toolbar{display:none}tr{break-inside:avoid}th{background:#ddd !important}}
            """;

    static String html(JsonObject session, List<AgendaItem> agenda, Instant now, ZoneId zone) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">");
        sb.append("<title>دستور جلسهٔ هیأت رسیدگی به شکایات — ").append(esc(session.getString("sitsAtJalali"))).append("</title>");
        sb.append("<style>").append(STYLE).append("</style></head><body>");
        sb.append("<div class=\"toolbar\">برای چاپ، از فرمان چاپ مرورگر (Ctrl+P) استفاده کنید.</div>");
        sb.append("<h1>دستور جلسهٔ هیأت رسیدگی به شکایات</h1>");
        sb.append("<div class=\"meta\">").append(esc(session.getString("weekday"))).append(" ").append(esc(session.getString("sitsAtJalali")))
                .append("، ساعت ").append(esc(session.getString("time")));
        if (session.getString("movedReason") != null) sb.append(" — جابه‌جا شده: ").append(esc(session.getString("movedReason")));
        sb.append("<br>شمار پرونده‌ها: ").append(Digits.toPersian(Integer.toString(agenda.size()))).append("</div>");
        if (agenda.isEmpty()) {
            sb.append("<p>پرونده‌ای در دستور این جلسه نیست.</p>");
        } else {
            sb.append("<table><thead><tr><th>ردیف</th><th>کد رهگیری</th><th>شاکی</th><th>دستگاه اجرایی</th><th>موضوع</th>")
                    .append("<th>حضور شاکی</th><th>رأی هیأت</th></tr></thead><tbody>");
            int n = 1;
            for (AgendaItem a : agenda) {
                var i = a.item();
                sb.append(i.urgent() ? "<tr class=\"urgent\">" : "<tr>");
                sb.append("<td>").append(Digits.toPersian(Integer.toString(n++))).append("</td>");
                sb.append("<td><span class=\"code\">").append(esc(i.trackingCode().persianGrouped())).append("</span>");
                if (i.urgent()) sb.append(" <span class=\"badge\">فوری</span>");
                sb.append("</td><td>").append(esc(a.subjectName() == null ? "—" : a.subjectName())).append("</td>");
                sb.append("<td>").append(esc(i.agencyName() == null ? "—" : i.agencyName())).append("</td>");
                sb.append("<td>").append(esc(i.summary())).append("</td>");
                sb.append("<td>").append(a.attended() == null ? "&nbsp;" : a.attended() ? "حاضر" : "غایب").append("</td>");
                sb.append("<td>").append(a.verdict() == null ? "&nbsp;" : esc(a.verdict()) + "<br>مهلت اجرا: " + esc(AgencyJson.jalali(a.complyBy())))
                        .append("</td></tr>");
            }
            sb.append("</tbody></table>");
        }
        sb.append("<div class=\"sign\"><span>دبیر هیأت</span><span>رئیس هیأت</span></div>");
        sb.append("<p class=\"meta\">تهیه‌شده در ").append(esc(Digits.toPersian(ir.line111.core.calendar.JalaliDates.formatDateTime(now)))).append("</p>");
        return sb.append("</body></html>").toString();
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
