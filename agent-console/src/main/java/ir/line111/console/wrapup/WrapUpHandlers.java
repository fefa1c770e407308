package ir.line111.console.wrapup;

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

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Wrap-up codes (issue 15): the administered list, the operator's choice for a call they answered
 * (idempotent like every write: the UI sends an Idempotency-Key), and the supervisor's count per code
 * for a period, as JSON or as CSV with Persian headers.
 */
public final class WrapUpHandlers {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    private final ConsoleContext cx;
    private final WrapUpStore store;

    public WrapUpHandlers(ConsoleContext cx, WrapUpStore store) {
        this.cx = cx;
        this.store = store;
    }

    public void register(ApiRoutes r) {
        r.get("/api/wrap-up-codes", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN), c -> list(store.codes(true)));
        r.post("/api/desk/calls/:callId/wrap-up", EnumSet.of(Role.OPERATOR), this::choose);
        r.get("/api/desk/calls/:callId/wrap-up", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR), c ->
                store.of(callId(c)).map(WrapUpHandlers::json).orElseThrow(ApiException::notFound));
        r.get("/api/admin/wrap-up-codes", EnumSet.of(Role.ADMIN), c -> list(store.codes(false)));
        r.post("/api/admin/wrap-up-codes", EnumSet.of(Role.ADMIN), this::add);
        r.put("/api/admin/wrap-up-codes/:code", EnumSet.of(Role.ADMIN), this::update);
        r.get("/api/wrap-up-report", EnumSet.of(Role.SUPERVISOR, Role.ADMIN), this::report);
    }

    private static JsonObject list(List<WrapUpStore.Code> codes) {
        JsonArray items = new JsonArray();
        codes.forEach(k -> items.add(json(k)));
        return new JsonObject().put("items", items);
    }

    static JsonObject json(WrapUpStore.Code k) {
        return new JsonObject().put("code", k.code()).put("label", k.label()).put("active", k.active());
    }

    static JsonObject json(WrapUpStore.Chosen w) {
        return new JsonObject().put("callId", w.callId()).put("code", w.code()).put("label", w.label())
                .put("username", w.username()).put("at", w.at().toString());
    }

    private static String callId(Call c) {
        String id = c.param("callId");
        if (id == null || !CALL_ID.matcher(id).matches()) throw ApiException.invalid("callId", "شناسهٔ تماس نامعتبر است");
        return id;
    }

    private Object choose(Call c) {
        String callId = callId(c);
        String code = Inputs.text(c.json(), "code", 32, true);
        WrapUpStore.Code k = store.code(code).filter(WrapUpStore.Code::active)
                .orElseThrow(() -> ApiException.invalid("code", "کد پایان تماس نامعتبر یا بازنشسته است"));
        return json(store.choose(callId, k.code(), c.username()));
    }

    private Object add(Call c) {
        JsonObject b = c.json();
        String code = Inputs.text(b, "code", 32, true).toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(code).matches()) throw ApiException.invalid("code", "کد با حرف لاتین بزرگ آغاز شود و تنها حرف لاتین، رقم و _ داشته باشد");
        String label = Inputs.text(b, "label", 100, true);
        WrapUpStore.Code k = store.add(code, label);
        cx.audit().record(c.username(), AuditLog.Action.ADMIN_CHANGE, null, null, null, "wrap-up code added " + code, c.ip());
        return new Reply.Json(201, json(k));
    }

    private Object update(Call c) {
        JsonObject b = c.json();
        String label = Inputs.text(b, "label", 100, false);
        Object active = b.getValue("active");
        if (active != null && !(active instanceof Boolean)) throw ApiException.invalid("active", "باید true یا false باشد");
        WrapUpStore.Code k = store.update(c.param("code"), label, (Boolean) active).orElseThrow(ApiException::notFound);
        cx.audit().record(c.username(), AuditLog.Action.ADMIN_CHANGE, null, null, null, "wrap-up code changed " + k.code(), c.ip());
        return json(k);
    }

    private Object report(Call c) {
        Inputs.Period period = Inputs.period(c.param("from"), c.param("to"), LocalDate.now(cx.clock().withZone(cx.zone())));
        LocalDate from = period.from(), to = period.to();
        List<WrapUpStore.Count> counts = store.counts(from.atStartOfDay(cx.zone()).toInstant(), to.plusDays(1).atStartOfDay(cx.zone()).toInstant());
        if ("csv".equalsIgnoreCase(c.param("format"))) {
            return new Reply.Text(200, "text/csv; charset=utf-8", WrapUpCsv.of(counts),
                    Map.of("Content-Disposition", "attachment; filename=\"wrap-up-" + from + "-" + to + ".csv\""));
        }
        JsonArray rows = new JsonArray();
        long total = 0;
        for (WrapUpStore.Count k : counts) {
            rows.add(new JsonObject().put("code", k.code()).put("label", k.label()).put("active", k.active()).put("calls", k.calls()));
            total += k.calls();
        }
        return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("total", total).put("rows", rows);
    }
}
