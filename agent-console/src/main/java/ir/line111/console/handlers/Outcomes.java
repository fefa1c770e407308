package ir.line111.console.handlers;

import ir.line111.console.http.ApiException;
import ir.line111.console.store.CaseActions;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseStatus;

/** What an action on a case came to, said in HTTP: the one place the console turns a refusal into a status code. */
final class Outcomes {
    private Outcomes() {}

    /** The case as it now is when done; otherwise the refusal, thrown as the API error. */
    static CaseDetail done(CaseActions.Outcome outcome) {
        return switch (outcome) {
            case CaseActions.Done d -> d.detail();
            case CaseActions.NotAllowed n -> throw ApiException.conflict(notAllowed(n.action(), n.status()));
            case CaseActions.UnknownAgency u -> throw ApiException.invalid("agencyId", "دستگاه اجرایی یافت نشد");
            case CaseActions.NoSuchCase x -> throw ApiException.notFound();
        };
    }

    static String notAllowed(CaseAction action, CaseStatus status) {
        return switch (action) {
            case OBJECTION -> "اعتراض فقط پس از پاسخ دستگاه ثبت می‌شود";
            case CLOSE -> status == CaseStatus.AWAITING_TRANSCRIPTION ? "پیام ضبط‌شده را در میز پیاده‌سازی ببندید" : "در وضعیت کنونی پرونده این کار ممکن نیست";
            case MESSAGE -> "پرونده مختومه است";
            case TRANSCRIBE -> "این پیام پیش‌تر رسیدگی شده است";
            default -> "در وضعیت کنونی پرونده این کار ممکن نیست";
        };
    }
}
