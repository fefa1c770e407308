package ir.line111.core.persistence;

import ir.line111.core.domain.cases.CaseStatus;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQL conditions on core's case tables ({@code case_record}, {@code case_event}) for another module's
 * statement that must read them in the same statement, not in a second round trip: the recordings'
 * retention UPDATE must see a case opened a moment earlier, and their reconciler picks lost
 * messages in one SELECT. Core owns these tables, so the SQL that reads them is written here and
 * nowhere else; a caller names the alias of its recording row ({@code id}, {@code case_id},
 * {@code call_id} columns) and splices the condition in. Nothing here takes input: aliases are
 * checked to be plain identifiers, and the statuses come from {@link CaseStatus}.
 */
public final class CaseTables {
    private CaseTables() {}

    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]*");

    /** The open statuses as an SQL list ({@link CaseStatus#isOpen}). */
    static String openStatuses() {
        return Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * True when a case that is still open holds recording {@code r}: as its spoken ID or message, by
     * the recording's own {@code case_id}, or through a timeline entry naming it.
     */
    public static String heldByOpenCase(String r) {
        alias(r);
        return "(EXISTS (SELECT 1 FROM case_record c WHERE c.status IN " + openStatuses()
                + " AND (c.id = " + r + ".case_id OR c.spoken_id_recording_id = " + r + ".id OR c.message_recording_id = " + r + ".id))"
                + " OR EXISTS (SELECT 1 FROM case_event e JOIN case_record c ON c.id = e.case_id"
                + " WHERE e.recording_id = " + r + ".id AND c.status IN " + openStatuses() + "))";
    }

    /** The lowest id of a case that holds recording {@code r} as its message, or NULL (a scalar subquery). */
    public static String caseHoldingMessage(String r) {
        alias(r);
        return "(SELECT MIN(k.id) FROM case_record k WHERE k.message_recording_id = " + r + ".id)";
    }

    /**
     * True when a case holds recording {@code r} as its message, or when nothing refers to it or to
     * its call at all (no timeline entry carries it or came from its call, no case was registered
     * from its call): a message that was adopted and then lost, or registered by a run that died
     * before it was attached.
     */
    public static String messageHeldOrUnclaimed(String r) {
        alias(r);
        return "(EXISTS (SELECT 1 FROM case_record k WHERE k.message_recording_id = " + r + ".id)"
                + " OR (NOT EXISTS (SELECT 1 FROM case_event e WHERE e.recording_id = " + r + ".id OR e.call_id = " + r + ".call_id)"
                + " AND NOT EXISTS (SELECT 1 FROM case_record k WHERE k.call_id = " + r + ".call_id)))";
    }

    private static void alias(String a) {
        if (a == null || !ALIAS.matcher(a).matches()) throw new IllegalArgumentException("not an SQL alias: " + a);
    }
}
