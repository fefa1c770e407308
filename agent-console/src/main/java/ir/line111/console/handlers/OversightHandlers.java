package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Csv;
import ir.line111.console.http.Inputs;
import ir.line111.console.http.Reply;
import ir.line111.console.store.AuditLog;
import ir.line111.core.domain.agencydesk.CaseFlags;
import ir.line111.core.domain.agencydesk.InboxItem;
import ir.line111.core.domain.cases.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisors' side of the agency desk (issue 16): what an agency may see of a case, urgent matters and
 * their report for the presidency's office, extension requests, cases sent back and the daily digest.
 */
public final class OversightHandlers {
    private final ConsoleContext cx;
    private final AgencyServices agency;

    public OversightHandlers(ConsoleContext cx, AgencyServices agency) {
        this.cx = cx;
        this.agency = agency;
    }

    public void register(ApiRoutes r) {
        r.get("/api/oversight", Roles.SUPERVISOR, this::lists);
        r.get("/api/oversight/digest", Roles.SUPERVISOR, this::digest);
        r.get("/api/oversight/urgent.csv", Roles.REPORTS, this::urgentCsv);
        r.get("/api/oversight/agency-report", Roles.REPORTS, this::agencyReport);
        r.get("/api/cases/:id/flags", Roles.DESK, this::flags);
        r.put("/api/cases/:id/sharing", Roles.SUPERVISOR, this::sharing);
        r.post("/api/cases/:id/urgent", Roles.DESK, this::urgent);
        r.post("/api/extensions/:id/decision", Roles.SUPERVISOR, this::decide);
    }

    private Object lists(Call c) {
        Instant now = cx.clock().instant();
        JsonArray ext = new JsonArray();
        agency.oversight().pendingExtensions().forEach(e -> ext.add(AgencyJson.extension(e)));
        return new JsonObject().put("returned", AgencyJson.items(agency.oversight().returned(), now, cx.zone()).getJsonArray("items"))
                .put("escalated", AgencyJson.items(agency.oversight().escalated(), now, cx.zone()).getJsonArray("items"))
                .put("urgent", AgencyJson.items(agency.oversight().urgentCases(), now, cx.zone()).getJsonArray("items"))
                .put("extensions", ext);
    }

