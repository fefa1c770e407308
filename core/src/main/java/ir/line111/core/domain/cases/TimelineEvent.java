package ir.line111.core.domain.cases;

import java.time.Instant;

/** One entry of a case's timeline: who, when, what. {@code from}/{@code to} are set for status changes only. */
public record TimelineEvent(long id, long caseId, Instant at, Actor actor, CaseEventType type, String detail,
                            CaseStatus from, CaseStatus to, String callId, Long recordingId) {}
