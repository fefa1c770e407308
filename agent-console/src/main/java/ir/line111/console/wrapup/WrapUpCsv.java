package ir.line111.console.wrapup;

import java.util.List;

/** The wrap-up report as CSV for spreadsheet programs: UTF-8 with a BOM, Persian headers, the stable code in its own column. */
final class WrapUpCsv {
    static final String HEADER = "کد,عنوان,وضعیت,تعداد تماس";

    private WrapUpCsv() {}

    static String of(List<WrapUpStore.Count> counts) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (WrapUpStore.Count k : counts) {
            out.append(cell(k.code())).append(',').append(cell(k.label())).append(',')
                    .append(k.active() ? "فعال" : "بازنشسته").append(',').append(k.calls()).append("\r\n");
        }
        return out.toString();
    }

    /** Quoted when needed; a leading = + - @ is defused so a label cannot become a spreadsheet formula. */
    private static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.matches(".*[\",\\r\\n].*") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
