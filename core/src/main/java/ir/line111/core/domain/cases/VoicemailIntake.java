package ir.line111.core.domain.cases;

import java.time.Instant;

/**
 * A message left on the IVR: registered at once so the caller hears a tracking code now; a
 * transcriber fills in kind, agency and summary later. Recording ids may be null when none was made.
 */
public record VoicemailIntake(String callId, String callerNumber, SubjectPerson subject,
                              Long spokenIdRecordingId, Long messageRecordingId, Instant at) {}
