package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.ivr.DialplanContract;

import java.util.Map;

/**
 * What the IVR handed the dialplan before Queue() (its LINE111_* channel variables), parsed once where it
 * comes back in from Asterisk over AMI: from here on the IDs are {@link NationalId}s, never strings.
 * A value that does not parse is treated as absent (the IVR only sets verified IDs).
 */
record CallerFacts(NationalId nationalId, boolean nationalIdVerified, Long spokenIdRecordingId, NationalId subjectNationalId,
                   Relation relation, Long draftCaseId, String conversationFile) {

    static final CallerFacts NONE = new CallerFacts(null, false, null, null, Relation.SELF, null, null);

    static CallerFacts of(Map<String, String> vars) {
        return new CallerFacts(id(vars.get(DialplanContract.VAR_NATIONAL_ID)),
                truthy(vars.get(DialplanContract.VAR_NATIONAL_ID_VERIFIED)),
                number(vars.get(DialplanContract.VAR_SPOKEN_ID_RECORDING)),
                id(vars.get(DialplanContract.VAR_SUBJECT_NATIONAL_ID)),
                relation(vars.get(DialplanContract.VAR_RELATION)),
                number(vars.get(DialplanContract.VAR_DRAFT_CASE)),
                QueueJson.blankToNull(vars.get(DialplanContract.VAR_CONVERSATION_FILE)));
    }

    /** Whose matter it is: the subject's ID, else (SELF) the caller's. The earlier cases are this ID's. */
    NationalId subject() {
        return subjectNationalId != null ? subjectNationalId : relation == Relation.SELF ? nationalId : null;
    }

    private static NationalId id(String s) {
        if (s == null || s.isBlank()) return null;
        return NationalId.parse(s) instanceof NationalId.Parsed.Valid v ? v.id() : null;
    }

    private static Relation relation(String s) {
        if (s == null || s.isBlank()) return Relation.SELF;
        try {
            return Relation.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            return Relation.SELF;
        }
    }

    private static boolean truthy(String s) {
        return s != null && switch (s.strip().toLowerCase()) {
            case "1", "true", "yes", "y", "verified" -> true;
            default -> false;
        };
    }

    private static Long number(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
