package ir.line111.core.persistence;

import ir.line111.core.domain.cases.CaseReports;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@link CaseReports} as grouped HQL queries on core's case and agency tables. */
public final class PersistentCaseReports implements CaseReports {

    private final Database db;

    public PersistentCaseReports(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<GroupCount> registeredBy(Grouping grouping, Instant from, Instant to) {
        // the property is one of three fixed names, never input
        String property = switch (grouping) {
            case KIND -> "kind";
            case CHANNEL -> "channel";
            case STATUS -> "status";
        };
        return db.fromTransaction(s -> s.createSelectionQuery("select c." + property + ", count(c) from CaseEntity c "
                        + "where c.registeredAt >= :from and c.registeredAt < :to group by c." + property, Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new GroupCount(r[0] == null ? null : ((Enum<?>) r[0]).name(), (Long) r[1])).toList());
    }

    @Override
    public List<AgencyCount> registeredByAgency(Instant from, Instant to) {
        return db.fromTransaction(s -> s.createSelectionQuery("select a.id, a.name, count(c) from CaseEntity c "
                        + "left join AgencyEntity a on a.id = c.agencyId where c.registeredAt >= :from and c.registeredAt < :to "
                        + "group by a.id, a.name order by count(c) desc", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new AgencyCount((Long) r[0], (String) r[1], (Long) r[2])).toList());
    }

    @Override
    public List<DeadlineCount> deadlines(Instant from, Instant to, Instant now) {
        Map<String, long[]> byAgency = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        db.fromTransaction(s -> s.createSelectionQuery("select a.name, c.dueAt, c.answeredAt from CaseEntity c "
                        + "left join AgencyEntity a on a.id = c.agencyId where c.dueAt >= :from and c.dueAt < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList())
                .forEach(r -> {
                    long[] v = byAgency.computeIfAbsent((String) r[0], k -> new long[4]);
                    v[0]++;
                    switch (CaseRules.deadline((Instant) r[1], (Instant) r[2], now)) {
                        case MET -> v[1]++;
                        case MISSED -> v[2]++;
                        case PENDING -> v[3]++;
                    }
                });
        List<DeadlineCount> out = new ArrayList<>();
        byAgency.forEach((agency, v) -> out.add(new DeadlineCount(agency, v[0], v[1], v[2], v[3])));
        return out;
    }

    @Override
    public List<RegistrarCount> registrars(Instant from, Instant to) {
        return db.fromTransaction(s -> s.createSelectionQuery("select c.registeredBy, count(c), "
                        + "sum(case when c.channel = :live then 1 else 0 end) from CaseEntity c "
                        + "where c.registeredAt >= :from and c.registeredAt < :to group by c.registeredBy", Object[].class)
                .setParameter("live", Channel.PHONE_LIVE).setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new RegistrarCount((String) r[0], (Long) r[1], r[2] == null ? 0 : ((Number) r[2]).longValue())).toList());
    }
}
