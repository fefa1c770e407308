package ir.line111.core.domain.cases;

import java.time.Instant;
import java.util.Set;

/**
 * What the console searches cases by; null (or empty) means "any". {@code registeredFrom} is
 * inclusive, {@code registeredTo} exclusive; {@code dueBefore} (exclusive) with {@code openOnly}
 * lists what is due or overdue. {@code channels} limits what a role may see (a transcriber sees only
 * PHONE_MESSAGE). {@code overdue}: true only overdue cases, false only those that are not, null
 * either ({@link CaseRules#overdue}). "Due before" and "overdue" are {@link CaseRules#dueBefore},
 * evaluated in the query. Pages count from 0; newest registration first, or the earliest due first
 * when the query is about due dates ({@code dueBefore}, or {@code overdue} true).
 */
public record CaseQuery(String trackingCode, String nationalId, String callerNumber, Long agencyId, CaseKind kind,
                        Set<CaseStatus> statuses, Set<Channel> channels, Instant registeredFrom, Instant registeredTo,
                        Instant dueBefore, boolean openOnly, int page, int size, Boolean overdue) {

    public static final int MAX_SIZE = 200;

    public CaseQuery(String trackingCode, String nationalId, String callerNumber, Long agencyId, CaseKind kind,
                     Set<CaseStatus> statuses, Set<Channel> channels, Instant registeredFrom, Instant registeredTo,
                     Instant dueBefore, boolean openOnly, int page, int size) {
        this(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo,
                dueBefore, openOnly, page, size, null);
    }

    public CaseQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        if (page < 0) throw new IllegalArgumentException("page counts from 0");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("page size is 1 to " + MAX_SIZE);
    }

    /** Every case, first page of {@code size}. */
    public static CaseQuery all(int size) {
        return new CaseQuery(null, null, null, null, null, Set.of(), Set.of(), null, null, null, false, 0, size);
    }

    public CaseQuery withTrackingCode(String v) { return new CaseQuery(v, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery withNationalId(String v) { return new CaseQuery(trackingCode, v, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery withCallerNumber(String v) { return new CaseQuery(trackingCode, nationalId, v, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery withAgency(Long v) { return new CaseQuery(trackingCode, nationalId, callerNumber, v, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery withKind(CaseKind v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, v, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery withStatuses(Set<CaseStatus> v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, v, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery withChannels(Set<Channel> v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, v, registeredFrom, registeredTo, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery registeredBetween(Instant from, Instant to) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, from, to, dueBefore, openOnly, page, size, overdue); }
    public CaseQuery dueBefore(Instant v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, v, true, page, size, overdue); }
    public CaseQuery openOnly(boolean v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, v, page, size, overdue); }
    public CaseQuery page(int v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, v, size, overdue); }
    public CaseQuery overdue(Boolean v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size, v); }

    /** Ordered by due date (earliest first) rather than by registration. */
    public boolean byDueDate() {
        return dueBefore != null || Boolean.TRUE.equals(overdue);
    }
}
