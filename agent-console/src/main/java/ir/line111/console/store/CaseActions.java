package ir.line111.console.store;

import ir.line111.console.http.ApiException;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailRegistration;
import ir.line111.core.domain.identity.NationalId;

/**
 * The supervisor's and transcriber's actions on a case, done by core's {@link CaseDesk} (the status
 * rules and the timeline live there). Here only the console's refusals that read better in Persian:
 * an unknown agency is the client's mistake (400), not a missing case.
 */
public final class CaseActions {

    /** What a transcriber filled in for a voicemail. */
    public record Transcribed(CaseKind kind, String subjectNationalId, boolean idVerified, Relation relation,
                              String subjectFullName, Long agencyId, String summary, String description,
                              DeadlineClass deadline, String transcript) {}

    private final CaseDesk desk;
    private final AdminStore admin;

    public CaseActions(CaseDesk desk, AdminStore admin) {
        this.desk = desk;
        this.admin = admin;
    }

    public void refer(long caseId, long agencyId, String note, String actor) {
        if (admin.agency(agencyId).filter(AdminStore.Agency::active).isEmpty()) throw ApiException.invalid("agencyId", "دستگاه اجرایی یافت نشد");
        desk.refer(caseId, agencyId, note, new Actor(actor));
    }

    public void answer(long caseId, String text, Long recordingId, String actor) {
        desk.answer(caseId, text, recordingId, new Actor(actor));
    }

    public void objection(long caseId, String note, String actor) {
        desk.registerObjection(caseId, note, null, new Actor(actor));
    }

    public void board(long caseId, String note, String actor) {
        desk.sendToBoard(caseId, note, new Actor(actor));
    }

    public void close(long caseId, String note, String actor) {
        desk.close(caseId, note, new Actor(actor));
    }

    /** The workbench's registration: the voicemail becomes a full case under the code the caller already has. */
    public void transcribed(long caseId, Transcribed t, String actor) {
        if (t.agencyId() != null && admin.agency(t.agencyId()).isEmpty()) throw ApiException.invalid("agencyId", "دستگاه اجرایی یافت نشد");
        SubjectPerson subject = new SubjectPerson(NationalId.of(t.subjectNationalId()), t.idVerified(), t.relation(), t.subjectFullName());
        desk.registerTranscribed(caseId, new VoicemailRegistration(t.kind(), subject, t.agencyId(), t.summary(), t.description(),
                t.deadline(), t.transcript()), new Actor(actor));
    }

    /** Silence, a wrong number…: closed with the reason on the timeline. */
    public void notAMatter(long caseId, String reason, String note, String actor) {
        desk.notAMatter(caseId, reason, note, new Actor(actor));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
