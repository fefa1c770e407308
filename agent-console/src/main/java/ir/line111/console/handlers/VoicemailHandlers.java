package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Inputs;
import ir.line111.console.http.Reply;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.security.Role;
import ir.line111.console.store.AuditLog;
import ir.line111.console.store.CaseActions;
import ir.line111.console.store.VoicemailDesk;
import ir.line111.core.domain.cases.AwaitingMessages;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.identity.Digits;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The voicemail workbench: claim the oldest message, listen, correct, register or dismiss it. */
public final class VoicemailHandlers {

    static final Set<String> NOT_A_MATTER = Set.of("SILENCE", "WRONG_NUMBER", "TEST", "DUPLICATE", "OTHER");

    private final ConsoleContext cx;
    private final CaseHandlers cases;

    public VoicemailHandlers(ConsoleContext cx, CaseHandlers cases) {
        this.cx = cx;
        this.cases = cases;
    }

    public void register(ApiRoutes r) {
        r.get("/api/voicemails", Roles.WORKBENCH, this::list);
        r.get("/api/voicemails/progress", Roles.WORKBENCH, c -> progress());
        r.post("/api/voicemails/claim", Roles.TRANSCRIBER, this::claim);
        r.get("/api/voicemails/:id", Roles.WORKBENCH, this::get);
        r.post("/api/voicemails/:id/release", Roles.TRANSCRIBER, this::release);
        r.post("/api/voicemails/:id/register", Roles.TRANSCRIBER, this::registerCase);
        r.post("/api/voicemails/:id/not-a-matter", Roles.TRANSCRIBER, this::notAMatter);
    }

    private JsonObject progress() {
        VoicemailDesk.Progress p = cx.voicemails().progress(LocalDate.now(cx.clock().withZone(cx.zone())).atStartOfDay(cx.zone()).toInstant());
        return new JsonObject().put("waiting", p.waiting()).put("claimed", p.claimed()).put("doneToday", p.doneToday())
                .put("oldestReceivedAt", p.oldestReceivedAt() == null ? null : p.oldestReceivedAt().toString());
    }

    private Object list(Call c) {
        JsonArray items = new JsonArray();
        for (AwaitingMessages.Message m : cx.voicemails().waiting(c.intParam("limit", 50, 1, 200))) {
            JsonObject o = base(m, false);
            if (m.messageRecordingId() != null) { // the queue shows each message's length (issue 15)
                cx.recordings().find(m.messageRecordingId()).ifPresent(r -> o.put("durationSeconds", r.durationSeconds()));
            }
            cx.voicemails().claimOf(m.caseId()).ifPresent(k -> o.put("claimedBy", k.claimedBy()).put("claimExpiresAt", k.expiresAt().toString()));
            items.add(o);
        }
        return new JsonObject().put("items", items).put("progress", progress()).put("transcriptionConfigured", transcriptionConfigured());
    }

    private Object claim(Call c) {
        Optional<Long> id = cx.voicemails().claimNext(c.username());
        if (id.isEmpty()) return Reply.noContent();
        cx.audit().record(c.username(), AuditLog.Action.CLAIM_VOICEMAIL, id.get(), null, null, null, c.ip());
        return full(c, id.get());
    }

    private Object get(Call c) {
        long id = c.pathId("id");
        boolean holder = cx.voicemails().holds(id, c.username());
        if (!c.has(Role.SUPERVISOR) && !holder) throw ApiException.notFound();
        if (holder) cx.voicemails().extend(id, c.username()); // still working on it: the claim does not lapse
        return full(c, id);
    }

    private JsonObject full(Call c, long id) {
        CaseDetail row = cx.desk().detail(id).orElseThrow(ApiException::notFound);
        String nid = CaseJson.digits(row.summary().subject());
        if (nid != null) {
            cx.audit().record(c.username(), AuditLog.Action.VIEW_NATIONAL_ID, id, null, CaseJson.masked(nid), "voicemail", c.ip());
        }
        JsonObject o = base(message(row), true).put("transcriptionConfigured", transcriptionConfigured());
        cx.voicemails().claimOf(id).ifPresent(k -> o.put("claimedBy", k.claimedBy()).put("claimExpiresAt", k.expiresAt().toString()));
        if (row.messageRecordingId() != null) {
            o.put("transcript", transcript(row.messageRecordingId(), cx.recordings()));
            cx.recordings().find(row.messageRecordingId()).ifPresent(r -> o.put("durationSeconds", r.durationSeconds()));
        }
        if (row.spokenIdRecordingId() != null) {
            cx.recordings().transcript(row.spokenIdRecordingId()).map(RecordingCatalog.Transcript::text)
                    .map(t -> Digits.toAscii(t).replaceAll("[^0-9]", "")).filter(s -> !s.isEmpty())
                    .ifPresent(d -> o.put("recognisedDigits", d));
        }
        return o;
    }