    /** Per agency: what is overdue and what falls due within {@code days} (default 3), urgent first. */
    private Object digest(Call c) {
        int days = c.intParam("days", 3, 0, 60);
        Instant now = cx.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, cx.zone());
        Instant until = today.plusDays(days + 1L).atStartOfDay(cx.zone()).toInstant();
        Map<String, JsonObject> byAgency = new LinkedHashMap<>();
        List<InboxItem> items = new ArrayList<>(agency.oversight().dueAtAgencies(until));
        items.sort(java.util.Comparator.comparing(i -> i.agencyName() == null ? "" : i.agencyName()));
        for (InboxItem i : items) {
            JsonObject a = byAgency.computeIfAbsent(String.valueOf(i.agencyId()), k -> new JsonObject().put("agencyId", i.agencyId())
                    .put("agencyName", i.agencyName()).put("overdue", new JsonArray()).put("due", new JsonArray()));
            a.getJsonArray(i.overdue() ? "overdue" : "due").add(AgencyJson.item(i, now, cx.zone()));
        }
        byAgency.values().forEach(a -> a.put("overdueCount", a.getJsonArray("overdue").size()).put("dueCount", a.getJsonArray("due").size()));
        return new JsonObject().put("date", AgencyJson.jalali(now)).put("days", days).put("agencies", new JsonArray(new ArrayList<>(byAgency.values())));
    }

    private Object urgentCsv(Call c) {
        Instant now = cx.clock().instant();
        List<Csv.Column> cols = List.of(new Csv.Column("code", "کد رهگیری"), new Csv.Column("kind", "نوع"), new Csv.Column("summary", "خلاصه"),
                new Csv.Column("reason", "دلیل فوری بودن"), new Csv.Column("agency", "دستگاه اجرایی"), new Csv.Column("status", "وضعیت"),
                new Csv.Column("registered", "تاریخ ثبت"), new Csv.Column("due", "مهلت پاسخ"), new Csv.Column("days", "روزهای مانده"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InboxItem i : agency.oversight().urgentCases()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", i.trackingCode().digits());
            r.put("kind", i.kind() == null ? null : i.kind().persian());
            r.put("summary", i.summary());
            r.put("reason", i.urgentReason());
            r.put("agency", i.agencyName());
            r.put("status", i.status().persian());
            r.put("registered", AgencyJson.jalali(i.registeredAt()));
            r.put("due", AgencyJson.jalali(i.dueAt()));
            r.put("days", AgencyJson.daysLabel(ir.line111.core.domain.agencydesk.DeskOrder.daysLeft(i.dueAt(), now, cx.zone()), i.overdue()));
            rows.add(r);
        }
        cx.audit().record(c.username(), AuditLog.Action.SEARCH_CASES, null, null, null, "urgent report (" + rows.size() + " cases)", c.ip());
        String day = ir.line111.core.calendar.JalaliDates.format(now).replace('/', '-');
        return new Reply.Text(200, "text/csv; charset=utf-8", Csv.write(cols, rows),
                Map.of("Content-Disposition", "attachment; filename=\"urgent-" + day + ".csv\""));
    }

    private static final List<Csv.Column> REPORT_COLUMNS = List.of(new Csv.Column("agencyName", "دستگاه اجرایی"),
            new Csv.Column("month", "ماه"), new Csv.Column("answered", "پاسخ‌ها"), new Csv.Column("onTimePercent", "پاسخ به‌موقع (درصد)"),
            new Csv.Column("medianDaysToAnswer", "میانهٔ روزهای پاسخ"), new Csv.Column("objections", "اعتراض‌ها"),
            new Csv.Column("objectionsPerAnswer", "اعتراض به ازای هر پاسخ"), new Csv.Column("satisfaction", "رضایت تماس‌گیرندگان (۱ تا ۵)"),
            new Csv.Column("satisfactionCalls", "تماس‌های دارای امتیاز"), new Csv.Column("complaints", "شکایت‌ها"),
            new Csv.Column("topSubjects", "موضوع‌های پرشکایت"));

    /** Per agency and Jalali month, from..to (Jalali or ISO days; default: this Jalali year so far); JSON or CSV with Persian headers. */
    private Object agencyReport(Call c) {
        Instant now = cx.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, cx.zone());
        LocalDate from = Inputs.day(c.param("from"), "from");
        LocalDate to = Inputs.day(c.param("to"), "to");
        if (from == null) from = ir.line111.core.calendar.JalaliDates.parse(ir.line111.core.calendar.JalaliDates.of(today).year() + "/01/01");
        if (to == null) to = today;
        if (to.isBefore(from)) throw ApiException.invalid("to", "پایان بازه پیش از آغاز آن است");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var m : agency.reports().monthly(from.atStartOfDay(cx.zone()).toInstant(), to.plusDays(1).atStartOfDay(cx.zone()).toInstant())) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("agencyId", m.agencyId());
            r.put("agencyName", m.agencyName());
            r.put("month", ir.line111.core.calendar.JalaliDates.monthName(m.jalaliMonth()) + " " + ir.line111.core.domain.identity.Digits.toPersian(Integer.toString(m.jalaliYear())));
            r.put("jalaliYear", m.jalaliYear());
            r.put("jalaliMonth", m.jalaliMonth());
            r.put("answered", m.answered());
            r.put("onTimePercent", m.onTimePercent());
            r.put("medianDaysToAnswer", m.medianDaysToAnswer());
            r.put("objections", m.objections());
            r.put("objectionsPerAnswer", m.objectionsPerAnswer());
            r.put("satisfaction", m.satisfaction());
            r.put("satisfactionCalls", m.satisfactionCalls());
            r.put("complaints", m.complaints());
            r.put("topSubjects", String.join("؛ ", m.topSubjects()));
            rows.add(r);
        }
        if ("csv".equalsIgnoreCase(c.param("format"))) {
            return new Reply.Text(200, "text/csv; charset=utf-8", Csv.write(REPORT_COLUMNS, rows),
                    Map.of("Content-Disposition", "attachment; filename=\"agencies-" + from + "-" + to + ".csv\""));
        }
        JsonArray items = new JsonArray();
        rows.forEach(r -> items.add(new JsonObject(r)));
        JsonArray columns = new JsonArray();
        REPORT_COLUMNS.forEach(col -> columns.add(new JsonObject().put("key", col.key()).put("label", col.header())));
        return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("columns", columns).put("items", items);
    }

    private static JsonObject flags(CaseFlags f) {
        return new JsonObject().put("urgent", f.urgent()).put("urgentReason", f.urgentReason())
                .put("recordingsShared", f.recordingsShared()).put("nationalIdShared", f.nationalIdNeeded())
                .put("escalated", f.escalatedAt() != null);
    }

    private Object flags(Call c) {
        return flags(agency.oversight().flags(c.pathId("id")));
    }

    private Object sharing(Call c) {
        long id = c.pathId("id");
        JsonObject b = c.json();
        CaseFlags f = agency.oversight().share(id, Boolean.TRUE.equals(b.getValue("recordingsShared")),
                Boolean.TRUE.equals(b.getValue("nationalIdShared")), new Actor(c.username()));
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, id, null, null,
                "shared with the agency: recordings " + f.recordingsShared() + ", national ID " + f.nationalIdNeeded(), c.ip());
        return flags(f);
    }

    private Object urgent(Call c) {
        long id = c.pathId("id");
        JsonObject b = c.json();
        boolean urgent = !Boolean.FALSE.equals(b.getValue("urgent"));
        String reason = Inputs.text(b, "reason", 1000, urgent);
        CaseFlags f = agency.oversight().urgent(id, urgent, reason, new Actor(c.username()));
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, id, null, null, urgent ? "marked urgent" : "urgent cleared", c.ip());
        return flags(f);
    }

    private Object decide(Call c) {
        long id = c.pathId("id");
        JsonObject b = c.json();
        Object approve = b.getValue("approve");
        if (!(approve instanceof Boolean yes)) throw ApiException.invalid("approve", "موافقت یا مخالفت را مشخص کنید");
        var r = agency.oversight().decideExtension(id, yes, Inputs.text(b, "note", 2000, false), new Actor(c.username()));
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, r.caseId(), null, null, "extension " + r.decision(), c.ip());
        return AgencyJson.extension(r);
    }
}
