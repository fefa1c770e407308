package ir.line111.core.domain.cases;

/**
 * A row of a case list: the summary plus what lists show beside it. {@code overdue}: open and past its due date;
 * {@code urgent}: marked urgent (فوری, issue 16) — such rows come first in every list.
 */
public record CaseListItem(CaseSummary summary, Long agencyId, String summaryText, String callerNumber, boolean overdue,
                           boolean urgent) {}
