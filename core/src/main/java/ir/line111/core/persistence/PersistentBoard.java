package ir.line111.core.persistence;

import ir.line111.core.domain.agencydesk.InboxItem;
import ir.line111.core.domain.board.AgendaItem;
import ir.line111.core.domain.board.Board;
import ir.line111.core.domain.board.BoardSchedule;
import ir.line111.core.domain.board.BoardSession;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.domain.office.HolidayCalendar;
import ir.line111.core.persistence.entity.CaseEntity;
import org.hibernate.Session;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The complaints board on the core tables (V14); its schedule in core_setting ({@code board.*}). */
public final class PersistentBoard implements Board {

    private final Database db;
    private final HolidayCalendar holidays;
    private final ZoneId zone;
    private final java.time.Clock clock;

    public PersistentBoard(Database db, HolidayCalendar holidays, ZoneId zone, java.time.Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BoardSchedule schedule() {
        return db.fromTransaction(PersistentBoard::schedule);
    }

    private static BoardSchedule schedule(Session s) {
        Map<String, String> v = AgencyRows.query(s, "select name, setting_value from core_setting where name like 'board.%'",
                rs -> Map.entry(rs.getString(1), rs.getString(2))).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        BoardSchedule d = BoardSchedule.DEFAULT;
        return new BoardSchedule(v.containsKey("board.weekday") ? DayOfWeek.valueOf(v.get("board.weekday")) : d.weekday(),
                v.containsKey("board.time") ? LocalTime.parse(v.get("board.time")) : d.time(),
                v.containsKey("board.anchor") ? LocalDate.parse(v.get("board.anchor")) : d.anchor());
    }

    @Override
    public void schedule(BoardSchedule b) {
        Instant now = now();
        db.inTransaction(s -> {
            put(s, "board.weekday", b.weekday().name(), now);
            put(s, "board.time", b.time().toString(), now);
            put(s, "board.anchor", b.anchor().toString(), now);
        });
    }

    private static void put(Session s, String name, String value, Instant now) {
        if (AgencyRows.update(s, "update core_setting set setting_value = ?, updated_at = ? where name = ?", value, now, name) == 0) {
            AgencyRows.update(s, "insert into core_setting (name, setting_value, updated_at) values (?, ?, ?)", name, value, now);
        }
    }

    @Override
    public BoardSession nextSession() {
        Instant now = now();
        return db.fromTransaction(s -> next(s, now));
    }

    /** The soonest session not sat yet: a stored one (perhaps moved) or the next slot's, stored now. */
    private BoardSession next(Session s, Instant now) {
        BoardSchedule b = schedule(s);
        LocalDate slot = b.slotOnOrAfter(LocalDate.ofInstant(now, zone).minusDays(BoardSchedule.PERIOD_DAYS));
        for (int i = 0; i < 60; i++, slot = slot.plusDays(BoardSchedule.PERIOD_DAYS)) {
            Optional<BoardSession> stored = bySlot(s, slot);
            Instant sits = stored.map(BoardSession::sitsAt).orElse(b.sitsAt(slot, holidays, zone));
            if (sits.isBefore(now)) continue;
            if (stored.isPresent()) return stored.get();
            AgencyRows.update(s, "insert into board_session (slot_date, sits_at, created_at) values (?, ?, ?)", slot, sits, now);
            return bySlot(s, slot).orElseThrow();
        }
        throw new IllegalStateException("no board session in the next two years");
    }

    private static final String SESSION_SELECT = "select b.*, (select count(*) from board_agenda_item i where i.session_id = b.id) as agenda_size from board_session b ";

    private static BoardSession session(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BoardSession(rs.getLong("id"), rs.getObject("slot_date", LocalDate.class), AgencyRows.instant(rs, "sits_at"),
                rs.getString("moved_reason"), rs.getInt("agenda_size"));
    }

    private static Optional<BoardSession> bySlot(Session s, LocalDate slot) {
        return AgencyRows.query(s, SESSION_SELECT + "where b.slot_date = ?", PersistentBoard::session, slot).stream().findFirst();
    }

    private static BoardSession byId(Session s, long id) {
        return AgencyRows.query(s, SESSION_SELECT + "where b.id = ?", PersistentBoard::session, id).stream().findFirst()
                .orElseThrow(() -> new NoSuchCaseException("board session " + id));
    }

    @Override
    public List<BoardSession> sessions(Instant from, int max) {
        Instant now = now();
        return db.fromTransaction(s -> {
            next(s, now);
            return AgencyRows.query(s, SESSION_SELECT + "where b.sits_at >= ? order by b.sits_at, b.id", PersistentBoard::session, from)
                    .stream().limit(Math.max(1, max)).toList();
        });
    }

    @Override
    public Optional<BoardSession> session(long sessionId) {
        return db.fromTransaction(s -> AgencyRows.query(s, SESSION_SELECT + "where b.id = ?", PersistentBoard::session, sessionId).stream().findFirst());
    }

    @Override
    public List<AgendaItem> agenda(long sessionId) {
        Instant now = now();
        return db.fromTransaction(s -> {
            byId(s, sessionId);
            record Row(long caseId, String name, Boolean attended, String verdict, Instant verdictAt, Instant complyBy, Instant compliedAt) {}
            List<Row> rows = AgencyRows.query(s, "select i.*, c.subject_full_name from board_agenda_item i join case_record c on c.id = i.case_id "
                    + "where i.session_id = ?", rs -> new Row(rs.getLong("case_id"), rs.getString("subject_full_name"),
                    rs.getString("attendance") == null ? null : "ATTENDED".equals(rs.getString("attendance")), rs.getString("verdict"),
                    AgencyRows.instant(rs, "verdict_at"), AgencyRows.instant(rs, "comply_by"), AgencyRows.instant(rs, "complied_at")), sessionId);
            if (rows.isEmpty()) return List.of();
            Map<Long, InboxItem> items = AgencyRows.items(s, now, "c.id in (select case_id from board_agenda_item where session_id = ?)", sessionId)
                    .stream().collect(Collectors.toMap(InboxItem::id, Function.identity()));
            List<AgendaItem> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new AgendaItem(sessionId, items.get(r.caseId()), r.name(), r.attended(), r.verdict(), r.verdictAt(), r.complyBy(), r.compliedAt()));
            }
            List<InboxItem> order = new ArrayList<>(items.values());
            order.sort(ir.line111.core.domain.agencydesk.DeskOrder.comparator(now));
            out.sort(Comparator.comparingInt(a -> order.indexOf(a.item())));
            return out;
        });
    }

    @Override
    public int enrolPending() {
        Instant now = now();
        return db.fromTransaction(s -> {
            List<Long> waiting = AgencyRows.query(s, "select c.id from case_record c where c.status = 'COMPLAINTS_BOARD' and not exists "
                    + "(select 1 from board_agenda_item i join board_session b on b.id = i.session_id where i.case_id = c.id and (b.sits_at >= ? or i.verdict is not null))",
                    rs -> rs.getLong(1), now);
            if (waiting.isEmpty()) return 0;
            BoardSession next = next(s, now);
            for (long id : waiting) {
                AgencyRows.update(s, "insert into board_agenda_item (session_id, case_id, added_at) values (?, ?, ?)", next.id(), id, now);
                CaseRows.event(s, id, now, Actor.SYSTEM, CaseEventType.BOARD_SCHEDULED, CaseRows.params("date", jalali(next.sitsAt()),
                        "sessionId", Long.toString(next.id())), null, null, null, null, null);
            }
            return waiting.size();
        });
    }

    @Override
    public BoardSession move(long sessionId, Instant sitsAt, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("moving a session needs a reason");
        Instant now = now();
        return db.fromTransaction(s -> {
            byId(s, sessionId);
            AgencyRows.update(s, "update board_session set sits_at = ?, moved_reason = ? where id = ?", sitsAt, reason.strip(), sessionId);
            for (long caseId : AgencyRows.query(s, "select case_id from board_agenda_item where session_id = ? and verdict is null", rs -> rs.getLong(1), sessionId)) {
                CaseRows.event(s, caseId, now, actor, CaseEventType.BOARD_SCHEDULED, CaseRows.params("date", jalali(sitsAt), "moved", "true",
                        "sessionId", Long.toString(sessionId)), reason.strip(), null, null, null, null);
            }
            return byId(s, sessionId);
        });
    }

    @Override
    public void attendance(long sessionId, long caseId, boolean attended, Actor actor) {
        Instant now = now();
        db.inTransaction(s -> {
            if (AgencyRows.update(s, "update board_agenda_item set attendance = ? where session_id = ? and case_id = ?",
                    attended ? "ATTENDED" : "ABSENT", sessionId, caseId) == 0) {
                throw new NoSuchCaseException("case " + caseId + " on the agenda of session " + sessionId);
            }
            CaseRows.event(s, caseId, now, actor, CaseEventType.BOARD_ATTENDANCE, CaseRows.params("attended", Boolean.toString(attended)),
                    null, null, null, null, null);
        });
    }

    @Override
    public CaseDetail verdict(long sessionId, long caseId, String text, int complyDays, Actor actor) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a verdict needs its text");
        if (complyDays < 1 || complyDays > 365) throw new IllegalArgumentException("the deadline to comply is 1 to 365 days");
        Instant now = now();
        Instant complyBy = now.plus(Duration.ofDays(complyDays));
        return db.fromTransaction(s -> {
            if (AgencyRows.query(s, "select 1 from board_agenda_item where session_id = ? and case_id = ?", rs -> 1, sessionId, caseId).isEmpty()) {
                throw new NoSuchCaseException("case " + caseId + " on the agenda of session " + sessionId);
            }
            CaseEntity c = CaseRows.load(s, caseId);
            if (c.getStatus() != CaseStatus.COMPLAINTS_BOARD) throw new CaseRuleException("the board decides a case at the board; the case is " + c.getStatus());
            // The board's verdict is the case's answer (CaseStatus: COMPLAINTS_BOARD -> ANSWERED); a later objection is only recorded.
            CaseRows.move(s, c, CaseStatus.ANSWERED, now, actor, CaseEventType.BOARD_VERDICT,
                    CaseRows.params("complyBy", jalali(complyBy), "sessionId", Long.toString(sessionId)), CaseRows.truncate(text.strip(), 3800), null);
            c.setAnswer(text.strip());
            c.setAnsweredAt(now);
            AgencyRows.update(s, "update board_agenda_item set verdict = ?, verdict_at = ?, comply_by = ? where session_id = ? and case_id = ?",
                    text.strip(), now, complyBy, sessionId, caseId);
            s.flush();
            return CaseRows.detail(s, c, now);
        });
    }

    @Override
    public Optional<Instant> verdictAt(long caseId) {
        return db.fromTransaction(s -> BoardVerdicts.at(s, caseId));
    }

    /** A day people read: Jalali in the office's zone, e.g. 1405/09/24 14:00. */
    private String jalali(Instant at) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofInstant(at, zone);
        return ir.line111.core.calendar.JalaliDates.format(t.toLocalDate()) + " %02d:%02d".formatted(t.getHour(), t.getMinute());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
