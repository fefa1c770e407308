package ir.line111.console.store;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailRegistration;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.users.Role;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The staff's actions on a case, done by core's {@link CaseDesk} (the status rules and the timeline
 * live there). Whether the user may do it in the case's status is {@link CaseAction#allowedIn}'s one
 * decision; what is refused comes back as an {@link Outcome}, never as an HTTP error: the handler
 * says it in HTTP. A change that loses a race with another is still refused by core
 * ({@code CaseRuleException}).
 */
public final class CaseActions {

    /** What a transcriber filled in for a voicemail. */
    public record Transcribed(CaseKind kind, String subjectNationalId, boolean idVerified, Relation relation,
                              String subjectFullName, Long agencyId, String summary, String description,
                              DeadlineClass deadline, String transcript) {}

    /** Who acts: the name on the timeline, and the roles the rules look at. */
    public record Staff(String username, Set<Role> roles) {
        public Staff {
            roles = Set.copyOf(roles);
        }

        Actor actor() {
            return new Actor(username);
        }
    }

    /** What became of an action. */
    public sealed interface Outcome permits Done, NotAllowed, UnknownAgency, NoSuchCase {}

    /** Done; the case as it now is. */
    public record Done(CaseDetail detail) implements Outcome {}

    /** Not for this user in the case's status. */
    public record NotAllowed(CaseAction action, CaseStatus status) implements Outcome {}

    /** The agency named is not there (or, for a referral, no longer active). */
    public record UnknownAgency(long agencyId) implements Outcome {}

    public record NoSuchCase(long caseId) implements Outcome {}

    private final CaseDesk desk;
    private final CaseRegistry registry;
    private final AdminStore admin;

    public CaseActions(CaseDesk desk, CaseRegistry registry, AdminStore admin) {
        this.desk = desk;
        this.registry = registry;
        this.admin = admin;
    }

    /** Why {@code staff} may not do {@code action} to the case now (its status as core has it); empty when they may. */
    public Optional<Outcome> refusal(long caseId, CaseAction action, Staff staff) {
        CaseListItem item = desk.item(caseId).orElse(null);
        if (item == null) return Optional.of(new NoSuchCase(caseId));
        CaseStatus status = item.summary().status();
        return action.allowed(status, staff.roles()) ? Optional.empty() : Optional.of(new NotAllowed(action, status));
    }

    public Outcome refer(long caseId, long agencyId, String note, Staff staff) {
        return when(caseId, CaseAction.REFER, staff, () -> {
            if (admin.agency(agencyId).filter(AdminStore.Agency::active).isEmpty()) return new UnknownAgency(agencyId);
            return new Done(desk.refer(caseId, agencyId, note, staff.actor()));
        });
    }

    public Outcome answer(long caseId, String text, Long recordingId, Staff staff) {
        return when(caseId, CaseAction.ANSWER, staff, () -> new Done(desk.answer(caseId, text, recordingId, staff.actor())));
    }

    public Outcome objection(long caseId, String note, Staff staff) {
        return when(caseId, CaseAction.OBJECTION, staff, () -> new Done(desk.registerObjection(caseId, note, null, staff.actor())));
    }

    public Outcome board(long caseId, String note, Staff staff) {
        return when(caseId, CaseAction.BOARD, staff, () -> new Done(desk.sendToBoard(caseId, note, staff.actor())));
    }

    public Outcome close(long caseId, String note, Staff staff) {
        return when(caseId, CaseAction.CLOSE, staff, () -> new Done(desk.close(caseId, note, staff.actor())));
    }

    /** A caller's further message (text, optionally a recording) on the timeline. */
    public Outcome message(long caseId, Long recordingId, String callId, String text, Staff staff) {
        return when(caseId, CaseAction.MESSAGE, staff, () -> {
            registry.addMessage(caseId, recordingId, callId, text, staff.actor());
            return detail(caseId);
        });
    }

    /** The workbench's registration: the voicemail becomes a full case under the code the caller already has. */
    public Outcome transcribed(long caseId, Transcribed t, Staff staff) {
        return when(caseId, CaseAction.TRANSCRIBE, staff, () -> {
            if (t.agencyId() != null && admin.agency(t.agencyId()).isEmpty()) return new UnknownAgency(t.agencyId());
            SubjectPerson subject = new SubjectPerson(NationalId.of(t.subjectNationalId()), t.idVerified(), t.relation(), t.subjectFullName());
            return new Done(desk.registerTranscribed(caseId, new VoicemailRegistration(t.kind(), subject, t.agencyId(), t.summary(),
                    t.description(), t.deadline(), t.transcript()), staff.actor()));
        });
    }

    /** Silence, a wrong number…: closed with the reason on the timeline. */
    public Outcome notAMatter(long caseId, String reason, String note, Staff staff) {
        return when(caseId, CaseAction.TRANSCRIBE, staff, () -> new Done(desk.notAMatter(caseId, reason, note, staff.actor())));
    }

    private Outcome when(long caseId, CaseAction action, Staff staff, Supplier<Outcome> work) {
        return refusal(caseId, action, staff).orElseGet(work);
    }

    private Outcome detail(long caseId) {
        return desk.detail(caseId).<Outcome>map(Done::new).orElseGet(() -> new NoSuchCase(caseId));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
