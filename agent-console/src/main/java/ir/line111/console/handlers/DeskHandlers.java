package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Inputs;
import ir.line111.console.store.AbandonedCalls;

import java.time.LocalDate;
import java.util.Set;

/** The operator's live desk: presence in the queue, abandoned calls to call back. */
public final class DeskHandlers {
    static final Set<String> ACTIONS = Set.of("login", "ready", "pause", "logout");
    static final Set<String> PAUSE_REASONS = Set.of("BREAK", "LUNCH", "TRAINING", "PAPERWORK", "OTHER");

    private final ConsoleContext cx;

    public DeskHandlers(ConsoleContext cx) { this.cx = cx; }

    public void register(ApiRoutes r) {
        r.get("/api/desk/presence", Roles.OPERATOR, c -> cx.presence().of(c.username()));
        r.post("/api/desk/presence", Roles.OPERATOR, this::presence);
        r.get("/api/desk/abandoned", Roles.DESK, this::abandoned);
        r.post("/api/desk/abandoned/:id/called-back", Roles.DESK, this::calledBack);
    }

    private Object presence(Call c) {
        JsonObject b = c.json();
        String action = Inputs.text(b, "action", 10, true).toLowerCase();
        if (!ACTIONS.contains(action)) throw ApiException.invalid("action", "کار نامعتبر");
        String reason = Inputs.text(b, "reason", 100, "pause".equals(action));
        String device = Inputs.text(b, "device", 64, false);
        if (device == null) device = c.session().device();
        if (device != null && !device.matches("[A-Za-z0-9/_.@:-]{1,64}")) throw ApiException.invalid("device", "نام دستگاه تلفن نامعتبر است");
        if ("login".equals(action) && device == null) throw ApiException.invalid("device", "دستگاه تلفن شما تعریف نشده است");
        JsonObject state = cx.presence().change(c.username(), action, device, reason);
        if (device != null) c.session().device(device);
        return state;
    }

    private Object abandoned(Call c) {
        LocalDate today = LocalDate.now(cx.clock().withZone(cx.zone()));
        LocalDate from = Inputs.day(c.param("from"), "from");
        LocalDate to = Inputs.day(c.param("to"), "to");
        if (from == null) from = today;
        if (to == null) to = today;
        boolean pending = c.param("pending") == null || Boolean.parseBoolean(c.param("pending"));
        JsonArray items = new JsonArray();
        for (AbandonedCalls.Row row : cx.abandoned().list(from.atStartOfDay(cx.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(cx.zone()).toInstant(), pending)) {
            items.add(json(row));
        }
        return new JsonObject().put("items", items);
    }

    private Object calledBack(Call c) {
        return cx.abandoned().calledBack(c.pathId("id"), c.username()).map(DeskHandlers::json).orElseThrow(ApiException::notFound);
    }

    static JsonObject json(AbandonedCalls.Row r) {
        return new JsonObject().put("id", r.id()).put("callId", r.callId()).put("callerNumber", r.callerNumber())
                .put("waitSeconds", r.waitSeconds()).put("at", r.at().toString())
                .put("calledBackAt", r.calledBackAt() == null ? null : r.calledBackAt().toString()).put("calledBackBy", r.calledBackBy());
    }
}
