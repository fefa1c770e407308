package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Inputs;
import ir.line111.console.http.Reply;
import ir.line111.console.live.LiveEvents;
import ir.line111.console.store.Reports;

import java.time.LocalDate;
import java.util.Map;

/** The supervisor's live queue and reports. */
public final class SupervisorHandlers {
    private final ConsoleContext cx;

    public SupervisorHandlers(ConsoleContext cx) { this.cx = cx; }

    public void register(ApiRoutes r) {
        r.get("/api/queue", Roles.DESK, c -> {
            JsonObject q = LiveEvents.forRole(cx.live().lastQueueState(), c.session());
            JsonObject today = q.getValue("today") instanceof JsonObject t ? t : new JsonObject();
            cx.reports().today().forEach((k, v) -> { if (!today.containsKey(k)) today.put(k, v); });
            return q.put("today", today);
        });
        r.get("/api/reports", Roles.REPORTS, c -> {
            JsonArray list = new JsonArray();
            Reports.TITLES.forEach((k, v) -> list.add(new JsonObject().put("code", k).put("label", v)));
            return new JsonObject().put("reports", list);
        });
        r.get("/api/reports/:name", Roles.REPORTS, this::report);
    }

    private Object report(Call c) {
        Inputs.Period period = Inputs.period(c.param("from"), c.param("to"), LocalDate.now(cx.clock().withZone(cx.zone())));
        LocalDate from = period.from(), to = period.to();
        String name = c.param("name");
        Reports.Report rep = ReportText.persian(cx.reports().run(name, from, to).orElseThrow(ApiException::notFound));
        String accept = c.header("Accept");
        boolean csv = "csv".equalsIgnoreCase(c.param("format")) || (accept != null && accept.contains("text/csv") && c.param("format") == null);
        if (csv) {
            return new Reply.Text(200, "text/csv; charset=utf-8", ReportText.csv(rep), Map.of("Content-Disposition",
                    "attachment; filename=\"" + rep.name() + "-" + from + "-" + to + ".csv\""));
        }
        JsonArray cols = new JsonArray();
        rep.columns().forEach(col -> cols.add(new JsonObject().put("key", col.key()).put("label", col.label()).put("type", col.type())));
        JsonArray rows = new JsonArray();
        rep.rows().forEach(row -> rows.add(new JsonObject(new java.util.LinkedHashMap<>(row))));
        JsonObject o = new JsonObject().put("report", rep.name()).put("title", rep.title()).put("from", from.toString())
                .put("to", to.toString()).put("columns", cols).put("rows", rows);
        if (rep.note() != null) o.put("note", rep.note());
        return o;
    }
}
