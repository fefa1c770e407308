package ir.line111.sms;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentAgencies;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.persistence.entity.CaseEventEntity;
import ir.line111.core.testing.ExpectedLogs;
import ir.line111.core.testing.TestDatabases;
import ir.line111.core.testing.TestNationalIds;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMS path end to end: case events through core, the outbox, jsmpp to an SMS centre on loopback,
 * receipts back. Run on H2 ({@link SmsOverSmppOnH2Test}) and PostgreSQL ({@link SmsOverSmppOnPostgresTest}).
 */
abstract class SmsOverSmppTest {
    static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
    /** Generous: the waits end as soon as their condition holds, and a loaded build machine is slow. */
    static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("org.jsmpp", SmppGateway.class, SmsService.class, CaseEventTap.class);

    Database db;
    PersistentCases cases;
    FakeSmsCentre centre;
    TestClock clock = new TestClock();
    final List<SmsService> services = new ArrayList<>();
    final List<Database> nodes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        db = kind().open();
        cases = new PersistentCases(db, new TrackingCodeIssuer(db, KEY), Clock.systemUTC(), Duration.ofDays(30));
        centre = FakeSmsCentre.started();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.forEach(SmsService::close);
        nodes.forEach(Database::close);
        centre.close();
        db.close();
    }

    abstract TestDatabases.Kind kind();

    SmsSettings settings(int maxAttempts) {
        return new SmsSettings(true, "127.0.0.1", centre.port(), "line111", "secret", "", "3000111", "", maxAttempts,
                Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMinutes(5),
                Duration.ofSeconds(5));
    }

    SmsService service(int maxAttempts) {
        SmsService s = SmsService.start(settings(maxAttempts), db, clock);
        services.add(s);
        return s;
    }

    CaseSummary register(String callerNumber) {
        return cases.register(new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(TestNationalIds.random(), true), null,
                "water cut", "no water since Saturday", DeadlineClass.SIMPLE, callerNumber, "call-" + UUID.randomUUID(), new Actor("op1")));
    }

    Map<SmsOutbox.State, Long> counts(SmsService s) {
        try {
            return s.outbox().counts();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<SmsOutbox.Listed> listed(SmsService s, SmsOutbox.State state) {
        try {
            return s.outbox().list(state, 100);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text the phone shows: the parts' UCS-2 bodies, headers dropped, in sequence order. */
    static String reassembled(List<FakeSmsCentre.Submit> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.stream().sorted(java.util.Comparator.comparingInt(p -> (p.esmClass() & 0x40) != 0 ? p.shortMessage()[5] : 1))
                .forEach(p -> {
                    byte[] sm = p.shortMessage();
                    int skip = (p.esmClass() & 0x40) != 0 ? (sm[0] & 0xFF) + 1 : 0;
                    out.write(sm, skip, sm.length - skip);
                });
        return out.toString(StandardCharsets.UTF_16BE);
    }

    @Test
    void aRegisteredCaseIsSubmittedInUcs2PartsAndDeliveredOnItsReceipts() {
        SmsService sms = service(5);
        CaseSummary c = register("0912 123 4567");

        await().atMost(WAIT).until(() -> counts(sms).get(SmsOutbox.State.DELIVERED) == 1L);
        String text = SmsTexts.load().render("registered", c.trackingCode());
        assertThat(centre.submits).hasSize(Ucs2Segments.count(text)).hasSizeGreaterThan(1);
        for (FakeSmsCentre.Submit p : centre.submits) {
            assertThat(p.destination()).isEqualTo("989121234567");
            assertThat(p.source()).isEqualTo("3000111");
            assertThat(p.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(p.esmClass() & 0x40).as("UDHI").isEqualTo(0x40);
            assertThat(p.registeredDelivery() & 0x03).as("receipt asked for").isEqualTo(1);
            assertThat(p.shortMessage()[4]).isEqualTo((byte) centre.submits.size());
        }
        assertThat(reassembled(centre.submits)).isEqualTo(text).contains("\u2066" + c.trackingCode().digits() + "\u2069", "\u2066111\u2069");
        assertThat(sms.receipts()).isEqualTo(centre.submits.size());
        assertThat(sms.health().up()).isTrue();
        assertThat(sms.health().detail()).contains("1 delivered", "0 failed");
    }

    @Test
    void theAgencysAnswerAndTheBoardsVerdictAreToldToo() {
        SmsService sms = service(5);
        CaseSummary c = register("+98 912 765 4321");
        var agency = new PersistentAgencies(db).add("Water " + UUID.randomUUID());
        cases.refer(c.id(), agency.id(), null, new Actor("sup1"));
        cases.answer(c.id(), "the pipe was repaired", null, new Actor("sup1"));
        // BOARD_VERDICT comes with the agency desk; events are matched by name, so its row needs no enum constant here
        db.inTransaction(s -> s.persist(new CaseEventEntity(c.id(), Instant.now(), "sup1", "BOARD_VERDICT", "upheld", null, null, null, null)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(sms)).containsEntry(SmsOutbox.State.DELIVERED, 3L));
        assertThat(listed(sms, SmsOutbox.State.DELIVERED)).extracting(SmsOutbox.Listed::kind)
                .containsExactlyInAnyOrder(SmsKind.REGISTERED, SmsKind.ANSWERED, SmsKind.BOARD_VERDICT);
        String all = String.join("|", centre.submits.stream().map(p -> new String(p.shortMessage(), StandardCharsets.UTF_16BE)).toList());
        assertThat(all).doesNotContain("pipe", "Water", c.subject().nationalId().digits());
    }

    @Test
    void aRefusedSubmitIsRetriedWithBackOffThenFailedAndShown() {
        centre.refuseWith = SMPPConstant.STAT_ESME_RTHROTTLED;
        SmsService sms = service(3);
        CaseSummary c = register("09121112233");

        awaitRetryIn(sms, Duration.ofSeconds(60)); // first back-off: 60 s
        assertThat(centre.submits).hasSize(1);
        assertThat(listed(sms, SmsOutbox.State.PENDING)).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.lastError()).contains("0x00000058");
        });
        clock.advance(Duration.ofSeconds(60));
        awaitRetryIn(sms, Duration.ofSeconds(120)); // the second back-off is 120 s
        assertThat(centre.submits).hasSize(2);
        clock.advance(Duration.ofSeconds(119));
        assertThat(centre.submits).hasSize(2); // not yet
        clock.advance(Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> counts(sms).get(SmsOutbox.State.FAILED) == 1L);

        assertThat(centre.submits).hasSize(3);
        assertThat(listed(sms, SmsOutbox.State.FAILED)).singleElement().satisfies(r -> {
            assertThat(r.trackingCode()).isEqualTo(c.trackingCode().digits());
            assertThat(r.destination()).isEqualTo("0912*****33");
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(r.lastError()).contains("refused");
        });
        assertThat(sms.failures()).isEqualTo(1);
        assertThat(sms.health().detail()).contains("1 failed");
        assertThat(logs.warnings()).anyMatch(m -> m.contains("FAILED after 3 attempt(s)"));
    }

    /** Waits until the one pending row's refusal is written down: due again {@code backoff} from now. */
    void awaitRetryIn(SmsService sms, Duration backoff) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(listed(sms, SmsOutbox.State.PENDING)).singleElement()
                .extracting(SmsOutbox.Listed::nextAttemptAt).isEqualTo(clock.instant().plus(backoff)));
    }

    @Test
    void anUndeliverableReceiptFailsTheMessage() {
        centre.receiptState = org.jsmpp.util.DeliveryReceiptState.UNDELIV;
        SmsService sms = service(5);
        register("09121112244");
        await().atMost(WAIT).until(() -> counts(sms).get(SmsOutbox.State.FAILED) == 1L);
        assertThat(listed(sms, SmsOutbox.State.FAILED).getFirst().lastError()).contains("UNDELIV");
    }

    @Test
    void whileTheCentreIsDownNothingIsLostAndEachGoesOutOnceWhenItIsBack() throws Exception {
        SmsService sms = service(2);
        await().atMost(WAIT).until(sms::bound);
        centre.stop();
        List<CaseSummary> registered = List.of(register("09120000001"), register("09120000002"), register("09120000003"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(sms.bound() + " " + sms.health().detail()).startsWith("false cannot bind"));
        assertThat(counts(sms).get(SmsOutbox.State.PENDING)).isEqualTo(3L);
        assertThat(sms.health().up()).isFalse();
        clock.advance(Duration.ofMinutes(1)); // a minute of outage, far more than the attempts' back-off
        assertThat(centre.submits).isEmpty();

        centre.start();
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(sms)).containsEntry(SmsOutbox.State.DELIVERED, 3L));
        int parts = Ucs2Segments.count(SmsTexts.load().render("registered", registered.getFirst().trackingCode()));
        assertThat(centre.submits).hasSize(3 * parts);
        assertThat(centre.submits.stream().map(p -> p.destination() + "/" + p.shortMessage()[3] + "/" + p.shortMessage()[5]).distinct()).hasSize(3 * parts);
        assertThat(listed(sms, SmsOutbox.State.DELIVERED)).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
    }

    @Test
    void aNumberThatIsNoMobileGetsNoSms() {
        SmsService sms = service(5);
        register("02188776655");
        register(null);
        register("111");
        CaseSummary mobile = register("00989351234567");
        await().atMost(WAIT).until(() -> counts(sms).get(SmsOutbox.State.DELIVERED) == 1L);
        assertThat(listed(sms, SmsOutbox.State.DELIVERED)).singleElement().satisfies(r -> assertThat(r.trackingCode()).isEqualTo(mobile.trackingCode().digits()));
        assertThat(centre.submits).allSatisfy(p -> assertThat(p.destination()).isEqualTo("989351234567"));
        assertThat(counts(sms).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1L);
    }

    @Test
    void aRolledBackEventQueuesNothing() {
        SmsService sms = service(5);
        CaseSummary c = register("09121112255");
        await().atMost(WAIT).until(() -> counts(sms).get(SmsOutbox.State.DELIVERED) == 1L);
        try {
            db.inTransaction(s -> {
                s.persist(new CaseEventEntity(c.id(), Instant.now(), "sup1", "ANSWERED", "x", null, null, null, null));
                s.flush();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the case's transaction failed: its SMS must not exist
        }
        assertThat(counts(sms).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1L);
    }

    @Test
    void aRestartAndASecondNodeSendNothingTwice() throws Exception {
        SmsService first = service(5);
        register("09121000001");
        await().atMost(WAIT).until(() -> counts(first).get(SmsOutbox.State.DELIVERED) == 1L);
        int afterFirst = centre.submits.size();
        first.close();
        services.remove(first);

        // the restarted node and a second one over the same database
        SmsService again = service(5);
        Database node2 = kind() == TestDatabases.Kind.H2 ? Database.open(db.safeUrl(), "sa", "", 4)
                : Database.open(db.safeUrl(), "postgres", "", 4);
        SmsService other = SmsService.start(settings(5), node2, clock);
        nodes.add(node2);
        services.add(other);
        List<CaseSummary> more = new ArrayList<>();
        for (int i = 0; i < 10; i++) more.add(register("0912200000" + i));
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts(again)).containsEntry(SmsOutbox.State.DELIVERED, 11L));

        int parts = Ucs2Segments.count(SmsTexts.load().render("registered", more.getFirst().trackingCode()));
        assertThat(centre.submits).hasSize(afterFirst + 10 * parts);
        assertThat(centre.submits.stream().map(p -> p.destination() + "/" + p.shortMessage()[5]).distinct()).hasSize(centre.submits.size());
        assertThat(other.bound()).isTrue();
        assertThat(TrackingCode.parse(more.getLast().trackingCode().digits())).isInstanceOf(TrackingCode.Parsed.Valid.class);
    }
}
