// Persian names of the domain's enums. The server's enums (core/domain/cases) are the source of truth:
// when the API sends a label with a value, that label wins; these are only for values sent bare.

export const KINDS = {
  REQUEST: 'درخواست', COMPLAINT: 'شکایت', CRITICISM: 'انتقاد', SUGGESTION: 'پیشنهاد', REPORT: 'گزارش',
  OPINION: 'نظر', APPRECIATION: 'ابراز احساسات', MEETING_REQUEST: 'درخواست ملاقات',
};

export const STATUSES = {
  REGISTERED: 'ثبت شده', AWAITING_TRANSCRIPTION: 'در انتظار پیاده‌سازی پیام', REFERRED: 'ارجاع شده',
  ANSWERED: 'پاسخ داده شده', OBJECTION_1: 'اعتراض اول', OBJECTION_2: 'اعتراض دوم',
  COMPLAINTS_BOARD: 'هیأت رسیدگی به شکایات', CLOSED: 'مختومه',
};

export const CHANNELS = {
  PHONE_LIVE: 'تلفن — گفت‌وگو با کارشناس', PHONE_MESSAGE: 'تلفن — پیام ضبط‌شده', SMS: 'پیامک', WEB: 'وب',
  LETTER: 'نامه', IN_PERSON: 'حضوری',
};

export const DEADLINES = {
  SIMPLE: 'ساده — ۱۰ روز', CORRESPONDENCE: 'نیازمند مکاتبه — ۱۵ روز', INSPECTION: 'نیازمند بازرسی — ۲۵ روز',
  CORRESPONDENCE_AND_INSPECTION: 'مکاتبه و بازرسی — ۳۵ روز',
};

export const RELATIONS = {
  SELF: 'خود تماس‌گیرنده', SPOUSE: 'همسر', CHILD: 'فرزند', PARENT: 'پدر یا مادر', SIBLING: 'خواهر یا برادر',
  OTHER_RELATIVE: 'سایر بستگان', OTHER: 'دیگری',
};

export const ROLES = {
  OPERATOR: 'کارشناس پاسخگو', TRANSCRIBER: 'پیاده‌ساز پیام', SUPERVISOR: 'ناظر', ADMIN: 'مدیر سامانه', LIAISON: 'کارشناس دستگاه',
};

export const OPERATOR_STATES = {
  READY: 'آماده', PAUSED: 'مکث', LOGGED_OUT: 'خارج از صف', OFFLINE: 'خارج از صف', ON_CALL: 'در مکالمه', IN_CALL: 'در مکالمه',
  UNAVAILABLE: 'در دسترس نیست',
  BUSY: 'در مکالمه', WRAP_UP: 'جمع‌بندی', RINGING: 'در حال زنگ',
};

export const PAUSE_REASONS = ['استراحت', 'ناهار و نماز', 'جلسه', 'آموزش', 'کار اداری', 'مشکل فنی'];

// core/domain/cases/CaseEventType (the server sends these bare), then the console's own entries.
export const EVENT_TYPES = {
  REGISTERED: 'ثبت', VOICEMAIL_REGISTERED: 'ثبت پیام صوتی', LINKED_AS_DUPLICATE: 'پیوند به پرونده باز مشابه',
  DUPLICATE_REGISTERED: 'ثبت پرونده مشابه', MESSAGE_ADDED: 'پیام تکمیلی', TRANSCRIBED: 'پیاده‌سازی پیام',
  DETAILS_CHANGED: 'ویرایش', REFERRED: 'ارجاع', ANSWERED: 'پاسخ', OBJECTION: 'اعتراض', SENT_TO_BOARD: 'ارسال به هیأت',
  CLOSED: 'مختومه', NOTE: 'یادداشت',
  // issue 16 (CaseEventType's Persian labels)
  EXTENSION_REQUESTED: 'درخواست تمدید مهلت', EXTENSION_APPROVED: 'موافقت با تمدید مهلت', EXTENSION_REFUSED: 'رد درخواست تمدید مهلت', RETURNED_BY_AGENCY: 'بازگشت از دستگاه: مربوط به این دستگاه نیست', RECORDINGS_SHARED: 'اشتراک صدا با دستگاه', RECORDINGS_UNSHARED: 'لغو اشتراک صدا با دستگاه', NATIONAL_ID_SHARED: 'اشتراک کد ملی با دستگاه', NATIONAL_ID_UNSHARED: 'لغو اشتراک کد ملی با دستگاه', MARKED_URGENT: 'فوری', URGENT_CLEARED: 'لغو فوری', ATTACHMENT_ADDED: 'پیوست دستگاه', BOARD_SCHEDULED: 'در دستور جلسه هیأت', BOARD_ATTENDANCE: 'حضور شاکی در جلسه هیأت', BOARD_VERDICT: 'رأی هیأت', VERDICT_COMPLIED: 'اجرای رأی هیأت', ESCALATED: 'ارجاع به سرپرست به‌سبب گذشتن مهلت',
  CALL: 'تماس', RECORDING: 'ضبط', MESSAGE: 'پیام تکمیلی', TRANSCRIPT: 'متن پیام', STATUS: 'تغییر وضعیت', BOARD: 'ارسال به هیأت',
};

/** Label of an enum value: the server's label when given, else ours, else «نامشخص» (a code is never shown to people). */
export function label(table, value, serverLabel) {
  if (serverLabel) return serverLabel;
  if (value == null) return '—';
  return table[value] ?? 'نامشخص';
}

export const options = table => Object.entries(table);
