package ir.line111.console.store;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseReports;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The supervisor's reports over a range of Tehran days. Sources: core's {@code call_record}, core's
 * case figures ({@link CaseReports}: the console has no SQL on the case tables), the console's abandoned-call and operator-event tables (fed by the AMI
 * adapter's events), and the AMI adapter's {@code ami_queue_calls} (wait and talk per queue call)
 * when it is in the database; without it the wait report uses what the console saw and says so.
 */
public final class Reports {

    public record Column(String key, String label, String type) {}
    public record Report(String name, String title, LocalDate from, LocalDate to, List<Column> columns,
                         List<Map<String, Object>> rows, String note) {}

    public static final Map<String, String> TITLES = new LinkedHashMap<>();
    static {
        TITLES.put("calls-by-hour", "تماس‌ها بر حسب ساعت");
        TITLES.put("calls-by-day", "تماس‌ها بر حسب روز");
        TITLES.put("call-outcomes", "پاسخ‌داده / رهاشده / پیام");
        TITLES.put("wait-and-talk", "میانگین انتظار و مکالمه");
        TITLES.put("cases-by-kind", "پرونده‌ها بر حسب نوع");
        TITLES.put("cases-by-agency", "پرونده‌ها بر حسب دستگاه");
        TITLES.put("cases-by-channel", "پرونده‌ها بر حسب مجرا");
        TITLES.put("cases-by-status", "پرونده‌ها بر حسب وضعیت");
        TITLES.put("deadlines-by-agency", "مهلت‌های رعایت‌شده و گذشته بر حسب دستگاه");
        TITLES.put("operator-activity", "فعالیت کارشناسان");
    }

    private final Jdbc jdbc;
    private final CaseReports cases;
    private final Clock clock;
    private final ZoneId zone;

    public Reports(Jdbc jdbc, CaseReports cases, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return empty when there is no report of that name */
    public java.util.Optional<Report> run(String name, LocalDate from, LocalDate to) {
        if (!TITLES.containsKey(name)) return java.util.Optional.empty();
        Instant a = from.atStartOfDay(zone).toInstant();
        Instant b = to.plusDays(1).atStartOfDay(zone).toInstant();
        String title = TITLES.get(name);
        return java.util.Optional.of(switch (name) {
            case "calls-by-hour" -> callsBy(name, title, from, to, a, b, true);
            case "calls-by-day" -> callsBy(name, title, from, to, a, b, false);
            case "call-outcomes" -> outcomes(name, title, from, to, a, b);
            case "wait-and-talk" -> waitAndTalk(name, title, from, to, a, b);
            case "cases-by-kind" -> casesBy(name, title, from, to, a, b, CaseReports.Grouping.KIND);
            case "cases-by-agency" -> casesByAgency(name, title, from, to, a, b);
            case "cases-by-channel" -> casesBy(name, title, from, to, a, b, CaseReports.Grouping.CHANNEL);
            case "cases-by-status" -> casesBy(name, title, from, to, a, b, CaseReports.Grouping.STATUS);
            case "deadlines-by-agency" -> deadlines(name, title, from, to, a, b);
            case "operator-activity" -> operators(name, title, from, to, a, b);
            default -> throw new IllegalStateException(name);
        });
    }

    /** Today's calls so far (Tehran day): offered, answered, abandoned, diverted to a message. */
    public Map<String, Long> today() {
        Instant start = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        Map<String, Long> t = new LinkedHashMap<>();
        t.put("offered", 0L); t.put("answered", 0L); t.put("abandoned", 0L); t.put("diverted", 0L);
        jdbc.list("select outcome, count(*) from call_record where started_at >= ? group by outcome", rs -> {
            long n = rs.getLong(2);
            t.merge("offered", n, Long::sum);
            String o = rs.getString(1);
            if (CallOutcome.ANSWERED_BY_OPERATOR.name().equals(o)) t.merge("answered", n, Long::sum);
            if (CallOutcome.ABANDONED_IN_QUEUE.name().equals(o)) t.merge("abandoned", n, Long::sum);
            if (CallOutcome.MESSAGE_LEFT.name().equals(o)) t.merge("diverted", n, Long::sum);
            return null;
        }, start);
        return t;
    }

    private record CallRow(Instant at, String outcome) {}

    private List<CallRow> calls(Instant a, Instant b) {
        return jdbc.list("select started_at, outcome from call_record where started_at >= ? and started_at < ?",
                rs -> new CallRow(Jdbc.instant(rs, "started_at"), rs.getString("outcome")), a, b);
    }

    private static final List<Column> CALL_COLUMNS = List.of(
            new Column("calls", "تماس‌ها", "number"), new Column("answered", "پاسخ‌داده", "number"),
            new Column("abandoned", "رهاشده در صف", "number"), new Column("diverted", "پیام ضبط‌شده", "number"));

    private Report callsBy(String name, String title, LocalDate from, LocalDate to, Instant a, Instant b, boolean hourly) {
        Map<String, long[]> buckets = new TreeMap<>();
        if (hourly) for (int h = 0; h < 24; h++) buckets.put("%02d".formatted(h), new long[4]);
        else for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) buckets.put(d.toString(), new long[4]);
        for (CallRow c : calls(a, b)) {
            ZonedDateTime t = c.at().atZone(zone);
            String key = hourly ? "%02d".formatted(t.getHour()) : t.toLocalDate().toString();
            long[] v = buckets.computeIfAbsent(key, k -> new long[4]);
            v[0]++;
            if (CallOutcome.ANSWERED_BY_OPERATOR.name().equals(c.outcome())) v[1]++;
            if (CallOutcome.ABANDONED_IN_QUEUE.name().equals(c.outcome())) v[2]++;
            if (CallOutcome.MESSAGE_LEFT.name().equals(c.outcome())) v[3]++;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        buckets.forEach((k, v) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            if (hourly) r.put("hour", k);
            else { r.put("day", k); r.put("jalali", ir.line111.core.calendar.JalaliDates.format(LocalDate.parse(k))); }
            r.put("calls", v[0]); r.put("answered", v[1]); r.put("abandoned", v[2]); r.put("diverted", v[3]);
            rows.add(r);
        });
        List<Column> cols = new ArrayList<>();
        if (hourly) cols.add(new Column("hour", "ساعت", "string"));
        else { cols.add(new Column("day", "روز", "date")); cols.add(new Column("jalali", "تاریخ", "string")); }
        cols.addAll(CALL_COLUMNS);
        return new Report(name, title, from, to, cols, rows, null);
    }

