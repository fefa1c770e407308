package ir.line111.core.persistence;

import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.domain.agencydesk.AgencyMonth;
import ir.line111.core.domain.agencydesk.AgencyReports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The per-agency monthly report on the core tables: answers (ANSWERED events of cases at the agency), on time
 * against the case's due date, objections (OBJECTION events), the IVR's satisfaction scores (call_record),
 * complaints registered and their most frequent summaries. Aggregated here, by Jalali month in Tehran.
 */
public final class PersistentAgencyReports implements AgencyReports {

    private final Database db;

    public PersistentAgencyReports(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    private static final class Acc {
        final long agencyId;
        final String name;
        final int year, month;
        int answered, onTime, objections, complaints, satisfactionCalls;
        long satisfactionSum;
        final List<Double> days = new ArrayList<>();
        final Map<String, Integer> subjects = new HashMap<>();

        Acc(long agencyId, String name, int year, int month) {
            this.agencyId = agencyId;
            this.name = name;
            this.year = year;
            this.month = month;
        }
    }

    private record Key(long agencyId, int year, int month) {}

    @Override
    public List<AgencyMonth> monthly(Instant from, Instant to) {
        Map<Key, Acc> acc = new TreeMap<>(Comparator.comparingLong(Key::agencyId).thenComparingInt(Key::year).thenComparingInt(Key::month));
        db.inTransaction(s -> {
            String join = " join case_record c on c.id = e.case_id join agency a on a.id = c.agency_id ";
            for (Object[] r : AgencyRows.query(s, "select c.agency_id, a.name, e.occurred_at, c.registered_at, c.due_at from case_event e" + join
                    + "where e.event_type = 'ANSWERED' and e.occurred_at >= ? and e.occurred_at < ?", rs -> new Object[]{rs.getLong(1), rs.getString(2),
                    AgencyRows.instant(rs, "occurred_at"), AgencyRows.instant(rs, "registered_at"), AgencyRows.instant(rs, "due_at")}, from, to)) {
                Instant at = (Instant) r[2];
                Acc a = of(acc, (Long) r[0], (String) r[1], at);
                a.answered++;
                if (r[4] == null || !at.isAfter((Instant) r[4])) a.onTime++;
                a.days.add(Duration.between((Instant) r[3], at).toMinutes() / 1440.0);
            }
            for (Object[] r : AgencyRows.query(s, "select c.agency_id, a.name, e.occurred_at from case_event e" + join
                    + "where e.event_type = 'OBJECTION' and e.occurred_at >= ? and e.occurred_at < ?", rs -> new Object[]{rs.getLong(1), rs.getString(2),
                    AgencyRows.instant(rs, "occurred_at")}, from, to)) {
                of(acc, (Long) r[0], (String) r[1], (Instant) r[2]).objections++;
            }
            for (Object[] r : AgencyRows.query(s, "select c.agency_id, a.name, r.started_at, r.satisfaction from call_record r join case_record c on c.id = r.case_id "
                    + "join agency a on a.id = c.agency_id where r.satisfaction is not null and r.started_at >= ? and r.started_at < ?",
                    rs -> new Object[]{rs.getLong(1), rs.getString(2), AgencyRows.instant(rs, "started_at"), rs.getInt(4)}, from, to)) {
                Acc a = of(acc, (Long) r[0], (String) r[1], (Instant) r[2]);
                a.satisfactionCalls++;
                a.satisfactionSum += (Integer) r[3];
            }
            for (Object[] r : AgencyRows.query(s, "select c.agency_id, a.name, c.registered_at, c.summary from case_record c join agency a on a.id = c.agency_id "
                    + "where c.kind = 'COMPLAINT' and c.registered_at >= ? and c.registered_at < ?", rs -> new Object[]{rs.getLong(1), rs.getString(2),
                    AgencyRows.instant(rs, "registered_at"), rs.getString(4)}, from, to)) {
                Acc a = of(acc, (Long) r[0], (String) r[1], (Instant) r[2]);
                a.complaints++;
                String subject = r[3] == null ? null : ((String) r[3]).strip().replaceAll("\\s+", " ");
                if (subject != null && !subject.isEmpty()) a.subjects.merge(subject, 1, Integer::sum);
            }
        });
        List<AgencyMonth> out = new ArrayList<>();
        for (Acc a : acc.values()) {
            List<String> top = a.subjects.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(3).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            out.add(new AgencyMonth(a.agencyId, a.name, a.year, a.month, a.answered, a.onTime, median(a.days), a.objections,
                    a.satisfactionCalls == 0 ? null : Math.round(10.0 * a.satisfactionSum / a.satisfactionCalls) / 10.0, a.satisfactionCalls,
                    a.complaints, top));
        }
        out.sort(Comparator.comparing(AgencyMonth::agencyName).thenComparingInt(AgencyMonth::jalaliYear).thenComparingInt(AgencyMonth::jalaliMonth));
        return out;
    }

    private static Acc of(Map<Key, Acc> acc, long agencyId, String name, Instant at) {
        JalaliDates.JalaliDate d = JalaliDates.of(at);
        return acc.computeIfAbsent(new Key(agencyId, d.year(), d.month()), k -> new Acc(agencyId, name, d.year(), d.month()));
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) return null;
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        double m = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }
}
