package ir.line111.core.domain.events;

import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.identity.NationalId;

import java.time.Instant;
import java.util.List;

/**
 * An operator was connected to a caller ({@link EventAddresses#SCREEN_POP}, published by the AMI adapter on
 * AgentConnect). The national IDs travel typed: parsed once where they entered from Asterisk, never again.
 *
 * @param callId             the IVR's call id (LINE111_CALL_ID), else Asterisk's unique id
 * @param operator           the queue member's interface, e.g. PJSIP/1001
 * @param operatorName       the member name: the console username the operator logged into the queue with
 * @param nationalId         the caller's ID, null when none was verified
 * @param spokenIdRecordingId the recording of the spoken ID (the operator may play it), null when none
 * @param subjectNationalId  whose matter it is (the caller's own ID when {@code relation} is SELF), or null
 * @param relation           the subject relative to the caller; SELF when the IVR said nothing
 * @param draftCaseId        the case the IVR had already opened (a follow-up handed over), or null
 * @param conversationFile   MixMonitor's base path of the conversation, or null
 * @param earlierCases       the subject's earlier cases, newest first: looked up once, by the subject's ID
 */
public record ScreenPop(String callId, String uniqueId, String channel, String queue, String operator, String operatorName,
                        String callerNumber, String callerName, NationalId nationalId, boolean nationalIdVerified,
                        Long spokenIdRecordingId, NationalId subjectNationalId, Relation relation, Long draftCaseId,
                        String conversationFile, long waitSeconds, Instant connectedAt, List<EarlierCase> earlierCases) {

    public ScreenPop {
        relation = relation == null ? Relation.SELF : relation;
        earlierCases = earlierCases == null ? List.of() : List.copyOf(earlierCases);
    }

    /** Whose earlier cases the operator sees: the subject's, else (a SELF call that only set the caller's) the caller's. */
    public NationalId subject() {
        return subjectNationalId != null ? subjectNationalId : relation == Relation.SELF ? nationalId : null;
    }
}
