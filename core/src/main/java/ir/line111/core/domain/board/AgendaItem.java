package ir.line111.core.domain.board;

import ir.line111.core.domain.agencydesk.InboxItem;

import java.time.Instant;

/**
 * A case on a session's agenda. {@code attended}: null until recorded; the verdict (binding) with the agency's
 * deadline to comply, and when it complied.
 */
public record AgendaItem(long sessionId, InboxItem item, String subjectName, Boolean attended, String verdict,
                         Instant verdictAt, Instant complyBy, Instant compliedAt) {}
