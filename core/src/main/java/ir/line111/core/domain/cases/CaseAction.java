package ir.line111.core.domain.cases;

import java.util.ArrayList;
import java.util.List;

/** What can be done to a case in its status (the console's buttons); the one place that decides it. */
public enum CaseAction {
    REFER, ANSWER, OBJECTION, BOARD, CLOSE, MESSAGE, TRANSCRIBE;

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
}
