package ir.line111.core.persistence;

import ir.line111.core.domain.agencies.Agency;
import ir.line111.core.domain.agencydesk.AgencyMonth;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.testing.OnBothDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisors' report per agency and Jalali month: on time %, median days, objections per answer, satisfaction, top subjects. */
class AgencyReportsTest {

    static final Actor SUP = new Actor("sup1");

    @OnBothDatabases
    void countsAnAgencysMonth(Database db) {
        // 1405/08/01 is 2026-10-23; everything happens inside Aban 1405 (2026-10-23 .. 2026-11-21)
        Instant start = Instant.parse("2026-10-24T06:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        PersistentCases cases = new PersistentCases(db, new TrackingCodeIssuer(db, CasePersistenceTest.KEY), clock, Duration.ofDays(30));
        Agency water = new PersistentAgencies(db).add("Water " + UUID.randomUUID());
        // the complaint summary comes from CasePersistenceTest.complaint: INSPECTION, due in 25 days
        CaseSummary onTime = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        CaseSummary late = cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null));
        cases.refer(onTime.id(), water.id(), null, SUP);
        cases.refer(late.id(), water.id(), null, SUP);
        now.set(start.plus(Duration.ofDays(4)));
        cases.answer(onTime.id(), "done", null, SUP);
        cases.object(onTime.id(), null, Actor.IVR, "no");
        now.set(start.plus(Duration.ofDays(26)));
        cases.answer(late.id(), "done late", null, SUP);
        AgencyRowsAccess.satisfaction(db, late.id(), 4, now.get());
        AgencyRowsAccess.satisfaction(db, onTime.id(), 2, now.get());

        List<AgencyMonth> months = new PersistentAgencyReports(db).monthly(Instant.parse("2026-10-23T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"))
                .stream().filter(m -> m.agencyId() == water.id()).toList();
        assertThat(months).hasSize(1);
        AgencyMonth m = months.getFirst();
        assertThat(m.jalaliYear()).isEqualTo(1405);
        assertThat(m.jalaliMonth()).isEqualTo(8);
        assertThat(m.answered()).isEqualTo(2);
        assertThat(m.answeredOnTime()).isEqualTo(1);
        assertThat(m.onTimePercent()).isEqualTo(50.0);
        assertThat(m.medianDaysToAnswer()).isEqualTo(15.0);
        assertThat(m.objections()).isEqualTo(1);
        assertThat(m.objectionsPerAnswer()).isEqualTo(0.5);
        assertThat(m.satisfaction()).isEqualTo(3.0);
        assertThat(m.satisfactionCalls()).isEqualTo(2);
        assertThat(m.complaints()).isEqualTo(2);
        assertThat(m.topSubjects()).containsExactly("water cut for three days (2)");
    }
}
