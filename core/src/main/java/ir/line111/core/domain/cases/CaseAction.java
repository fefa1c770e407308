package ir.line111.core.domain.cases;

import ir.line111.core.domain.users.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What can be done to a case (the console's buttons, and what its handlers allow): the one place
 * that decides it, from the status and the user's roles.
 */
public enum CaseAction {
    REFER, ANSWER, OBJECTION, BOARD, CLOSE, MESSAGE, TRANSCRIBE;

    /** The desk: those who talk to callers and work the cases. */
    private static final Set<Role> DESK = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);

    /** What the status allows, whoever asks (core's own rules: {@link CaseStatus#canMoveTo}, {@link CaseRules#mayObject}). */
    public static List<CaseAction> allowedIn(CaseStatus s) {
        List<CaseAction> a = new ArrayList<>();
        if (s == CaseStatus.AWAITING_TRANSCRIPTION) a.add(TRANSCRIBE);
        if (s.canMoveTo(CaseStatus.REFERRED)) a.add(REFER);
        if (s.canMoveTo(CaseStatus.ANSWERED)) a.add(ANSWER);
        if (CaseRules.mayObject(s)) a.add(OBJECTION);
        if (s.canMoveTo(CaseStatus.COMPLAINTS_BOARD)) a.add(BOARD);
        if (s.canMoveTo(CaseStatus.CLOSED)) a.add(CLOSE);
        if (s.isOpen()) a.add(MESSAGE);
        return a;
    }

    /**
     * What a user with {@code roles} may do to a case in status {@code s}: the supervisor refers,
     * answers, sends to the board and closes; the desk (operator or supervisor) takes an objection
     * and adds a caller's message; the transcriber registers a recorded message. A message awaiting
     * transcription is closed at the workbench (set aside as no matter), never from the case page.
     */
    public static List<CaseAction> allowedIn(CaseStatus s, Set<Role> roles) {
        boolean supervisor = roles.contains(Role.SUPERVISOR);
        boolean desk = roles.stream().anyMatch(DESK::contains);
        List<CaseAction> a = new ArrayList<>();
        for (CaseAction action : allowedIn(s)) {
            boolean may = switch (action) {
                case REFER, ANSWER, BOARD -> supervisor;
                case CLOSE -> supervisor && s != CaseStatus.AWAITING_TRANSCRIPTION;
                case OBJECTION, MESSAGE -> desk;
                case TRANSCRIBE -> roles.contains(Role.TRANSCRIBER);
            };
            if (may) a.add(action);
        }
        return a;
    }

    /** Whether {@code roles} may do this to a case in {@code s}. */
    public boolean allowed(CaseStatus s, Set<Role> roles) {
        return allowedIn(s, roles).contains(this);
    }
}
