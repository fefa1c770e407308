package ir.line111.core.domain.cases;

/**
 * A case with its details, from an operator, a transcriber or another channel. {@code callId},
 * {@code agencyId}, {@code callerNumber} may be null.
 */
public record NewCase(CaseKind kind, Channel channel, SubjectPerson subject, Long agencyId, String summary,
                      String description, DeadlineClass deadline, String callerNumber, String callId,
                      Actor registeredBy) {}
