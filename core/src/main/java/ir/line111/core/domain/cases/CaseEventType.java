package ir.line111.core.domain.cases;

/** What a timeline entry records. Stored by name: add new ones at the end, never rename. */
public enum CaseEventType {
    REGISTERED("ثبت"),
    VOICEMAIL_REGISTERED("ثبت پیام صوتی"),
    LINKED_AS_DUPLICATE("پیوند به پرونده باز مشابه"),
    DUPLICATE_REGISTERED("ثبت پرونده مشابه"),
    MESSAGE_ADDED("پیام تکمیلی"),
    TRANSCRIBED("پیاده‌سازی پیام"),
    DETAILS_CHANGED("ویرایش"),
    REFERRED("ارجاع"),
    ANSWERED("پاسخ"),
    OBJECTION("اعتراض"),
    SENT_TO_BOARD("ارسال به هیأت"),
    CLOSED("مختومه"),
    NOTE("یادداشت");

    private final String persian;
    CaseEventType(String persian) { this.persian = persian; }
    public String persian() { return persian; }
}
