package ir.line111.console.store;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.users.Role;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.testing.TestDatabases;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff's actions answer with an outcome, never an HTTP error: done, not allowed (which action, which status), unknown agency, no case. */
class CaseActionsTest {

    static Database db;
    static PersistentCases cases;
    static CaseActions actions;
    static long agency;

    static final CaseActions.Staff SUP = new CaseActions.Staff("sup", Set.of(Role.SUPERVISOR));
    static final CaseActions.Staff OP = new CaseActions.Staff("op", Set.of(Role.OPERATOR));

    @BeforeAll
    static void start() {
        db = TestDatabases.h2();
        cases = new PersistentCases(db, new TrackingCodeIssuer(db, "case-actions-test-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                Clock.systemUTC(), Duration.ofDays(30));
        AdminStore admin = new AdminStore(new Jdbc(db.dataSource()), Clock.systemUTC(), Line111Config.of(Map.of()));
        agency = admin.addAgency("آب").id();
        actions = new CaseActions(cases, cases, admin);
    }

    @AfterAll
    static void stop() { db.close(); }

    static long registered() {
        return cases.register(new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(TestNationalIds.random(), true), null,
                "آب", null, DeadlineClass.SIMPLE, null, null, new Actor("op"))).id();
    }

    @Test
    void anAllowedActionIsDoneAndReturnsTheCaseAsItNowIs() {
        long id = registered();
        var done = actions.refer(id, agency, "فوری", SUP);
        assertThat(done).isInstanceOfSatisfying(CaseActions.Done.class, d -> assertThat(d.detail().status()).isEqualTo(CaseStatus.REFERRED));
        assertThat(actions.answer(id, "انجام شد", null, SUP)).isInstanceOf(CaseActions.Done.class);
        assertThat(actions.objection(id, null, OP)).isInstanceOfSatisfying(CaseActions.Done.class,
                d -> assertThat(d.detail().status()).isEqualTo(CaseStatus.OBJECTION_1));
        assertThat(actions.message(id, null, null, "پیام", OP)).isInstanceOfSatisfying(CaseActions.Done.class,
                d -> assertThat(d.detail().timeline()).isNotEmpty());
    }

    @Test
    void whatTheRulesOrTheRolesRefuseComesBackAsNotAllowedWithTheActionAndStatus() {
        long id = registered();
        assertThat(actions.objection(id, null, OP)).isEqualTo(new CaseActions.NotAllowed(CaseAction.OBJECTION, CaseStatus.REGISTERED));
        assertThat(actions.refer(id, agency, null, OP)).as("an operator does not refer")
                .isEqualTo(new CaseActions.NotAllowed(CaseAction.REFER, CaseStatus.REGISTERED));
        actions.close(id, null, SUP);
        assertThat(actions.message(id, null, null, "پیام", OP)).isEqualTo(new CaseActions.NotAllowed(CaseAction.MESSAGE, CaseStatus.CLOSED));
        assertThat(cases.detail(id).orElseThrow().timeline()).as("nothing refused reached the timeline").hasSize(2);
    }

    @Test
    void anUnknownAgencyOrCaseIsSaidSo() {
        assertThat(actions.refer(registered(), 987_654, null, SUP)).isEqualTo(new CaseActions.UnknownAgency(987_654));
        assertThat(actions.close(987_654, null, SUP)).isEqualTo(new CaseActions.NoSuchCase(987_654));
    }
}
