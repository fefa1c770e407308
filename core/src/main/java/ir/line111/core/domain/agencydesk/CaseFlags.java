package ir.line111.core.domain.agencydesk;

import java.time.Instant;

/**
 * What a supervisor decided about a case beyond its status: urgent (فوری, with the reason), and what the
 * agency may see: the recordings, and the subject's national ID (only where the matter needs it).
 */
public record CaseFlags(boolean urgent, String urgentReason, Instant urgentAt, boolean recordingsShared,
                        boolean nationalIdNeeded, Instant escalatedAt) {
    public static final CaseFlags NONE = new CaseFlags(false, null, null, false, false, null);
}
