package ir.line111.console.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.security.Session;
import ir.line111.console.store.AuditLog;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Clock;

/** What the console adds to a screen-pop: the caller's earlier cases when the AMI adapter sent none, and the audit entry. */
public final class ScreenPops {
    private ScreenPops() {}

    /** Blocking: reads the registry. The subject's ID wins over the caller's (the matter may be someone else's). */
    public static JsonObject withEarlierCases(JsonObject pop, CaseDesk cases, Clock clock) {
        JsonArray given = pop.getJsonArray("earlierCases");
        if (given != null && !given.isEmpty()) return pop;
        String raw = pop.getString("subjectNationalId") != null ? pop.getString("subjectNationalId") : pop.getString("nationalId");
        if (raw == null || !(NationalId.parse(raw) instanceof NationalId.Parsed.Valid v)) return pop;
        JsonArray earlier = new JsonArray();
        for (CaseListItem i : cases.search(CaseQuery.all(20).withNationalId(v.id().digits())).items()) {
            var r = i.summary();
            earlier.add(new JsonObject().put("id", r.id()).put("trackingCode", r.trackingCode().digits())
                    .put("trackingCodePersian", persian(r.trackingCode().digits()))
                    .put("kind", r.kind() == null ? null : r.kind().name()).put("channel", r.channel().name())
                    .put("status", r.status().name()).put("agencyName", r.agencyName()).put("summary", i.summaryText())
                    .put("registeredAt", String.valueOf(r.registeredAt())).put("dueAt", r.dueAt() == null ? null : r.dueAt().toString())
                    .put("overdue", i.overdue()));
        }
        return pop.copy().put("earlierCases", earlier);
    }

    public static void audit(AuditLog audit, Session s, JsonObject pop) {
        String id = pop.getString("nationalId");
        String masked = id != null && NationalId.parse(id) instanceof NationalId.Parsed.Valid v ? v.id().masked() : null;
        Object rec = pop.getValue("spokenIdRecordingId");
        Object draft = pop.getValue("draftCaseId");
        audit.record(s.username(), AuditLog.Action.VIEW_NATIONAL_ID, draft instanceof Number n ? n.longValue() : null,
                rec instanceof Number r ? r.longValue() : null, masked, "screen-pop " + pop.getString("callId"), s.ip());
    }

    private static String persian(String code) {
        try {
            return new TrackingCode(code).persianGrouped();
        } catch (RuntimeException e) {
            return code;
        }
    }
}
