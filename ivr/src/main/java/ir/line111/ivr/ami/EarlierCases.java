package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.identity.NationalId;

import java.util.List;

/**
 * The caller's earlier cases for the screen-pop. Pluggable so the composition root can back it with
 * core's case search; may block (it runs on a virtual thread, never on the AMI reader).
 */
@FunctionalInterface
public interface EarlierCases {

    /** {@code nationalId} is null when the caller gave none; newest first, at most a screenful. */
    List<CaseSummary> find(String callerNumber, NationalId nationalId);

    EarlierCases NONE = (number, id) -> List.of();
}
