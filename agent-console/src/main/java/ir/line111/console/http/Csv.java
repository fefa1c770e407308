package ir.line111.console.http;

import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with Persian headers and a BOM (spreadsheets then read UTF-8); a cell a spreadsheet would
 * take for a formula is prefixed with a quote. Columns are (key, Persian header). The one CSV writer of the console.
 */
public final class Csv {
    private Csv() {}

    public record Column(String key, String header) {}

    public static String write(List<Column> columns, List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", columns.stream().map(c -> cell(c.header())).toList())).append("\r\n");
        for (Map<String, Object> row : rows) {
            sb.append(String.join(",", columns.stream().map(c -> cell(row.get(c.key()))).toList())).append("\r\n");
        }
        return sb.toString();
    }

    public static String cell(Object v) {
        if (v == null) return "";
        String s = v.toString();
        if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) s = "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
