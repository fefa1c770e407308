package ir.line111.console.handlers;

import ir.line111.console.http.Csv;

import ir.line111.console.store.Reports;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports as people read them: every row keyed by a code (a case kind, channel, status, call outcome, or
 * "UNSPECIFIED") carries its Persian label beside the code, and the CSV has Persian headers with the code
 * kept in its own column. The queries (store/Reports) return codes only; the words are added here.
 */
final class ReportText {
    private ReportText() {}

    /** Columns that hold a code, and the code column's header. */
    private static final Map<String, String> CODE_COLUMNS = Map.of("kind", "کد نوع", "channel", "کد مجرا", "status", "کد وضعیت",
            "outcome", "کد نتیجه");

    static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry(CallOutcome.IN_PROGRESS.name(), "در جریان"),
            Map.entry(CallOutcome.MESSAGE_LEFT.name(), "پیام ضبط‌شده"),
            Map.entry(CallOutcome.HANDED_TO_QUEUE.name(), "ورود به صف"),
            Map.entry(CallOutcome.ANSWERED_BY_OPERATOR.name(), "پاسخ کارشناس"),
            Map.entry(CallOutcome.ABANDONED_IN_QUEUE.name(), "رهاشده در صف"),
            Map.entry(CallOutcome.FOLLOW_UP_HEARD.name(), "شنیدن پاسخ پیگیری"),
            Map.entry(CallOutcome.OBJECTION_REGISTERED.name(), "ثبت اعتراض"),
            Map.entry(CallOutcome.CALLER_HUNG_UP.name(), "قطع تماس از سوی تماس‌گیرنده"),
            Map.entry(CallOutcome.NO_INPUT.name(), "بی‌پاسخ به پرسش‌ها"),
            Map.entry(CallOutcome.REFUSED_AT_CAPACITY.name(), "رد به سبب پر بودن ظرفیت"),
            Map.entry(CallOutcome.ERROR.name(), "خطای سامانه"));

    /** Persian for a code of the given column; "UNSPECIFIED", "UNKNOWN" and anything new: «نامشخص». */
    static String label(String column, Object code) {
        if (code == null) return "نامشخص";
        String k = code.toString();
        try {
            return switch (column) {
                case "kind" -> CaseKind.valueOf(k).persian();
                case "channel" -> Channel.valueOf(k).persian();
                case "status" -> CaseStatus.valueOf(k).persian();
                case "outcome" -> OUTCOMES.getOrDefault(k, "نامشخص");
                default -> k;
            };
        } catch (IllegalArgumentException unknown) {
            return "نامشخص";
        }
    }

    /** The report with a Persian label beside every code (column "label" right after the code column). */
    static Reports.Report persian(Reports.Report r) {
        if (r.columns().isEmpty()) return r;
        Reports.Column first = r.columns().getFirst();
        String codeHeader = CODE_COLUMNS.get(first.key());
        if (codeHeader == null) return r;
        boolean hasLabel = r.columns().stream().anyMatch(c -> c.key().equals("label"));
        List<Reports.Column> cols = new ArrayList<>();
        cols.add(new Reports.Column(first.key(), codeHeader, "code"));
        if (!hasLabel) cols.add(new Reports.Column("label", "عنوان", "string"));
        r.columns().stream().skip(1).forEach(cols::add);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : r.rows()) {
            Map<String, Object> out = new LinkedHashMap<>(row);
            out.put("label", label(first.key(), row.get(first.key())));
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (Reports.Column c : cols) ordered.put(c.key(), out.get(c.key()));
            out.forEach(ordered::putIfAbsent);
            rows.add(ordered);
        }
        return new Reports.Report(r.name(), r.title(), r.from(), r.to(), cols, rows, r.note());
    }

    /** RFC 4180 CSV with a BOM, Persian headers; cells a spreadsheet would read as a formula are prefixed with a quote. */
    static String csv(Reports.Report r) {
        return Csv.write(r.columns().stream().map(c -> new Csv.Column(c.key(), c.label() == null ? c.key() : c.label())).toList(), r.rows());
    }
}
