package ir.line111.console.wrapup;

import ir.line111.console.http.Csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The wrap-up report as CSV for spreadsheet programs: UTF-8 with a BOM, Persian headers, the stable code in its own column. */
final class WrapUpCsv {
    private WrapUpCsv() {}

    private static final List<Csv.Column> COLUMNS = List.of(new Csv.Column("code", "کد"), new Csv.Column("label", "عنوان"),
            new Csv.Column("status", "وضعیت"), new Csv.Column("calls", "تعداد تماس"));
    static final String HEADER = String.join(",", COLUMNS.stream().map(Csv.Column::header).toList());

    static String of(List<WrapUpStore.Count> counts) {
        List<Map<String, Object>> rows = counts.stream().map(k -> {
            Map<String, Object> row = new HashMap<>();
            row.put("code", k.code());
            row.put("label", k.label());
            row.put("status", k.active() ? "فعال" : "بازنشسته");
            row.put("calls", k.calls());
            return row;
        }).toList();
        return Csv.write(COLUMNS, rows);
    }
}
