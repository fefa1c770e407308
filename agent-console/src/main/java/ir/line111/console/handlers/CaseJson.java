package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.http.Call;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.security.Role;
import ir.line111.console.store.CaseQueries;
import ir.line111.console.store.CaseRow;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.TimelineText;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cases as the API writes them (openapi.yaml: CaseSummary, CaseDetail). */
final class CaseJson {
    private CaseJson() {}

    /** Which cases a role may see at all: a transcriber only the recorded messages; admins none. */
    static boolean visible(Call c, CaseRow row) {
        if (c.has(Role.OPERATOR) || c.has(Role.SUPERVISOR)) return true;
        return c.has(Role.TRANSCRIBER) && row.channel() == Channel.PHONE_MESSAGE;
    }

    static Channel onlyChannel(Call c) {
        return c.has(Role.OPERATOR) || c.has(Role.SUPERVISOR) ? null : Channel.PHONE_MESSAGE;
    }

    static String masked(String id) {
        if (id == null) return null;
        return switch (NationalId.parse(id)) {
            case NationalId.Parsed.Valid v -> v.id().masked();
            case NationalId.Parsed.Invalid i -> "***";
        };
    }

    static JsonObject subject(CaseRow r, boolean fullId) {
        JsonObject s = new JsonObject().put("relation", r.relation() == null ? null : r.relation().name())
                .put("idVerified", r.subjectIdVerified());
        if (r.subjectNationalId() != null) {
            s.put("nationalIdMasked", masked(r.subjectNationalId()));
            if (fullId) s.put("nationalId", r.subjectNationalId());
        }
        if (r.subjectFullName() != null) s.put("fullName", r.subjectFullName());
        return s;
    }

    static JsonObject summary(CaseRow r, boolean fullId, Instant now) {
        JsonObject o = new JsonObject()
                .put("id", r.id())
                .put("trackingCode", r.trackingCode())
                .put("trackingCodePersian", persian(r.trackingCode()))
                .put("kind", r.kind() == null ? null : r.kind().name())
                .put("channel", r.channel() == null ? null : r.channel().name())
                .put("status", r.status() == null ? null : r.status().name())
                .put("subject", subject(r, fullId))
                .put("agencyId", r.agencyId())
                .put("agencyName", r.agencyName())
                .put("summary", r.summary())
                .put("callerNumber", r.callerNumber())
                .put("registeredAt", str(r.registeredAt()))
                .put("dueAt", str(r.dueAt()))
                .put("overdue", r.overdue(now));
        return o;
    }

    static JsonObject detail(Call c, CaseRow r, List<CaseQueries.EventRow> timeline, RecordingCatalog recordings, Instant now) {
        JsonObject o = summary(r, true, now)
                .put("description", r.description())
                .put("deadlineClass", r.deadlineClass() == null ? null : r.deadlineClass().name())
                .put("answer", r.answer())
                .put("registeredBy", r.registeredBy())
                .put("allowedActions", allowed(c, r));
        JsonArray tl = new JsonArray();
        Set<Long> recIds = new LinkedHashSet<>();
        if (r.spokenIdRecordingId() != null) recIds.add(r.spokenIdRecordingId());
        if (r.messageRecordingId() != null) recIds.add(r.messageRecordingId());
        for (CaseQueries.EventRow e : timeline) {
            JsonObject t = timelineEntry(e);
            if (e.to() != null) t.put("status", e.to().name());
            if (e.from() != null) t.put("fromStatus", e.from().name());
            if (e.callId() != null) t.put("callId", e.callId());
            if (e.recordingId() != null) { t.put("recordingId", e.recordingId()); recIds.add(e.recordingId()); }
            tl.add(t);
        }
        o.put("timeline", tl);
        for (RecordingCatalog.RecordingInfo attached : recordings.ofCase(r.id())) recIds.add(attached.id());
        JsonArray recs = new JsonArray();
        for (long id : recIds) {
            JsonObject rec = new JsonObject().put("id", id);
            recordings.find(id).ifPresent(info -> {
                rec.put("kind", info.kind() == null ? null : info.kind().name()).put("callId", info.callId())
                        .put("durationSeconds", info.durationSeconds()).put("createdAt", str(info.createdAt()));
            });
            if (!rec.containsKey("kind")) rec.put("kind", id == (r.spokenIdRecordingId() == null ? -1 : r.spokenIdRecordingId()) ? "SPOKEN_ID" : "VOICEMAIL");
            rec.put("hasTranscript", recordings.hasTranscript(id));
            recs.add(rec);
        }
        o.put("recordings", recs);
        return o;
    }

    /** A timeline entry: its stable type and parameters beside the Persian sentence (core TimelineText). */
    static JsonObject timelineEntry(CaseQueries.EventRow e) {
        CaseEventType type = eventType(e.type());
        String detail = type == CaseEventType.NOTE && !"NOTE".equals(e.type()) && e.detail() == null ? e.type() : e.detail();
        Map<String, String> params = TimelineText.params(type, e.params(), detail);
        return new JsonObject().put("at", str(e.at())).put("actor", e.actor()).put("actorLabel", actorLabel(e.actor()))
                .put("type", type.name()).put("typeLabel", type.persian())
                .put("params", new JsonObject(new LinkedHashMap<>(params))).put("text", TimelineText.render(type, params));
    }

    private static CaseEventType eventType(String stored) {
        try {
            return CaseEventType.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            return CaseEventType.NOTE;
        }
    }

    /** The system's own actors by their Persian names; a user by their user name. */
    static String actorLabel(String actor) {
        if (actor == null) return null;
        return switch (actor) {
            case "ivr" -> "سامانهٔ تلفنی";
            case "system" -> "سامانه";
            default -> actor;
        };
    }

    static JsonArray allowed(Call c, CaseRow r) {
        JsonArray a = new JsonArray();
        boolean sup = c.has(Role.SUPERVISOR);
        boolean desk = sup || c.has(Role.OPERATOR);
        CaseStatus s = r.status();
        if (sup && s.canMoveTo(CaseStatus.REFERRED)) a.add("refer");
        if (sup && s.canMoveTo(CaseStatus.ANSWERED)) a.add("answer");
        if (desk && s == CaseStatus.ANSWERED) a.add("objection");
        if (sup && s.canMoveTo(CaseStatus.COMPLAINTS_BOARD)) a.add("board");
        if (sup && s.canMoveTo(CaseStatus.CLOSED) && s != CaseStatus.AWAITING_TRANSCRIPTION) a.add("close");
        if (desk && s.isOpen()) a.add("message");
        return a;
    }

    static String persian(String code) {
        try {
            return new TrackingCode(code).persianGrouped();
        } catch (RuntimeException e) {
            return code;
        }
    }

    static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
