package ir.line111.core.persistence;

import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CasePage;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.identity.Digits;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.CaseEntity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static ir.line111.core.persistence.CaseRows.summary;

/**
 * The console's case search ({@link ir.line111.core.domain.cases.CaseDesk#search}) as one HQL query.
 * "Due before" and "overdue" are {@link CaseRules#dueBefore} with the status sets CaseRules gives,
 * so a page of overdue cases and the {@code overdue} flag of each item always agree.
 */
final class CaseSearch {
    private CaseSearch() {}

    static CasePage run(Database db, CaseQuery q, Instant now) {
        Objects.requireNonNull(q, "query");
        StringBuilder hql = new StringBuilder(SELECT + " where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (notBlank(q.trackingCode())) {
            String code = Digits.toAscii(q.trackingCode()).replaceAll("[\\s-]", "");
            if (code.length() == TrackingCode.LENGTH) {
                hql.append(" and c.trackingCode = :code");
                params.put("code", code);
            } else {
                hql.append(" and c.trackingCode like :code");
                params.put("code", code.replace("%", "").replace("_", "") + "%");
            }
        }
        if (notBlank(q.nationalId())) {
            hql.append(" and c.subjectNationalId = :nid");
            params.put("nid", Digits.toAscii(q.nationalId()).replaceAll("[\\s-]", ""));
        }
        if (notBlank(q.callerNumber())) {
            hql.append(" and c.callerNumber = :caller");
            params.put("caller", Digits.toAscii(q.callerNumber()).strip());
        }
        if (q.agencyId() != null) {
            hql.append(" and c.agencyId = :agency");
            params.put("agency", q.agencyId());
        }
        if (q.kind() != null) {
            hql.append(" and c.kind = :kind");
            params.put("kind", q.kind());
        }
        if (!q.statuses().isEmpty()) {
            hql.append(" and c.status in (:statuses)");
            params.put("statuses", q.statuses());
        }
        if (!q.channels().isEmpty()) {
            hql.append(" and c.channel in (:channels)");
            params.put("channels", q.channels());
        }
        if (q.registeredFrom() != null) {
            hql.append(" and c.registeredAt >= :from");
            params.put("from", q.registeredFrom());
        }
        if (q.registeredTo() != null) {
            hql.append(" and c.registeredAt < :to");
            params.put("to", q.registeredTo());
        }
        if (q.dueBefore() != null) {
            hql.append(dueBefore(":due"));
            params.put("due", q.dueBefore());
        }
        if (q.overdue() != null) {
            hql.append(q.overdue() ? dueBefore(":now") : notDueBefore(":now"));
            params.put("now", now);
        }
        if (q.dueBefore() != null || q.overdue() == Boolean.TRUE) {
            params.put("awaiting", CaseRules.awaitingAnswerStatuses());
        }
        if (q.overdue() == Boolean.FALSE) params.put("notAwaiting", CaseRules.notAwaitingAnswerStatuses());
        if (q.openOnly()) {
            hql.append(" and c.status <> :closed");
            params.put("closed", CaseStatus.CLOSED);
        }
        hql.append(q.byDueDate() ? " order by c.dueAt asc, c.id asc" : " order by c.registeredAt desc, c.id desc");
        return db.fromTransaction(s -> {
            var query = s.createSelectionQuery(hql.toString(), Object[].class);
            params.forEach(query::setParameter);
            List<Object[]> rows = query.setFirstResult(q.page() * q.size()).setMaxResults(q.size() + 1).getResultList();
            boolean more = rows.size() > q.size();
            List<CaseListItem> items = rows.stream().limit(q.size()).map(r -> item(r, now)).toList();
            return new CasePage(items, q.page(), q.size(), more);
        });
    }

    /** The select every list reads: the case, its agency's name and prompt key. */
    static final String SELECT = "select c, a.name, a.promptKey from CaseEntity c left join AgencyEntity a on a.id = c.agencyId";

    /** A row of {@link #SELECT} as a list item. */
    static CaseListItem item(Object[] r, Instant now) {
        CaseEntity c = (CaseEntity) r[0];
        return new CaseListItem(summary(c, (String) r[1], (String) r[2]), c.getAgencyId(), c.getSummary(), c.getCallerNumber(),
                CaseRules.overdue(c.getStatus(), c.getDueAt(), now));
    }

    /** {@link CaseRules#dueBefore} as HQL: an answer is awaited and expected before {@code instant}. */
    static String dueBefore(String instant) {
        return " and c.status in (:awaiting) and c.dueAt < " + instant;
    }

    /** Its negation: no answer awaited, or no due date, or expected at or after {@code instant}. */
    static String notDueBefore(String instant) {
        return " and (c.status in (:notAwaiting) or c.dueAt is null or c.dueAt >= " + instant + ")";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
