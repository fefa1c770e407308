package ir.line111.console;

import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.domain.board.BoardSchedule;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The complaints board over HTTP: the agenda of the next session (holidays skipped), printable; attendance; the verdict followed up. */
class BoardApiTest {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    static ConsoleFixture fx;
    static Browser sup, admin, water;

    @BeforeAll
    static void start() {
        fx = ConsoleFixture.h2();
        sup = fx.signedIn("supervisor");
        admin = fx.signedIn("admin");
        water = fx.signedIn("liaison");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** A complaint objected to twice: at the board. */
    static CaseSummary atTheBoard() {
        Actor s = new Actor("supervisor");
        CaseSummary c = fx.liveCase(TestNationalIds.random());
        fx.cases.refer(c.id(), fx.agencyId, null, s);
        fx.cases.answer(c.id(), "تعمیر شد", null, s);
        fx.cases.object(c.id(), null, Actor.IVR, "no");
        fx.cases.refer(c.id(), fx.agencyId, null, s);
        fx.cases.answer(c.id(), "دوباره تعمیر شد", null, s);
        assertThat(fx.cases.object(c.id(), null, Actor.IVR, "no").status()).isEqualTo(CaseStatus.COMPLAINTS_BOARD);
        return c;
    }

    @Test
    void aCaseAtTheBoardIsOnTheNextAgendaAroundAHolidayAndItsVerdictIsFollowedUp() {
        // Sundays at 09:30, fortnights from the coming Sunday; that Sunday is a holiday: the session sits on Monday.
        LocalDate today = LocalDate.ofInstant(fx.clock.instant(), TEHRAN);
        LocalDate sunday = today.plusDays(1).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        assertThat(admin.put("/api/board/schedule", new JsonObject().put("weekday", "SUNDAY").put("time", "09:30")
                .put("anchor", JalaliDates.format(sunday))).status()).isEqualTo(200);
        assertThat(admin.post("/api/admin/holidays", new JsonObject().put("jalaliDate", JalaliDates.format(sunday)).put("name", "تعطیل آزمایشی"))
                .status()).isIn(200, 201, 204);
        CaseSummary c = atTheBoard();

        JsonObject sessions = sup.get("/api/board/sessions").json();
        JsonObject next = sessions.getJsonObject("next");
        assertThat(next.getString("slot")).isEqualTo(sunday.toString());
        assertThat(next.getString("sitsAt")).isEqualTo(sunday.plusDays(1).atTime(LocalTime.of(9, 30)).atZone(TEHRAN).toInstant().toString());
        assertThat(next.getString("weekday")).isEqualTo("دوشنبه");
        long id = next.getLong("id");
        JsonObject session = sup.get("/api/board/sessions/" + id).json();
        assertThat(session.getJsonArray("agenda").stream().map(o -> ((JsonObject) o).getLong("id"))).contains(c.id());

        var page = sup.get("/api/board/sessions/" + id + "/agenda.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("dir=\"rtl\"", "@media print", "دستور جلسهٔ هیأت رسیدگی به شکایات", c.trackingCode().persianGrouped());

        assertThat(sup.post("/api/board/sessions/" + id + "/move", new JsonObject().put("date", JalaliDates.format(sunday.plusDays(2)))
                .put("time", "۱۴:۰۰").put("reason", "رئیس هیأت در سفر است")).json().getBoolean("moved")).isTrue();
        assertThat(sup.get("/api/board/sessions").json().getJsonObject("next").getLong("id")).isEqualTo(id);

        sup.post("/api/board/sessions/" + id + "/cases/" + c.id() + "/attendance", new JsonObject().put("attended", true));
        assertThat(sup.post("/api/board/sessions/" + id + "/cases/" + c.id() + "/verdict", new JsonObject().put("text", "شرکت آب لوله را تا ده روز دیگر تعویض کند"))
                .status()).as("the deadline to comply is required").isEqualTo(400);
        JsonObject decided = sup.post("/api/board/sessions/" + id + "/cases/" + c.id() + "/verdict",
                new JsonObject().put("text", "شرکت آب لوله را تعویض کند").put("complyDays", 10)).json();
        JsonObject item = decided.getJsonArray("agenda").stream().map(o -> (JsonObject) o).filter(o -> o.getLong("id") == c.id()).findFirst().orElseThrow();
        assertThat(item.getBoolean("attended")).isTrue();
        assertThat(item.getString("verdict")).isEqualTo("شرکت آب لوله را تعویض کند");
        assertThat(fx.cases.findByTrackingCode(c.trackingCode()).orElseThrow().status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(fx.cases.timeline(c.id()).stream().map(e -> e.type().name()))
                .containsSubsequence("SENT_TO_BOARD", "BOARD_SCHEDULED", "BOARD_ATTENDANCE", "BOARD_VERDICT");

        // followed up like an answer: the agency must comply by the deadline
        JsonObject inbox = water.get("/api/agency/inbox").json();
        JsonObject owed = inbox.getJsonArray("items").stream().map(o -> (JsonObject) o).filter(o -> o.getLong("id") == c.id()).findFirst().orElseThrow();
        assertThat(owed.getString("complyBy")).isNotNull();
        assertThat(water.get("/api/agency/cases/" + c.id()).json().getJsonArray("allowedActions")).containsExactly("complied");
        assertThat(water.post("/api/agency/cases/" + c.id() + "/complied", new JsonObject().put("note", "تعویض شد")).status()).isEqualTo(200);
        assertThat(water.get("/api/agency/inbox").json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("id"))).doesNotContain(c.id());
    }

    @Test
    void theScheduleRefusesFridays() {
        assertThat(admin.put("/api/board/schedule", new JsonObject().put("weekday", "FRIDAY").put("time", "10:00").put("anchor", "1405/01/01"))
                .status()).isEqualTo(400);
        assertThat(BoardSchedule.PERIOD_DAYS).isEqualTo(14);
    }
}
