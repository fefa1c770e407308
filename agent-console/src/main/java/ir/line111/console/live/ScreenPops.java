package ir.line111.console.live;

import ir.line111.console.security.Session;
import ir.line111.console.store.AuditLog;
import ir.line111.core.domain.events.ScreenPop;

/**
 * The audit entry of a screen-pop shown to an operator. The earlier cases come with the screen-pop: the
 * AMI adapter looked them up once, by the subject's ID; the console and the desk look nothing up.
 */
public final class ScreenPops {
    private ScreenPops() {}

    public static void audit(AuditLog audit, Session s, ScreenPop pop) {
        audit.record(s.username(), AuditLog.Action.VIEW_NATIONAL_ID, pop.draftCaseId(), pop.spokenIdRecordingId(),
                pop.nationalId() == null ? null : pop.nationalId().masked(), "screen-pop " + pop.callId(), s.ip());
    }
}
