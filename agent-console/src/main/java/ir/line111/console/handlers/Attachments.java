package ir.line111.console.handlers;

import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.Call;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.security.Role;
import ir.line111.console.store.AuditLog;

import java.util.Optional;

/**
 * Which audio a case may take as an attachment (a caller's message, an agency's audio answer): only
 * audio of this case, or of a call this case came from, or the operator's own screen-pop. Anything
 * else, and an id that is not there, is 404 alike: attaching must not become a way to reach a
 * recording one could not play (an orphan, another case's, a live call's).
 */
final class Attachments {
    private Attachments() {}

    static void mustBelong(ConsoleContext cx, Call c, long caseId, Long recordingId) {
        if (recordingId == null) return;
        Optional<RecordingCatalog.RecordingInfo> info = cx.recordings().find(recordingId);
        if (info.isPresent() && belongs(cx, c, caseId, info.get())) return;
        cx.audit().record(c.username(), AuditLog.Action.REFUSED, caseId, recordingId, null,
                info.isEmpty() ? "attach: no such recording" : "attach: recording of another call or case", c.ip());
        throw new ApiException(404, "not_found", "فایل صوتی پیدا نشد یا از این پرونده و تماس‌های آن نیست", "recordingId");
    }

    /**
     * The call whose audio a case registered from a screen-pop takes: the call of the spoken-ID clip
     * that was popped to this operator. A clip not popped to them is 404 like any unreachable one.
     */
    static String poppedCall(ConsoleContext cx, Call c, Long spokenIdRecordingId) {
        if (spokenIdRecordingId == null) return null;
        Optional<RecordingCatalog.RecordingInfo> info = cx.recordings().find(spokenIdRecordingId);
        if (info.isPresent() && info.get().callId() != null && c.has(Role.OPERATOR) && c.session().popped(spokenIdRecordingId)) {
            return info.get().callId();
        }
        cx.audit().record(c.username(), AuditLog.Action.REFUSED, null, spokenIdRecordingId, null, "register: spoken ID not popped to this operator", c.ip());
        throw new ApiException(404, "not_found", "فایل صوتی پیدا نشد یا در این تماس به شما نشان داده نشده است", "spokenIdRecordingId");
    }

    private static boolean belongs(ConsoleContext cx, Call c, long caseId, RecordingCatalog.RecordingInfo info) {
        Optional<Long> owner = caseOf(cx, info);
        if (owner.isPresent()) return owner.get() == caseId;
        if (info.callId() != null && cx.desk().callsOf(caseId).contains(info.callId())) return true;
        return c.has(Role.OPERATOR) && c.session().popped(info.id());
    }

    /** The case a recording belongs to: named by the case or its timeline, else by the store. */
    static Optional<Long> caseOf(ConsoleContext cx, RecordingCatalog.RecordingInfo info) {
        Optional<Long> linked = cx.desk().caseOfRecording(info.id());
        return linked.isPresent() ? linked : Optional.ofNullable(info.caseId());
    }
}
