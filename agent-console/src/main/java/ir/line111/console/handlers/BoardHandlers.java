package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Inputs;
import ir.line111.console.http.Reply;
import ir.line111.console.security.Role;
import ir.line111.console.store.AuditLog;
import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.domain.board.AgendaItem;
import ir.line111.core.domain.board.BoardSchedule;
import ir.line111.core.domain.board.BoardSession;
import ir.line111.core.domain.cases.Actor;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The complaints board (issue 16): sessions, the agenda (and its printable page), attendance, verdicts, the schedule. */
public final class BoardHandlers {
    static final Set<Role> SCHEDULE_READERS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

    private final ConsoleContext cx;
    private final AgencyServices agency;

    public BoardHandlers(ConsoleContext cx, AgencyServices agency) {
        this.cx = cx;
        this.agency = agency;
    }

    public void register(ApiRoutes r) {
        r.get("/api/board/sessions", Roles.SUPERVISOR, this::sessions);
        r.get("/api/board/sessions/:id", Roles.SUPERVISOR, this::session);
        r.get("/api/board/sessions/:id/agenda.html", Roles.SUPERVISOR, this::printable);
        r.post("/api/board/sessions/:id/move", Roles.SUPERVISOR, this::move);
        r.post("/api/board/sessions/:id/cases/:caseId/attendance", Roles.SUPERVISOR, this::attendance);
        r.post("/api/board/sessions/:id/cases/:caseId/verdict", Roles.SUPERVISOR, this::verdict);
        r.get("/api/board/schedule", SCHEDULE_READERS, c -> schedule(agency.board().schedule()));
        r.put("/api/board/schedule", Roles.ADMIN, this::putSchedule);
    }

    private Object sessions(Call c) {
        agency.board().enrolPending();
        JsonArray a = new JsonArray();
        agency.board().sessions(cx.clock().instant().minus(java.time.Duration.ofDays(30)), 8).forEach(s -> a.add(session(s)));
        return new JsonObject().put("items", a).put("next", session(agency.board().nextSession()));
    }

    private JsonObject session(BoardSession s) {
        LocalDate day = LocalDate.ofInstant(s.sitsAt(), cx.zone());
        return new JsonObject().put("id", s.id()).put("slot", s.slot().toString()).put("slotJalali", JalaliDates.of(s.slot()).persian())
                .put("sitsAt", s.sitsAt().toString()).put("sitsAtJalali", JalaliDates.of(day).persianLong())
                .put("time", ir.line111.core.domain.identity.Digits.toPersian(LocalTime.ofInstant(s.sitsAt(), cx.zone()).toString()))
                .put("weekday", weekday(day.getDayOfWeek()))
                .put("moved", s.movedReason() != null).put("movedReason", s.movedReason()).put("agendaSize", s.agendaSize())
                .put("held", s.sitsAt().isBefore(cx.clock().instant()));
    }

    private BoardSession found(Call c) {
        return agency.board().session(c.pathId("id")).orElseThrow(ApiException::notFound);
    }

    private Object session(Call c) {
        BoardSession s = found(c);
        Instant now = cx.clock().instant();
        JsonArray items = new JsonArray();
        for (AgendaItem a : agency.board().agenda(s.id())) {
            items.add(AgencyJson.item(a.item(), now, cx.zone()).put("subjectName", a.subjectName()).put("attended", a.attended())
                    .put("verdict", a.verdict()).put("verdictJalali", AgencyJson.jalali(a.verdictAt()))
                    .put("complyBy", AgencyJson.str(a.complyBy())).put("complyByJalali", AgencyJson.jalali(a.complyBy()))
                    .put("complied", a.compliedAt() != null));
        }
        cx.audit().record(c.username(), AuditLog.Action.VIEW_CASE, null, null, null, "board agenda " + s.id(), c.ip());
        return session(s).put("agenda", items);
    }

