package ir.line111.core.domain.cases;

/** The kinds of matter of DESIGN §1 (seed 004). */
public enum CaseKind {
    REQUEST("درخواست"),
    COMPLAINT("شکایت"),
    CRITICISM("انتقاد"),
    SUGGESTION("پیشنهاد"),
    REPORT("گزارش"),
    OPINION("نظر"),
    APPRECIATION("ابراز احساسات"),
    MEETING_REQUEST("درخواست ملاقات");

    private final String persian;
    CaseKind(String persian) { this.persian = persian; }
    public String persian() { return persian; }
}
