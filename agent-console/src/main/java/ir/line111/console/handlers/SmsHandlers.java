package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.ports.SmsOutboxView;

import java.util.Locale;
import java.util.Set;

/** The SMS outbox for supervisors and admins: what failed (the default), or any other state, with the counts. */
public final class SmsHandlers {
    private static final Set<String> STATES = Set.of("PENDING", "SUBMITTED", "DELIVERED", "FAILED");
    private final SmsOutboxView sms;

    public SmsHandlers(SmsOutboxView sms) { this.sms = sms; }

    public void register(ApiRoutes r) {
        r.get("/api/sms", Roles.REPORTS, this::list);
    }

    private Object list(Call c) {
        String state = c.param("state") == null ? "FAILED" : c.param("state").strip().toUpperCase(Locale.ROOT);
        if (!STATES.contains(state)) throw ApiException.invalid("state", "وضعیت پیامک یکی از PENDING، SUBMITTED، DELIVERED یا FAILED است");
        int limit = c.intParam("limit", 100, 1, 1000);
        JsonArray rows = new JsonArray();
        for (SmsOutboxView.Message m : sms.list(state, limit)) {
            JsonObject o = new JsonObject().put("id", m.id()).put("caseId", m.caseId()).put("trackingCode", m.trackingCode())
                    .put("kind", m.kind()).put("destination", m.destination()).put("state", m.state()).put("attempts", m.attempts())
                    .put("createdAt", m.createdAt().toString()).put("updatedAt", m.updatedAt().toString());
            if (m.lastError() != null) o.put("lastError", m.lastError());
            rows.add(o);
        }
        JsonObject counts = new JsonObject();
        sms.counts().forEach(counts::put);
        return new JsonObject().put("enabled", sms.enabled()).put("state", state).put("counts", counts).put("messages", rows);
    }
}
