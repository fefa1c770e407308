package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Inputs;
import ir.line111.console.http.Reply;
import ir.line111.console.store.AuditLog;
import ir.line111.console.store.CaseActions;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CasePage;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Set;

/** Case search, the case page and the actions on a case. */
public final class CaseHandlers {
    private final ConsoleContext cx;

    public CaseHandlers(ConsoleContext cx) { this.cx = cx; }

    public void register(ApiRoutes r) {
        r.get("/api/cases", Roles.CASE_READERS, this::search);
        r.post("/api/cases", Roles.DESK, this::create);
        r.post("/api/cases/duplicate-check", Roles.CASE_READERS, this::duplicateCheck);
        r.get("/api/cases/due", Roles.DESK, this::due);
        r.get("/api/cases/:id", Roles.CASE_READERS, this::detail);
        r.post("/api/cases/:id/messages", Roles.DESK, this::message);
        r.post("/api/cases/:id/refer", Roles.SUPERVISOR, this::refer);
        r.post("/api/cases/:id/answer", Roles.SUPERVISOR, this::answer);
        r.post("/api/cases/:id/answer-audio", Roles.SUPERVISOR, this::answerAudio);
        r.post("/api/cases/:id/objection", Roles.DESK, this::objection);
        r.post("/api/cases/:id/board", Roles.SUPERVISOR, this::board);
        r.post("/api/cases/:id/close", Roles.SUPERVISOR, this::close);
    }

