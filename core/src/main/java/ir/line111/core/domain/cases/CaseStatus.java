package ir.line111.core.domain.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a case (DESIGN §5). The allowed transitions live here and only here.
 * An objection after an answer re-opens the matter with the agency; the second objection sends it
 * to the complaints board (هیأت رسیدگی به شکایات).
 */
public enum CaseStatus {
    REGISTERED("ثبت شده"),
    AWAITING_TRANSCRIPTION("در انتظار پیاده‌سازی پیام"),
    REFERRED("ارجاع شده"),
    ANSWERED("پاسخ داده شده"),
    OBJECTION_1("اعتراض اول"),
    OBJECTION_2("اعتراض دوم"),
    COMPLAINTS_BOARD("هیأت رسیدگی به شکایات"),
    CLOSED("مختومه");

    private final String persian;
    CaseStatus(String persian) { this.persian = persian; }
    public String persian() { return persian; }

    public Set<CaseStatus> next() {
        return switch (this) {
            case AWAITING_TRANSCRIPTION -> EnumSet.of(REGISTERED, CLOSED);
            case REGISTERED -> EnumSet.of(REFERRED, ANSWERED, CLOSED);
            case REFERRED -> EnumSet.of(ANSWERED, REFERRED, CLOSED);
            // A second objection comes after the agency answered the first one.
            case ANSWERED -> EnumSet.of(OBJECTION_1, OBJECTION_2, CLOSED);
            case OBJECTION_1 -> EnumSet.of(REFERRED, ANSWERED, OBJECTION_2, CLOSED);
            case OBJECTION_2 -> EnumSet.of(COMPLAINTS_BOARD);
            case COMPLAINTS_BOARD -> EnumSet.of(ANSWERED, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Open cases count for the duplicate rule and for deadlines. */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
