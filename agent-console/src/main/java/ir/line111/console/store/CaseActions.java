package ir.line111.console.store;

import ir.line111.console.http.ApiException;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.Relation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The supervisor's and transcriber's actions on a case that core's {@code CaseRegistry} port does not
 * carry (refer, answer, board, close, the workbench's registration). Each is one transaction: the
 * row is locked, the move is checked against {@link CaseStatus#canMoveTo} (the one place the life
 * cycle lives), and a timeline entry is appended in core's {@code case_event}.
 */
public final class CaseActions {

    /** What a transcriber filled in for a voicemail. */
    public record Transcribed(CaseKind kind, String subjectNationalId, boolean idVerified, Relation relation,
                              String subjectFullName, Long agencyId, String summary, String description,
                              DeadlineClass deadline, String transcript) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public CaseActions(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void refer(long caseId, long agencyId, String note, String actor) {
        jdbc.inTransaction(c -> {
            CaseRow row = lock(c, caseId);
            String agency = Jdbc.list(c, "select name from agency where id = ? and active = true", rs -> rs.getString(1), agencyId)
                    .stream().findFirst().orElseThrow(() -> ApiException.invalid("agencyId", "دستگاه اجرایی یافت نشد"));
            Instant now = now();
            CaseStatus target = CaseStatus.REFERRED;
            require(row, target);
            Jdbc.update(c, "update case_record set status = ?, agency_id = ?, updated_at = ?, row_version = row_version + 1 where id = ?",
                    target.name(), agencyId, now, caseId);
            event(c, caseId, now, actor, "REFERRED", join("ارجاع به " + agency, note), row.status(), target, null, null);
            return null;
        });
    }

    public void answer(long caseId, String text, Long recordingId, String actor) {
        jdbc.inTransaction(c -> {
            CaseRow row = lock(c, caseId);
            Instant now = now();
            require(row, CaseStatus.ANSWERED);
            Jdbc.update(c, "update case_record set status = ?, answer = ?, answered_at = ?, updated_at = ?, row_version = row_version + 1 where id = ?",
                    CaseStatus.ANSWERED.name(), text, now, now, caseId);
            event(c, caseId, now, actor, "ANSWERED", text, row.status(), CaseStatus.ANSWERED, null, recordingId);
            return null;
        });
    }

    /** To the complaints board, after an objection (through OBJECTION_2 when the case is at the first one). */
    public void board(long caseId, String note, String actor) {
        jdbc.inTransaction(c -> {
            CaseRow row = lock(c, caseId);
            Instant now = now();
            CaseStatus from = row.status();
            if (from == CaseStatus.OBJECTION_1) {
                event(c, caseId, now, actor, "OBJECTION", join("اعتراض دوم با تصمیم ناظر", note), from, CaseStatus.OBJECTION_2, null, null);
                from = CaseStatus.OBJECTION_2;
            }
            if (!from.canMoveTo(CaseStatus.COMPLAINTS_BOARD)) throw transition(row.status(), CaseStatus.COMPLAINTS_BOARD);
            Jdbc.update(c, "update case_record set status = ?, updated_at = ?, row_version = row_version + 1 where id = ?",
                    CaseStatus.COMPLAINTS_BOARD.name(), now, caseId);
            event(c, caseId, now, actor, "SENT_TO_BOARD", note, from, CaseStatus.COMPLAINTS_BOARD, null, null);
            return null;
        });
    }

    public void close(long caseId, String note, String actor) {
        jdbc.inTransaction(c -> {
            CaseRow row = lock(c, caseId);
            Instant now = now();
            require(row, CaseStatus.CLOSED);
            Jdbc.update(c, "update case_record set status = ?, closed_at = ?, updated_at = ?, row_version = row_version + 1 where id = ?",
                    CaseStatus.CLOSED.name(), now, now, caseId);
            event(c, caseId, now, actor, "CLOSED", note, row.status(), CaseStatus.CLOSED, null, null);
            return null;
        });
    }

    /** The workbench's registration: the voicemail becomes a full case under the code the caller already has. */
    public void transcribed(long caseId, Transcribed t, String actor) {
        jdbc.inTransaction(c -> {
            CaseRow row = lock(c, caseId);
            if (row.status() != CaseStatus.AWAITING_TRANSCRIPTION) throw transition(row.status(), CaseStatus.REGISTERED);
            Instant now = now();
            DeadlineClass deadline = t.deadline() == null ? DeadlineClass.SIMPLE : t.deadline();
            if (t.agencyId() != null && Jdbc.list(c, "select id from agency where id = ?", rs -> rs.getLong(1), t.agencyId()).isEmpty()) {
                throw ApiException.invalid("agencyId", "دستگاه اجرایی یافت نشد");
            }
            Jdbc.update(c, "update case_record set kind = ?, subject_national_id = ?, subject_id_verified = ?, subject_relation = ?, "
                            + "subject_full_name = ?, agency_id = ?, summary = ?, description = ?, deadline_class = ?, due_at = ?, "
                            + "status = ?, updated_at = ?, row_version = row_version + 1 where id = ?",
                    t.kind().name(), t.subjectNationalId(), t.idVerified(), t.relation().name(), t.subjectFullName(), t.agencyId(),
                    t.summary(), t.description(), deadline.name(), row.registeredAt().plus(deadline.duration()),
                    CaseStatus.REGISTERED.name(), now, caseId);
            event(c, caseId, now, actor, "TRANSCRIBED", t.transcript() == null || t.transcript().isBlank()
                    ? t.summary() : t.transcript(), row.status(), CaseStatus.REGISTERED, row.callId(), row.messageRecordingId());
            return null;
        });
    }

    /** Silence, a wrong number…: closed with the reason on the timeline. */
    public void notAMatter(long caseId, String reason, String note, String actor) {
        jdbc.inTransaction(c -> {
            CaseRow row = lock(c, caseId);
            if (row.status() != CaseStatus.AWAITING_TRANSCRIPTION) throw transition(row.status(), CaseStatus.CLOSED);
            Instant now = now();
            Jdbc.update(c, "update case_record set status = ?, closed_at = ?, updated_at = ?, row_version = row_version + 1 where id = ?",
                    CaseStatus.CLOSED.name(), now, now, caseId);
            event(c, caseId, now, actor, "CLOSED", join("موضوعیت ندارد: " + reason, note), row.status(), CaseStatus.CLOSED, row.callId(), null);
            return null;
        });
    }

    private CaseRow lock(Connection c, long caseId) throws SQLException {
        List<CaseRow> rows = Jdbc.list(c, "select " + CaseQueries.COLUMNS.formatted("c.description", "c.answer")
                + " from case_record c left join agency a on a.id = c.agency_id where c.id = ?", CaseQueries::row, caseId);
        if (rows.isEmpty()) throw ApiException.notFound();
        // Lock the row itself (not the join) so two supervisors' actions on one case queue up.
        Jdbc.list(c, "select id from case_record where id = ? for update", rs -> rs.getLong(1), caseId);
        return rows.getFirst();
    }

    private static void require(CaseRow row, CaseStatus target) {
        if (!row.status().canMoveTo(target)) throw transition(row.status(), target);
    }

    private static ApiException transition(CaseStatus from, CaseStatus to) {
        return ApiException.conflict("پرونده در وضعیت «" + from.persian() + "» است و نمی‌تواند «" + to.persian() + "» شود");
    }

    private void event(Connection c, long caseId, Instant at, String actor, String type, String detail,
                       CaseStatus from, CaseStatus to, String callId, Long recordingId) throws SQLException {
        long id = jdbc.nextval(c, "case_event_seq");
        Jdbc.update(c, "insert into case_event (id, case_id, occurred_at, actor, event_type, detail, from_status, to_status, call_id, recording_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, caseId, at, actor, type, clip(detail, 4000), from == null ? null : from.name(), to == null ? null : to.name(),
                callId, recordingId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String join(String a, String note) {
        return note == null || note.isBlank() ? a : a + " — " + note;
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
