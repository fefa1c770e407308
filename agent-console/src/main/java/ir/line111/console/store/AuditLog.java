package ir.line111.console.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who viewed or changed which case, national ID and recording. National IDs are kept masked only. */
public final class AuditLog {

    public enum Action {
        SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, VIEW_CASE, SEARCH_CASES, CHANGE_CASE, REGISTER_CASE, VIEW_NATIONAL_ID,
        PLAY_RECORDING, VIEW_TRANSCRIPT, CLAIM_VOICEMAIL, ADMIN_CHANGE, REFUSED
    }

    public record Entry(Instant at, String username, String action, Long caseId, Long recordingId,
                        String nationalIdMasked, String detail, String ip) {}

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private final Jdbc jdbc;
    private final Clock clock;

    public AuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String username, Action action, Long caseId, Long recordingId, String nationalIdMasked,
                       String detail, String ip) {
        jdbc.update("insert into console_audit (at, username, action, case_id, recording_id, national_id_masked, detail, ip) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                clock.instant(), CaseActions.clip(username == null ? "-" : username, 64), action.name(), caseId, recordingId,
                nationalIdMasked, CaseActions.clip(detail, 1000), ip);
        log.debug("audit {} {} case={} recording={}", username, action, caseId, recordingId);
    }

    public List<Entry> list(Long caseId, String username, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select at, username, action, case_id, recording_id, national_id_masked, detail, ip "
                + "from console_audit where 1=1");
        List<Object> args = new ArrayList<>();
        if (caseId != null) { sql.append(" and case_id = ?"); args.add(caseId); }
        if (username != null) { sql.append(" and username = ?"); args.add(username); }
        if (from != null) { sql.append(" and at >= ?"); args.add(from); }
        if (to != null) { sql.append(" and at < ?"); args.add(to); }
        sql.append(" order by at desc, id desc limit ?");
        args.add(limit);
        return jdbc.list(sql.toString(), rs -> new Entry(Jdbc.instant(rs, "at"), rs.getString("username"), rs.getString("action"),
                Jdbc.longOrNull(rs, "case_id"), Jdbc.longOrNull(rs, "recording_id"), rs.getString("national_id_masked"),
                rs.getString("detail"), rs.getString("ip")), args.toArray());
    }
}
