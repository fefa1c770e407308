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
    NOTE("یادداشت"),
    // issue 16: the agency desk, urgent matters and the complaints board
    /** The agency asked for a longer deadline class (with the reason). */
    EXTENSION_REQUESTED("درخواست تمدید مهلت"),
    EXTENSION_APPROVED("موافقت با تمدید مهلت"),
    EXTENSION_REFUSED("رد درخواست تمدید مهلت"),
    /** The agency sent the case back: not its matter (with the reason); it returns to the supervisors' list. */
    RETURNED_BY_AGENCY("بازگشت از دستگاه: مربوط به این دستگاه نیست"),
    /** The supervisor let the agency hear the case's recordings (or took that back). */
    RECORDINGS_SHARED("اشتراک صدا با دستگاه"),
    RECORDINGS_UNSHARED("لغو اشتراک صدا با دستگاه"),
    /** The supervisor decided that the matter needs the subject's national ID at the agency (or not). */
    NATIONAL_ID_SHARED("اشتراک کد ملی با دستگاه"),
    NATIONAL_ID_UNSHARED("لغو اشتراک کد ملی با دستگاه"),
    MARKED_URGENT("فوری"),
    URGENT_CLEARED("لغو فوری"),
    /** A file the agency attached to its answer. */
    ATTACHMENT_ADDED("پیوست دستگاه"),
    /** The case joined a session's agenda of the complaints board (or moved with it). */
    BOARD_SCHEDULED("در دستور جلسه هیأت"),
    BOARD_ATTENDANCE("حضور شاکی در جلسه هیأت"),
    /** The complaints board's binding verdict, with the agency's deadline to comply. */
    BOARD_VERDICT("رأی هیأت"),
    /** The agency reported that it complied with the board's verdict. */
    VERDICT_COMPLIED("اجرای رأی هیأت"),
    /** Overdue at the agency: back on the supervisors' list. */
    ESCALATED("ارجاع به سرپرست به‌سبب گذشتن مهلت");

    private final String persian;
    CaseEventType(String persian) { this.persian = persian; }
    public String persian() { return persian; }
}
