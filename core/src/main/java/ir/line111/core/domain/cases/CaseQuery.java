package ir.line111.core.domain.cases;

import java.time.Instant;
import java.util.Set;

/**
 * What the console searches cases by; null (or empty) means "any". {@code registeredFrom} is
 * inclusive, {@code registeredTo} exclusive; {@code dueBefore} (exclusive) with {@code openOnly}
 * lists what is due or overdue. {@code channels} limits what a role may see (a transcriber sees only
 * PHONE_MESSAGE). Pages count from 0; newest registration first.
 */
public record CaseQuery(String trackingCode, String nationalId, String callerNumber, Long agencyId, CaseKind kind,
                        Set<CaseStatus> statuses, Set<Channel> channels, Instant registeredFrom, Instant registeredTo,
                        Instant dueBefore, boolean openOnly, int page, int size) {

    public static final int MAX_SIZE = 200;

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

    public CaseQuery withTrackingCode(String v) { return new CaseQuery(v, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size); }
    public CaseQuery withNationalId(String v) { return new CaseQuery(trackingCode, v, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size); }
    public CaseQuery withCallerNumber(String v) { return new CaseQuery(trackingCode, nationalId, v, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size); }
    public CaseQuery withAgency(Long v) { return new CaseQuery(trackingCode, nationalId, callerNumber, v, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size); }
    public CaseQuery withKind(CaseKind v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, v, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size); }
    public CaseQuery withStatuses(Set<CaseStatus> v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, v, channels, registeredFrom, registeredTo, dueBefore, openOnly, page, size); }
    public CaseQuery withChannels(Set<Channel> v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, v, registeredFrom, registeredTo, dueBefore, openOnly, page, size); }
    public CaseQuery registeredBetween(Instant from, Instant to) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, from, to, dueBefore, openOnly, page, size); }
    public CaseQuery dueBefore(Instant v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, v, true, page, size); }
    public CaseQuery openOnly(boolean v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, v, page, size); }
    public CaseQuery page(int v) { return new CaseQuery(trackingCode, nationalId, callerNumber, agencyId, kind, statuses, channels, registeredFrom, registeredTo, dueBefore, openOnly, v, size); }
}
