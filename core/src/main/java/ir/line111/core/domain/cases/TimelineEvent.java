package ir.line111.core.domain.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a case's timeline: who, when, what. {@code from}/{@code to} are set for status changes only.
 * {@code params} are the entry's stable parameters (TimelineText), {@code detail} what a person wrote.
 */
public record TimelineEvent(long id, long caseId, Instant at, Actor actor, CaseEventType type, String detail,
                            CaseStatus from, CaseStatus to, String callId, Long recordingId, Map<String, String> params) {

    public TimelineEvent {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** The Persian sentence people read. */
    public String text() {
        return TimelineText.render(type, params);
    }
}