    /**
     * Whether overnight transcription can ever produce a draft here: without {@code transcription.model}
     * the jobs wait for ever, and the workbench says so instead of "not ready yet".
     */
    private boolean transcriptionConfigured() {
        return !cx.config().string("transcription.model").isBlank();
    }

    private static JsonObject base(AwaitingMessages.Message m, boolean fullId) {
        return new JsonObject().put("caseId", m.caseId()).put("trackingCode", m.trackingCode().digits())
                .put("trackingCodePersian", m.trackingCode().persianGrouped()).put("callId", m.callId())
                .put("callerNumber", m.callerNumber()).put("receivedAt", m.receivedAt().toString())
                .put("subject", CaseJson.subject(m.subject(), fullId)).put("messageRecordingId", m.messageRecordingId())
                .put("spokenIdRecordingId", m.spokenIdRecordingId());
    }

    /** The case page's message as the workbench shows it (a supervisor may look at one already handled). */
    private static AwaitingMessages.Message message(CaseDetail d) {
        var s = d.summary();
        return new AwaitingMessages.Message(s.id(), s.trackingCode(), d.callId(), d.callerNumber(), s.registeredAt(), s.subject(),
                d.messageRecordingId(), d.spokenIdRecordingId());
    }

    static JsonObject transcript(long recordingId, RecordingCatalog recordings) {
        JsonObject t = new JsonObject().put("recordingId", recordingId);
        Optional<RecordingCatalog.Transcript> tr = recordings.transcript(recordingId);
        if (tr.isEmpty()) return t.put("status", "NONE");
        t.put("status", tr.get().status()).put("text", tr.get().text());
        JsonArray words = new JsonArray();
        if (tr.get().words() != null) {
            tr.get().words().forEach(w -> words.add(new JsonObject().put("word", w.word()).put("start", w.start()).put("end", w.end()).put("conf", w.conf())));
        }
        return t.put("words", words);
    }

    private void mustHold(Call c, long id) {
        // Still a message to transcribe (CaseAction.TRANSCRIBE), else 409; then it must be this transcriber's.
        cx.caseActions().refusal(id, CaseAction.TRANSCRIBE, CaseHandlers.staff(c)).ifPresent(Outcomes::done);
        if (!cx.voicemails().holds(id, c.username())) {
            if (cx.voicemails().claimOf(id).isPresent()) throw ApiException.conflict("این پیام در دست همکار دیگری است");
            // A double click: the first request registered the message and gave up the claim after the
            // check above; the second is told it was handled (409), not that it does not exist.
            cx.caseActions().refusal(id, CaseAction.TRANSCRIBE, CaseHandlers.staff(c)).ifPresent(Outcomes::done);
            throw ApiException.notFound();
        }
    }

    private Object release(Call c) {
        long id = c.pathId("id");
        if (!cx.voicemails().release(id, c.username())) throw ApiException.notFound();
        return Reply.noContent();
    }

    private Object registerCase(Call c) {
        long id = c.pathId("id");
        mustHold(c, id);
        JsonObject b = c.json();
        SubjectPerson subject = CaseHandlers.subject(b.getValue("subject"), true);
        Long agencyId = Inputs.longOf(b, "agencyId", false);
        CaseActions.Transcribed t = new CaseActions.Transcribed(
                Inputs.enumOf(CaseKind.class, b.getValue("kind"), "kind", null), subject.nationalId().digits(),
                // A person listened and typed the ID: that is the check the unverified flag was waiting for.
                true, subject.relation(), subject.fullName(), agencyId, Inputs.text(b, "summary", 300, true),
                Inputs.text(b, "description", 10_000, false),
                Inputs.enumOf(DeadlineClass.class, b.getValue("deadlineClass"), "deadlineClass", DeadlineClass.SIMPLE),
                Inputs.text(b, "transcript", 20_000, false));
        CaseDetail done = Outcomes.done(cx.caseActions().transcribed(id, t, CaseHandlers.staff(c)));
        cx.voicemails().done(id, c.username(), "REGISTERED", null);
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, id, null, subject.nationalId().masked(), "voicemail registered", c.ip());
        return cases.json(c, done);
    }

    private Object notAMatter(Call c) {
        long id = c.pathId("id");
        mustHold(c, id);
        JsonObject b = c.json();
        String reason = Inputs.text(b, "reason", 20, true).toUpperCase();
        if (!NOT_A_MATTER.contains(reason)) throw ApiException.invalid("reason", "دلیل نامعتبر");
        CaseDetail done = Outcomes.done(cx.caseActions().notAMatter(id, reason, Inputs.text(b, "note", 4000, false), CaseHandlers.staff(c)));
        cx.voicemails().done(id, c.username(), "NOT_A_MATTER", reason);
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, id, null, null, "not a matter: " + reason, c.ip());
        return cases.json(c, done);
    }
}
