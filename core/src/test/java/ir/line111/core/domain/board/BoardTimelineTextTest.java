package ir.line111.core.domain.board;

import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.TimelineText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The issue-16 timeline entries read in Persian, dates in Persian digits isolated left-to-right. */
class BoardTimelineTextTest {
    @Test
    void theBoardAndTheAgencyDeskSpeakPersian() {
        assertThat(TimelineText.render(CaseEventType.BOARD_VERDICT, Map.of("complyBy", "1405/09/24 10:00", TimelineText.TEXT, "لوله تعویض شود")))
                .isEqualTo("رأی هیأت؛ مهلت اجرای دستگاه تا \u2066۱۴۰۵/۰۹/۲۴ ۱۰:۰۰\u2069: لوله تعویض شود");
        assertThat(TimelineText.render(CaseEventType.BOARD_ATTENDANCE, Map.of("attended", "false"))).isEqualTo("شاکی در جلسهٔ هیأت حاضر نشد");
        assertThat(TimelineText.render(CaseEventType.EXTENSION_REQUESTED, Map.of("requested", "INSPECTION", TimelineText.TEXT, "بازدید لازم است")))
                .isEqualTo("درخواست مهلت بیشتر: نیازمند بازرسی — ۲۵ روز: بازدید لازم است");
        assertThat(TimelineText.render(CaseEventType.RETURNED_BY_AGENCY, Map.of("agency", "شرکت آب")))
                .isEqualTo("شرکت آب پرونده را بازگرداند: مربوط به این دستگاه نیست");
        assertThat(TimelineText.render(CaseEventType.MARKED_URGENT, Map.of(TimelineText.TEXT, "بیمارستان"))).isEqualTo("بیمارستان");
    }
}
