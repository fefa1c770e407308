package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiRoutes;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.Relation;

import java.util.Map;

/** The enumerations with their Persian labels, and the active agencies, for the forms. */
public final class ReferenceHandlers {
    private static final Map<String, String> NOT_A_MATTER = Map.of("SILENCE", "پیام خالی/بی‌صدا", "WRONG_NUMBER", "شمارهٔ اشتباه",
            "TEST", "تماس آزمایشی", "DUPLICATE", "تکراری", "OTHER", "سایر");
    private static final Map<String, String> PAUSE = Map.of("BREAK", "استراحت", "LUNCH", "ناهار", "TRAINING", "آموزش",
            "PAPERWORK", "کار اداری", "OTHER", "سایر");

    private final ConsoleContext cx;

    public ReferenceHandlers(ConsoleContext cx) { this.cx = cx; }

    public void register(ApiRoutes r) {
        r.get("/api/reference", Roles.ANY, c -> {
            JsonArray kinds = new JsonArray(), channels = new JsonArray(), statuses = new JsonArray(), relations = new JsonArray(), deadlines = new JsonArray();
            for (CaseKind k : CaseKind.values()) kinds.add(l(k.name(), k.persian()));
            for (Channel k : Channel.values()) channels.add(l(k.name(), k.persian()));
            for (CaseStatus k : CaseStatus.values()) statuses.add(l(k.name(), k.persian()));
            for (Relation k : Relation.values()) relations.add(l(k.name(), k.persian()));
            for (DeadlineClass k : DeadlineClass.values()) deadlines.add(l(k.name(), k.persian()).put("days", k.days()));
            JsonArray agencies = new JsonArray();
            cx.admin().agencies(true).forEach(a -> agencies.add(AdminHandlers.agency(a)));
            JsonArray nam = new JsonArray(), pause = new JsonArray();
            NOT_A_MATTER.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> nam.add(l(e.getKey(), e.getValue())));
            PAUSE.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> pause.add(l(e.getKey(), e.getValue())));
            return new JsonObject().put("kinds", kinds).put("channels", channels).put("statuses", statuses).put("relations", relations)
                    .put("deadlineClasses", deadlines).put("agencies", agencies).put("notAMatterReasons", nam).put("pauseReasons", pause);
        });
    }

    private static JsonObject l(String code, String label) {
        return new JsonObject().put("code", code).put("label", label);
    }
}
