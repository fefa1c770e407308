package ir.line111.core.domain.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTextTest {

    /** Rows written before V10 kept English in detail: they render in Persian by type, the person's words kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "REGISTERED|COMPLAINT via PHONE_LIVE, SIMPLE|شکایت از راه تلفن — گفت‌وگو با کارشناس، مهلت ساده — ۱۰ روز",
            "REGISTERED|REQUEST, CORRESPONDENCE|درخواست، مهلت نیازمند مکاتبه — ۱۵ روز",
            "VOICEMAIL_REGISTERED|message left by 09131234567|پیام صوتی از شمارهٔ \u2066۰۹۱۳۱۲۳۴۵۶۷\u2069",
            "VOICEMAIL_REGISTERED|message left by -|پیام صوتی از شماره‌ای ناشناس",
            "REFERRED|referred to شهرداری: فوری|ارجاع به شهرداری: فوری",
            "OBJECTION|objection 1: هنوز آب نیست|اعتراض اول: هنوز آب نیست",
            "OBJECTION|objection 3 (after the complaints board's decision)|اعتراض سوم (پس از رأی هیأت رسیدگی به شکایات؛ فقط ثبت شد)",
            "SENT_TO_BOARD|second objection: the matter goes to the complaints board|اعتراض دوم: پرونده به هیأت رسیدگی به شکایات رفت",
            "CLOSED|not a matter: SILENCE|کنار گذاشته شد، دلیل: سکوت یا پیام خالی",
            "LINKED_AS_DUPLICATE|likely duplicate of open case 086574657|احتمالاً تکرار پرونده باز \u2066۰۸۶-۵۷۴-۶۵۷\u2069",
            "DUPLICATE_REGISTERED|case 086574657 registered about the same person|پرونده \u2066۰۸۶-۵۷۴-۶۵۷\u2069 دربارهٔ همین شخص ثبت شد",
            "NOTE|تماس گرفته شد|تماس گرفته شد",
    })
    void legacyEnglishRowsRenderInPersian(CaseEventType type, String detail, String persian) {
        assertThat(TimelineText.render(type, TimelineText.params(type, null, detail))).isEqualTo(persian);
    }

    @Test
    void parametersSurviveTheirStoredForm() {
        Map<String, String> p = Map.of("agency", "آب و فاضلاب & شهرداری = ۱", "n", "2");
        assertThat(TimelineText.decode(TimelineText.encode(p))).isEqualTo(p);
        assertThat(TimelineText.params(CaseEventType.OBJECTION, "n=2", "still dry"))
                .containsEntry("n", "2").containsEntry(TimelineText.TEXT, "still dry");
    }

    @Test
    void everySentenceIsPersianWithCodesIsolated() {
        for (CaseEventType t : CaseEventType.values()) {
            String s = TimelineText.render(t, Map.of("kind", "REPORT", "channel", "SMS", "deadline", "SIMPLE", "caller", "0912",
                    "code", "123456789", "agency", "شهرداری", "n", "7", "reason", "SECOND_OBJECTION", "notAMatter", "TEST"));
            assertThat(s).as(t.name()).doesNotContainPattern("[A-Za-z0-9]");
        }
        assertThat(TimelineText.render(CaseEventType.OBJECTION, Map.of("n", "7"))).isEqualTo("اعتراض شمارهٔ \u2066۷\u2069");
    }
}
