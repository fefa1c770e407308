package ir.line111.core.domain.cases;

/**
 * What a transcriber fills in for a recorded message, registered under the tracking code the
 * caller already heard. {@code agencyId}, {@code deadline}, {@code transcript} may be null; the
 * corrected transcript goes on the timeline.
 */
public record VoicemailRegistration(CaseKind kind, SubjectPerson subject, Long agencyId, String summary,
                                    String description, DeadlineClass deadline, String transcript) {}
