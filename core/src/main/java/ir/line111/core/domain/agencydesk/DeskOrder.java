package ir.line111.core.domain.agencydesk;

import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * The order of every work list of issue 16: urgent first, then overdue, then by due date (earliest
 * first, none last), then by id. Overdue is {@link CaseRules#overdue} — the one definition.
 */
public final class DeskOrder {
    private DeskOrder() {}

    /** What a list needs to order an item. */
    public interface Item {
        long id();
        CaseStatus status();
        Instant dueAt();
        boolean urgent();
    }

    public static <T extends Item> Comparator<T> comparator(Instant now) {
        Comparator<T> urgent = Comparator.comparing(i -> !i.urgent());
        Comparator<T> overdue = Comparator.comparing(i -> !CaseRules.overdue(i.status(), i.dueAt(), now));
        Comparator<T> due = Comparator.comparing(Item::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));
        return urgent.thenComparing(overdue).thenComparing(due).thenComparingLong(Item::id);
    }

    /**
     * Whole days from today to the due day, in the office's zone: 0 on the due day, negative once it has passed;
     * null without a due date.
     */
    public static Integer daysLeft(Instant dueAt, Instant now, ZoneId zone) {
        if (dueAt == null) return null;
        LocalDate today = LocalDate.ofInstant(now, zone);
        return Math.toIntExact(ChronoUnit.DAYS.between(today, LocalDate.ofInstant(dueAt, zone)));
    }
}