    private Object search(Call c) {
        String code = c.param("trackingCode");
        if (code != null) {
            code = switch (TrackingCode.parse(code)) {
                case TrackingCode.Parsed.Valid v -> v.code().digits();
                case TrackingCode.Parsed.Malformed m -> throw ApiException.invalid("trackingCode", "کد رهگیری نامعتبر است: " + m.problem().persian(),
                        "tracking_code." + m.problem().name());
                case TrackingCode.Parsed.WrongCheckDigit w -> throw ApiException.invalid("trackingCode", TrackingCode.Problem.CHECK_DIGIT.persian(),
                        "tracking_code." + TrackingCode.Problem.CHECK_DIGIT.name());
            };
        }
        String nid = c.param("nationalId") == null ? null : Inputs.nationalId(c.param("nationalId"), "nationalId").digits();
        LocalDate from = Inputs.day(c.param("from"), "from");
        LocalDate to = Inputs.day(c.param("to"), "to");
        Channel channel = Inputs.optionalEnum(Channel.class, c.param("channel"), "channel");
        Channel only = CaseJson.onlyChannel(c);
        CaseStatus status = Inputs.optionalEnum(CaseStatus.class, c.param("status"), "status");
        CaseQuery q = new CaseQuery(code, nid, Inputs.phone(c.param("callerNumber"), "callerNumber"), c.longParam("agencyId"),
                Inputs.optionalEnum(CaseKind.class, c.param("kind"), "kind"), status == null ? Set.of() : Set.of(status),
                channel != null ? Set.of(channel) : only != null ? Set.of(only) : Set.of(),
                from == null ? null : from.atStartOfDay(cx.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(cx.zone()).toInstant(),
                null, false, c.intParam("page", 0, 0, 100_000), c.intParam("size", 25, 1, 200),
                c.param("overdue") == null ? null : Boolean.parseBoolean(c.param("overdue")));
        // a channel the role may not see finds nothing (the role's limit is applied on top of the filter)
        CasePage page = channel != null && only != null && channel != only
                ? new CasePage(java.util.List.of(), q.page(), q.size(), false) : cx.desk().search(q);
        if (nid != null) {
            cx.audit().record(c.username(), AuditLog.Action.SEARCH_CASES, null, null, CaseJson.masked(nid), "by national ID", c.ip());
        }
        return page(page);
    }

    private JsonObject page(CasePage page) {
        JsonArray items = new JsonArray();
        page.items().forEach(item -> items.add(CaseJson.summary(item, false)));
        return new JsonObject().put("items", items).put("page", page.page()).put("size", page.size()).put("hasMore", page.hasMore());
    }

    private Object due(Call c) {
        LocalDate today = LocalDate.now(cx.clock().withZone(cx.zone()));
        // The Iranian week runs Saturday to Friday.
        LocalDate nextSaturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        CaseQuery q = CaseQuery.all(200).withAgency(c.longParam("agencyId"))
                .dueBefore(nextSaturday.atStartOfDay(cx.zone()).toInstant());
        return page(cx.desk().search(q));
    }

    /** The case as lists show it, if this user's role may see it; 404 (and a refusal in the audit) otherwise. */
    CaseListItem visibleCase(Call c, long id) {
        CaseListItem item = cx.desk().item(id).orElseThrow(ApiException::notFound);
        if (!CaseJson.visible(c, item.summary())) {
            cx.audit().record(c.username(), AuditLog.Action.REFUSED, id, null, null, "case not visible to the role", c.ip());
            throw ApiException.notFound();
        }
        return item;
    }

    JsonObject detailOf(Call c, long id, boolean audit) {
        CaseDetail d = cx.desk().detail(id).orElseThrow(ApiException::notFound);
        if (!CaseJson.visible(c, d.summary())) {
            cx.audit().record(c.username(), AuditLog.Action.REFUSED, id, null, null, "case not visible to the role", c.ip());
            throw ApiException.notFound();
        }
        if (audit) {
            cx.audit().record(c.username(), AuditLog.Action.VIEW_CASE, id, null, null, null, c.ip());
            String nid = CaseJson.digits(d.summary().subject());
            if (nid != null) {
                cx.audit().record(c.username(), AuditLog.Action.VIEW_NATIONAL_ID, id, null, CaseJson.masked(nid), null, c.ip());
            }
        }
        return json(c, d);
    }

    /** The case page as the API writes it. */
    JsonObject json(Call c, CaseDetail d) {
        return CaseJson.detail(c, d, cx.recordings());
    }

    /** An action's outcome as the API answers it: the case page when done, the refusal otherwise. */
    JsonObject after(Call c, long id, String what, CaseActions.Outcome outcome) {
        CaseDetail d = Outcomes.done(outcome);
        changed(c, id, what);
        return json(c, d);
    }

    static CaseActions.Staff staff(Call c) {
        return new CaseActions.Staff(c.username(), c.coreRoles());
    }

    private Object detail(Call c) {
        return detailOf(c, c.pathId("id"), true);
    }

    private Object create(Call c) {
        JsonObject b = c.json();
        CaseKind kind = Inputs.enumOf(CaseKind.class, b.getValue("kind"), "kind", null);
        Channel channel = Inputs.enumOf(Channel.class, b.getValue("channel"), "channel", Channel.PHONE_LIVE);
        if (channel == Channel.PHONE_MESSAGE) throw ApiException.invalid("channel", "پیام‌های ضبط‌شده در میز پیاده‌سازی ثبت می‌شوند");
        SubjectPerson subject = subject(b.getValue("subject"), true);
        Long agencyId = Inputs.longOf(b, "agencyId", false);
        if (agencyId != null && cx.admin().agency(agencyId).filter(a -> a.active()).isEmpty()) {
            throw ApiException.invalid("agencyId", "دستگاه اجرایی یافت نشد");
        }
        NewCase n = new NewCase(kind, channel, subject, agencyId, Inputs.text(b, "summary", 300, true),
                Inputs.text(b, "description", 10_000, false),
                Inputs.enumOf(DeadlineClass.class, b.getValue("deadlineClass"), "deadlineClass", DeadlineClass.SIMPLE),
                Inputs.phone(b.getString("callerNumber"), "callerNumber"), Inputs.text(b, "callId", 64, false),
                new Actor(c.username()));
        String poppedCall = Attachments.poppedCall(cx, c, Inputs.longOf(b, "spokenIdRecordingId", false));
        CaseSummary s = cx.cases().register(n);
        if (poppedCall != null) cx.recordings().attachCallToCase(poppedCall, s.id());
        cx.audit().record(c.username(), AuditLog.Action.REGISTER_CASE, s.id(), null,
                subject.nationalId() == null ? null : subject.nationalId().masked(), s.trackingCode().digits(), c.ip());
        return Reply.json(201, detailOf(c, s.id(), false));
    }

    /** The subject person from JSON; {@code idRequired}: the live desk always has the caller's ID to hand. */
    static SubjectPerson subject(Object raw, boolean idRequired) {
        if (!(raw instanceof JsonObject s)) throw ApiException.invalid("subject", "مشخصات شخص لازم است");
        String rawId = Inputs.text(s, "nationalId", 40, idRequired);
        NationalId id = rawId == null ? null : Inputs.nationalId(rawId, "subject.nationalId");
        Relation relation = Inputs.enumOf(Relation.class, s.getValue("relation"), "subject.relation", Relation.SELF);
        Object verified = s.getValue("idVerified");
        return new SubjectPerson(id, Boolean.TRUE.equals(verified), relation, Inputs.text(s, "fullName", 200, false));
    }

    private Object duplicateCheck(Call c) {
        JsonObject b = c.json();
        NationalId id = Inputs.nationalId(Inputs.text(b, "nationalId", 40, true), "nationalId");
        int window = Integer.parseInt(cx.admin().setting("cases.duplicate-window-days"));
        Optional<CaseSummary> d = cx.cases().findLikelyDuplicate(id);
        JsonObject out = new JsonObject().put("duplicate", d.isPresent()).put("windowDays", window);
        d.flatMap(s -> cx.desk().item(s.id())).filter(item -> CaseJson.visible(c, item.summary()))
                .ifPresent(item -> out.put("existing", CaseJson.summary(item, false)));
        return out;
    }

    private Object message(Call c) {
        long id = c.pathId("id");
        visibleCase(c, id);
        CaseActions.Staff staff = staff(c);
        cx.caseActions().refusal(id, CaseAction.MESSAGE, staff).ifPresent(Outcomes::done);
        JsonObject b = c.json();
        String text = Inputs.text(b, "text", 10_000, true);
        Long recordingId = Inputs.longOf(b, "recordingId", false);
        Attachments.mustBelong(cx, c, id, recordingId);
        return after(c, id, "message", cx.caseActions().message(id, recordingId, Inputs.text(b, "callId", 64, false), text, staff));
    }

    private Object refer(Call c) {
        long id = c.pathId("id");
        visibleCase(c, id);
        JsonObject b = c.json();
        return after(c, id, "refer", cx.caseActions().refer(id, Inputs.longOf(b, "agencyId", true), Inputs.text(b, "note", 4000, false), staff(c)));
    }

    private Object answer(Call c) {
        long id = c.pathId("id");
        visibleCase(c, id);
        JsonObject b = c.json();
        Long rec = Inputs.longOf(b, "recordingId", false);
        Attachments.mustBelong(cx, c, id, rec);
        return after(c, id, "answer", cx.caseActions().answer(id, Inputs.text(b, "text", 10_000, true), rec, staff(c)));
    }

    private Object answerAudio(Call c) {
        long id = c.pathId("id");
        visibleCase(c, id);
        byte[] wav = c.rawBody() == null ? null : c.rawBody().getBytes();
        WavCheck.check(wav);
        var stored = cx.recordings().storeAnswer(id, wav)
                .orElseThrow(() -> ApiException.unavailable("unavailable", "ذخیره‌سازی صدا در دسترس نیست"));
        changed(c, id, "answer-audio " + stored.id());
        return Reply.json(201, new JsonObject().put("id", stored.id()).put("kind", "AGENCY_ANSWER")
                .put("durationSeconds", stored.durationSeconds()));
    }

    private Object objection(Call c) {
        long id = c.pathId("id");
        visibleCase(c, id);
        return after(c, id, "objection", cx.caseActions().objection(id, Inputs.text(c.json(), "note", 4000, false), staff(c)));
    }

    private Object board(Call c) {
        long id = c.pathId("id");
        visibleCase(c, id);
        return after(c, id, "board", cx.caseActions().board(id, Inputs.text(c.json(), "note", 4000, false), staff(c)));
    }

    private Object close(Call c) {
        long id = c.pathId("id");
        visibleCase(c, id);
        return after(c, id, "close", cx.caseActions().close(id, Inputs.text(c.json(), "note", 4000, false), staff(c)));
    }

    private void changed(Call c, long id, String what) {
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, id, null, null, what, c.ip());
    }

}
