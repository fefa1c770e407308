package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.identity.NationalId;

import java.util.List;

/**
 * The subject's earlier cases for the screen-pop: the one lookup (the console and the desk take them from
 * the screen-pop). Pluggable so the composition root can back it with core's case history; may block (it
 * runs on a virtual thread, never on the AMI reader).
 */
@FunctionalInterface
public interface EarlierCases {

    /** The cases about {@code subject} (never null: no ID, no lookup), newest first, at most a screenful. */
    List<CaseSummary> find(NationalId subject);

    EarlierCases NONE = subject -> List.of();
}