    private Report outcomes(String name, String title, LocalDate from, LocalDate to, Instant a, Instant b) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CallOutcome o : CallOutcome.values()) counts.put(o.name(), 0L);
        for (CallRow c : calls(a, b)) counts.merge(c.outcome() == null ? "UNKNOWN" : c.outcome(), 1L, Long::sum);
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(row("outcome", k, "calls", v)));
        return new Report(name, title, from, to, List.of(new Column("outcome", "نتیجه", "string"), new Column("calls", "تماس‌ها", "number")), rows, null);
    }

    private volatile Boolean amiTable;

    /** Whether the AMI adapter's queue-call table (ivr V200) is in this database. */
    private boolean amiQueueCalls() {
        Boolean t = amiTable;
        if (t == null) {
            t = jdbc.run(c -> {
                var md = c.getMetaData();
                for (String n : new String[]{"ami_queue_calls", "AMI_QUEUE_CALLS"}) {
                    try (var rs = md.getTables(null, c.getSchema(), n, new String[]{"TABLE"})) {
                        if (rs.next()) return true;
                    }
                }
                return false;
            });
            amiTable = t;
        }
        return t;
    }

    private Report waitAndTalk(String name, String title, LocalDate from, LocalDate to, Instant a, Instant b) {
        if (amiQueueCalls()) {
            Map<String, Object> r = new LinkedHashMap<>();
            jdbc.one("select sum(case when outcome = 'ANSWERED' then 1 else 0 end), "
                    + "avg(case when outcome = 'ANSWERED' then wait_seconds end), avg(case when outcome = 'ANSWERED' then talk_seconds end), "
                    + "sum(case when outcome = 'ABANDONED' then 1 else 0 end), avg(case when outcome = 'ABANDONED' then wait_seconds end), "
                    + "count(*) from ami_queue_calls where ended_at >= ? and ended_at < ?", rs -> {
                r.put("answered", rs.getLong(1));
                r.put("avgWaitSeconds", round(rs.getDouble(2)));
                r.put("avgTalkSeconds", round(rs.getDouble(3)));
                r.put("abandoned", rs.getLong(4));
                r.put("avgAbandonedWaitSeconds", round(rs.getDouble(5)));
                r.put("queued", rs.getLong(6));
                return null;
            }, a, b);
            return new Report(name, title, from, to, List.of(
                    new Column("queued", "ورود به صف", "number"), new Column("answered", "پاسخ‌داده", "number"),
                    new Column("avgWaitSeconds", "میانگین انتظار (ثانیه)", "number"), new Column("avgTalkSeconds", "میانگین مکالمه (ثانیه)", "number"),
                    new Column("abandoned", "رهاشده", "number"), new Column("avgAbandonedWaitSeconds", "میانگین انتظار رهاشدگان (ثانیه)", "number")),
                    List.of(r), null);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        jdbc.one("select count(*), avg(wait_seconds) from console_abandoned_call where at >= ? and at < ?", rs -> {
            r.put("abandoned", rs.getLong(1));
            r.put("avgAbandonedWaitSeconds", round(rs.getDouble(2)));
            return null;
        }, a, b);
        jdbc.one("select count(*), avg(talk_seconds) from console_operator_event where event = 'WRAP_UP' and at >= ? and at < ?", rs -> {
            r.put("answered", rs.getLong(1));
            r.put("avgTalkSeconds", round(rs.getDouble(2)));
            return null;
        }, a, b);
        return new Report(name, title, from, to, List.of(
                new Column("answered", "پاسخ‌داده", "number"), new Column("avgTalkSeconds", "میانگین مکالمه (ثانیه)", "number"),
                new Column("abandoned", "رهاشده", "number"), new Column("avgAbandonedWaitSeconds", "میانگین انتظار رهاشدگان (ثانیه)", "number")),
                List.of(r), "زمان انتظار تماس‌های پاسخ‌داده هنوز ثبت نمی‌شود؛ فقط انتظار تماس‌های رهاشده در دست است.");
    }

    private Report casesBy(String name, String title, LocalDate from, LocalDate to, Instant a, Instant b, CaseReports.Grouping grouping) {
        String column = grouping.name().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> counts = new LinkedHashMap<>();
        Enum<?>[] values = switch (grouping) {
            case KIND -> CaseKind.values();
            case CHANNEL -> Channel.values();
            case STATUS -> CaseStatus.values();
        };
        for (Enum<?> e : values) counts.put(e.name(), 0L);
        for (CaseReports.GroupCount g : cases.registeredBy(grouping, a, b)) counts.put(g.code() == null ? "UNSPECIFIED" : g.code(), g.cases());
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((k, v) -> {
            Map<String, Object> r = row(column, k, "cases", v);
            r.put("label", label(values, k));
            rows.add(r);
        });
        return new Report(name, title, from, to, List.of(new Column(column, "کد", "string"), new Column("label", "عنوان", "string"),
                new Column("cases", "پرونده‌ها", "number")), rows, null);
    }

    private static String label(Enum<?>[] values, String k) {
        for (Enum<?> e : values) {
            if (e.name().equals(k)) {
                return switch (e) {
                    case CaseKind x -> x.persian();
                    case Channel x -> x.persian();
                    case CaseStatus x -> x.persian();
                    default -> k;
                };
            }
        }
        return k;
    }

    private static final String NOT_REFERRED = "بدون ارجاع";

    private Report casesByAgency(String name, String title, LocalDate from, LocalDate to, Instant a, Instant b) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseReports.AgencyCount c : cases.registeredByAgency(a, b)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("agencyId", c.agencyId());
            r.put("agency", c.agencyName() == null ? NOT_REFERRED : c.agencyName());
            r.put("cases", c.cases());
            rows.add(r);
        }
        return new Report(name, title, from, to, List.of(new Column("agency", "دستگاه", "string"), new Column("cases", "پرونده‌ها", "number")), rows, null);
    }

    /** Met, missed and pending as core's {@code CaseRules.deadline} judges them, by agency name. */
    private Report deadlines(String name, String title, LocalDate from, LocalDate to, Instant a, Instant b) {
        Map<String, long[]> byAgency = new TreeMap<>();
        for (CaseReports.DeadlineCount d : cases.deadlines(a, b, clock.instant())) {
            long[] v = byAgency.computeIfAbsent(d.agencyName() == null ? NOT_REFERRED : d.agencyName(), k -> new long[4]);
            v[0] += d.due(); v[1] += d.met(); v[2] += d.missed(); v[3] += d.pending();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byAgency.forEach((k, v) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("agency", k); r.put("due", v[0]); r.put("met", v[1]); r.put("missed", v[2]); r.put("pending", v[3]);
            rows.add(r);
        });
        return new Report(name, title, from, to, List.of(new Column("agency", "دستگاه", "string"), new Column("due", "سررسید در بازه", "number"),
                new Column("met", "به‌موقع", "number"), new Column("missed", "دیرکرد", "number"), new Column("pending", "در جریان", "number")), rows, null);
    }

    private Report operators(String name, String title, LocalDate from, LocalDate to, Instant a, Instant b) {
        Map<String, long[]> byUser = new TreeMap<>();
        jdbc.list("select coalesce(username, device), event, talk_seconds from console_operator_event where at >= ? and at < ?", rs -> {
            String who = rs.getString(1) == null ? "?" : rs.getString(1);
            long[] v = byUser.computeIfAbsent(who, k -> new long[4]);
            switch (rs.getString(2)) {
                case "WRAP_UP" -> { v[0]++; v[1] += rs.getLong(3); }
                case "PAUSE" -> v[2]++;
                case "LOGIN" -> v[3]++;
                default -> { }
            }
            return null;
        }, a, b);
        Map<String, Long> registered = new TreeMap<>();
        for (CaseReports.RegistrarCount r : cases.registrars(a, b)) {
            if (r.live() > 0) byUser.computeIfAbsent(r.registeredBy(), k -> new long[4]);
            registered.put(r.registeredBy(), r.registered());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byUser.forEach((k, v) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("operator", k); r.put("calls", v[0]); r.put("talkSeconds", v[1]); r.put("pauses", v[2]); r.put("logins", v[3]);
            r.put("casesRegistered", registered.getOrDefault(k, 0L));
            rows.add(r);
        });
        return new Report(name, title, from, to, List.of(new Column("operator", "کارشناس", "string"), new Column("calls", "تماس‌ها", "number"),
                new Column("talkSeconds", "زمان مکالمه (ثانیه)", "number"), new Column("pauses", "توقف‌ها", "number"),
                new Column("logins", "ورود به صف", "number"), new Column("casesRegistered", "پرونده‌های ثبت‌شده", "number")), rows, null);
    }

    private static Map<String, Object> row(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(k1, v1);
        r.put(k2, v2);
        return r;
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
