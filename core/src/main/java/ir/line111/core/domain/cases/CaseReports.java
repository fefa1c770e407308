package ir.line111.core.domain.cases;

import java.time.Instant;
import java.util.List;

/**
 * The case figures of the supervisor's reports, over registrations (or due dates) in
 * [{@code from}, {@code to}). Rows are typed; the console labels and lays them out.
 */
public interface CaseReports {

    /** What cases are counted by. */
    enum Grouping { KIND, CHANNEL, STATUS }

    /** {@code code}: the enum constant's name; null for cases without one (a message not yet transcribed has no kind). */
    record GroupCount(String code, long cases) {}

    /** {@code agencyId} and {@code agencyName} null: not referred. */
    record AgencyCount(Long agencyId, String agencyName, long cases) {}

    /** How the cases due in the range, by agency (name null: not referred), fared against their deadline ({@link CaseRules#deadline}). */
    record DeadlineCount(String agencyName, long due, long met, long missed, long pending) {}

    /** {@code registered}: cases registered by this user; {@code live}: those registered from a live call. */
    record RegistrarCount(String registeredBy, long registered, long live) {}

    List<GroupCount> registeredBy(Grouping grouping, Instant from, Instant to);

    /** Most cases first. */
    List<AgencyCount> registeredByAgency(Instant from, Instant to);

    /** Over cases whose due date is in the range, judged at {@code now}. */
    List<DeadlineCount> deadlines(Instant from, Instant to, Instant now);

    List<RegistrarCount> registrars(Instant from, Instant to);
}
