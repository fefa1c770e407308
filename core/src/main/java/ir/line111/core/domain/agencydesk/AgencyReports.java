package ir.line111.core.domain.agencydesk;

import java.time.Instant;
import java.util.List;

/** The supervisors' report per agency, month by month in the Jalali calendar (issue 16). */
public interface AgencyReports {
    /** Every agency with something in [from, to), by agency name then month. */
    List<AgencyMonth> monthly(Instant from, Instant to);
}
