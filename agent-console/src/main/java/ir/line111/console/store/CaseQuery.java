package ir.line111.console.store;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;

import java.time.Instant;

/**
 * A case search; null fields do not filter. {@code onlyChannel} is the role's visibility limit (a
 * transcriber sees recorded messages only), applied on top of {@code channel}.
 */
public record CaseQuery(String trackingCode, String nationalId, String callerNumber, Long agencyId, CaseKind kind,
                        CaseStatus status, Channel channel, Boolean overdue, Instant from, Instant to,
                        Instant dueBefore, Channel onlyChannel, int page, int size) {}