    private Object printable(Call c) {
        BoardSession s = found(c);
        List<AgendaItem> agenda = agency.board().agenda(s.id());
        cx.audit().record(c.username(), AuditLog.Action.VIEW_CASE, null, null, null, "board agenda printed " + s.id(), c.ip());
        return new Reply.Text(200, "text/html; charset=utf-8", AgendaPage.html(session(s), agenda, cx.clock().instant(), cx.zone()),
                Map.of("Cache-Control", "no-store"));
    }

    private Object move(Call c) {
        BoardSession s = found(c);
        JsonObject b = c.json();
        LocalDate day = Inputs.day(Inputs.text(b, "date", 20, true), "date");
        LocalTime time;
        try {
            time = LocalTime.parse(ir.line111.core.domain.identity.Digits.toAscii(Inputs.text(b, "time", 5, true)));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("time", "ساعت را به شکل ۱۰:۳۰ بنویسید");
        }
        Instant at = day.atTime(time).atZone(cx.zone()).toInstant();
        if (at.isBefore(cx.clock().instant())) throw ApiException.invalid("date", "جلسه را نمی‌توان به گذشته برد");
        BoardSession moved = agency.board().move(s.id(), at, Inputs.text(b, "reason", 1000, true), new Actor(c.username()));
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, null, null, null, "board session " + s.id() + " moved to " + at, c.ip());
        return session(moved);
    }

    private Object attendance(Call c) {
        BoardSession s = found(c);
        long caseId = c.pathId("caseId");
        Object attended = c.json().getValue("attended");
        if (!(attended instanceof Boolean yes)) throw ApiException.invalid("attended", "حضور یا غیاب شاکی را مشخص کنید");
        agency.board().attendance(s.id(), caseId, yes, new Actor(c.username()));
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, caseId, null, null, "board attendance " + yes, c.ip());
        return session(c);
    }

    private Object verdict(Call c) {
        BoardSession s = found(c);
        long caseId = c.pathId("caseId");
        JsonObject b = c.json();
        Integer days = b.getValue("complyDays") instanceof Number n ? n.intValue() : null;
        if (days == null || days < 1 || days > 365) throw ApiException.invalid("complyDays", "مهلت اجرای رأی ۱ تا ۳۶۵ روز است");
        agency.board().verdict(s.id(), caseId, Inputs.text(b, "text", 10_000, true), days, new Actor(c.username()));
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, caseId, null, null, "board verdict", c.ip());
        return session(c);
    }

    private static JsonObject schedule(BoardSchedule b) {
        return new JsonObject().put("weekday", b.weekday().name()).put("weekdayLabel", weekday(b.weekday()))
                .put("time", b.time().toString()).put("anchor", b.anchor().toString()).put("anchorJalali", JalaliDates.of(b.anchor()).persian())
                .put("periodDays", BoardSchedule.PERIOD_DAYS);
    }

    private Object putSchedule(Call c) {
        JsonObject b = c.json();
        DayOfWeek day = Inputs.enumOf(DayOfWeek.class, b.getValue("weekday"), "weekday", null);
        if (day == null || day == DayOfWeek.FRIDAY) throw ApiException.invalid("weekday", "روز جلسه را انتخاب کنید (جز جمعه)");
        LocalTime time;
        try {
            time = LocalTime.parse(Inputs.text(b, "time", 5, true));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("time", "ساعت را به شکل ۱۰:۳۰ بنویسید");
        }
        LocalDate anchor = Inputs.day(Inputs.text(b, "anchor", 20, true), "anchor");
        BoardSchedule s = new BoardSchedule(day, time, anchor);
        agency.board().schedule(s);
        cx.audit().record(c.username(), AuditLog.Action.ADMIN_CHANGE, null, null, null, "board schedule " + day + " " + time + " from " + anchor, c.ip());
        return schedule(s);
    }

    static String weekday(DayOfWeek d) {
        return switch (d) {
            case SATURDAY -> "شنبه";
            case SUNDAY -> "یکشنبه";
            case MONDAY -> "دوشنبه";
            case TUESDAY -> "سه‌شنبه";
            case WEDNESDAY -> "چهارشنبه";
            case THURSDAY -> "پنجشنبه";
            case FRIDAY -> "جمعه";
        };
    }
}
