package ir.line111.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console says what core's {@link CaseRules} and {@link CaseAction} say, on the same data: its
 * overdue list, its due list, each case's overdue flag and expected answer date, and the buttons
 * and refusals of the case page. One case in every status, all past their due date but one.
 */
class CaseRulesInTheConsoleTest {

    static ConsoleFixture fx;
    static final Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
    static long fresh;
    static final Actor SUP = new Actor("supervisor");
    static final Actor OP = new Actor("operator");

    @BeforeAll
    static void start() {
        fx = ConsoleFixture.h2();
        for (CaseStatus s : CaseStatus.values()) {
            long id = s == CaseStatus.AWAITING_TRANSCRIPTION ? fx.voicemail().id() : fx.liveCase().id();
            switch (s) {
                case REFERRED -> fx.cases.refer(id, fx.agencyId, null, SUP);
                case ANSWERED -> fx.cases.answer(id, "پاسخ", null, SUP);
                case OBJECTION_1 -> { fx.cases.answer(id, "پاسخ", null, SUP); fx.cases.registerObjection(id, null, null, OP); }
                case OBJECTION_2, COMPLAINTS_BOARD -> {
                    fx.cases.answer(id, "پاسخ", null, SUP);
                    fx.cases.registerObjection(id, null, null, OP);
                    fx.cases.answer(id, "پاسخ دوم", null, SUP);
                    fx.cases.registerObjection(id, null, null, OP);
                }
                case CLOSED -> fx.cases.close(id, null, SUP);
                default -> { }
            }
            byStatus.put(fx.cases.detail(id).orElseThrow().status(), id);
        }
        fx.clock.advance(Duration.ofDays(11)); // every SIMPLE deadline (10 days) has passed
        fresh = fx.liveCase().id();
    }

    @AfterAll
    static void stop() { fx.close(); }

    static List<JsonObject> items(Browser b, String query) {
        var r = b.get("/api/cases" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonArray a = r.json().getJsonArray("items");
        return a.stream().map(JsonObject.class::cast).toList();
    }

    static List<Long> ids(List<JsonObject> items) {
        return items.stream().map(o -> o.getLong("id")).toList();
    }

    static Instant instant(JsonObject o, String key) {
        return o.getString(key) == null ? null : Instant.parse(o.getString(key));
    }

    @Test
    void theOverdueListTheDueListAndEachFlagAreCaseRules() {
        Browser sup = fx.signedIn("supervisor");
        Instant now = fx.clock.instant();
        List<JsonObject> all = items(sup, "?size=200");
        assertThat(ids(all)).containsAll(byStatus.values()).contains(fresh);
        for (JsonObject c : all) {
            CaseStatus status = CaseStatus.valueOf(c.getString("status"));
            Instant due = instant(c, "dueAt");
            assertThat(c.getBoolean("overdue")).as("overdue of a %s case", status).isEqualTo(CaseRules.overdue(status, due, now));
            assertThat(instant(c, "expectedAnswerAt")).as("expected answer date of a %s case", status)
                    .isEqualTo(CaseRules.expectedAnswerDate(status, due).orElse(null));
        }
        List<Long> overdueByRules = all.stream().filter(c -> CaseRules.overdue(CaseStatus.valueOf(c.getString("status")), instant(c, "dueAt"), now))
                .map(c -> c.getLong("id")).toList();
        assertThat(ids(items(sup, "?size=200&overdue=true"))).as("the overdue list").containsExactlyInAnyOrderElementsOf(overdueByRules);
        assertThat(ids(items(sup, "?size=200&overdue=false"))).as("and its complement")
                .containsExactlyInAnyOrderElementsOf(ids(all).stream().filter(id -> !overdueByRules.contains(id)).toList());
        assertThat(overdueByRules).as("a message awaiting transcription is late too; an answered or closed case is not")
                .contains(byStatus.get(CaseStatus.AWAITING_TRANSCRIPTION), byStatus.get(CaseStatus.COMPLAINTS_BOARD))
                .doesNotContain(byStatus.get(CaseStatus.ANSWERED), byStatus.get(CaseStatus.CLOSED), fresh);

        ZoneId zone = ZoneId.of("Asia/Tehran");
        Instant nextSaturday = LocalDate.now(fx.clock.withZone(zone)).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).atStartOfDay(zone).toInstant();
        var due = sup.get("/api/cases/due");
        assertThat(due.status()).isEqualTo(200);
        List<JsonObject> dueItems = due.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
        assertThat(ids(dueItems)).as("the due list is CaseRules.dueBefore next Saturday").containsExactlyInAnyOrderElementsOf(
                all.stream().filter(c -> CaseRules.dueBefore(CaseStatus.valueOf(c.getString("status")), instant(c, "dueAt"), nextSaturday))
                        .map(c -> c.getLong("id")).toList());
        assertThat(dueItems.stream().map(c -> instant(c, "dueAt")).toList()).as("earliest due first").isSorted();
    }

    @Test
    void theButtonsAreCaseActionForTheUsersRoles() {
        Map<String, Set<Role>> users = Map.of("supervisor", Set.of(Role.SUPERVISOR), "operator", Set.of(Role.OPERATOR));
        users.forEach((user, roles) -> {
            Browser b = fx.signedIn(user);
            byStatus.forEach((status, id) -> {
                List<String> expected = CaseAction.allowedIn(status, roles).stream().filter(a -> a != CaseAction.TRANSCRIBE)
                        .map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
                var page = b.get("/api/cases/" + id);
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.json().getJsonArray("allowedActions").getList()).as("%s on a %s case", user, status)
                        .containsExactlyElementsOf(expected);
            });
        });
    }

    @Test
    void whatTheRulesRefuseIsRefusedWithAReasonAndChangesNothing() {
        Browser op = fx.signedIn("operator");
        long registered = byStatus.get(CaseStatus.REGISTERED);
        var objection = op.post("/api/cases/" + registered + "/objection", new JsonObject());
        assertThat(objection.status()).isEqualTo(409);
        assertThat(objection.json().getString("message")).contains("اعتراض");
        Browser sup = fx.signedIn("supervisor");
        var close = sup.post("/api/cases/" + byStatus.get(CaseStatus.AWAITING_TRANSCRIPTION) + "/close", new JsonObject());
        assertThat(close.status()).as("a message is closed at the workbench").isEqualTo(409);
        var message = op.post("/api/cases/" + byStatus.get(CaseStatus.CLOSED) + "/messages", new JsonObject().put("text", "دوباره"));
        assertThat(message.status()).isEqualTo(409);
        CaseSummary fresh = fx.liveCase();
        var unknown = sup.post("/api/cases/" + fresh.id() + "/refer", new JsonObject().put("agencyId", 987_654));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("field")).isEqualTo("agencyId");
        assertThat(fx.cases.detail(registered).orElseThrow().status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(fx.cases.detail(fresh.id()).orElseThrow().status()).isEqualTo(CaseStatus.REGISTERED);
        var refer = sup.post("/api/cases/" + fresh.id() + "/refer", new JsonObject().put("agencyId", fx.agencyId));
        assertThat(refer.status()).isEqualTo(200);
        assertThat(refer.json().getString("status")).isEqualTo("REFERRED");
    }
}
