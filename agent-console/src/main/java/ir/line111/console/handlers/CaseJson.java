package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.http.Call;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.security.Role;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Cases as the API writes them (openapi.yaml: CaseSummary, CaseDetail), from core's read model
 * ({@link CaseListItem}, {@link CaseDetail}). "Overdue" is what core's {@code CaseRules} said when
 * the case was read; the buttons are {@link CaseAction#allowedIn} for the user's roles.
 */
final class CaseJson {
    private CaseJson() {}

    /** Which cases a role may see at all: a transcriber only the recorded messages; admins none. */
    static boolean visible(Call c, Channel channel) {
        if (c.has(Role.OPERATOR) || c.has(Role.SUPERVISOR)) return true;
        return c.has(Role.TRANSCRIBER) && channel == Channel.PHONE_MESSAGE;
    }

    static boolean visible(Call c, CaseSummary s) {
        return visible(c, s.channel());
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

    static String digits(SubjectPerson p) {
        return p == null || p.nationalId() == null ? null : p.nationalId().digits();
    }

    static JsonObject subject(SubjectPerson p, boolean fullId) {
        JsonObject s = new JsonObject().put("relation", p.relation() == null ? null : p.relation().name())
                .put("idVerified", p.idVerified());
        if (p.nationalId() != null) {
            s.put("nationalIdMasked", p.nationalId().masked());
            if (fullId) s.put("nationalId", p.nationalId().digits());
        }
        if (p.fullName() != null) s.put("fullName", p.fullName());
        return s;
    }

    static JsonObject summary(CaseListItem i, boolean fullId) {
        return summary(i.summary(), i.agencyId(), i.summaryText(), i.callerNumber(), i.overdue(), fullId);
    }

    private static JsonObject summary(CaseSummary s, Long agencyId, String summaryText, String callerNumber, boolean overdue, boolean fullId) {
        return new JsonObject()
                .put("id", s.id())
                .put("trackingCode", s.trackingCode().digits())
                .put("trackingCodePersian", s.trackingCode().persianGrouped())
                .put("kind", s.kind() == null ? null : s.kind().name())
                .put("channel", s.channel() == null ? null : s.channel().name())
                .put("status", s.status() == null ? null : s.status().name())
                .put("subject", subject(s.subject(), fullId))
                .put("agencyId", agencyId)
                .put("agencyName", s.agencyName())
                .put("summary", summaryText)
                .put("callerNumber", callerNumber)
                .put("registeredAt", str(s.registeredAt()))
                .put("dueAt", str(s.dueAt()))
                .put("expectedAnswerAt", str(CaseRules.expectedAnswerDate(s).orElse(null)))
                .put("overdue", overdue);
    }

    static JsonObject detail(Call c, CaseDetail d, RecordingCatalog recordings) {
        CaseSummary s = d.summary();
        JsonObject o = summary(s, d.agencyId(), d.summaryText(), d.callerNumber(), d.overdue(), true)
                .put("description", d.description())
                .put("deadlineClass", d.deadlineClass() == null ? null : d.deadlineClass().name())
                .put("answer", s.answer())
                .put("registeredBy", d.registeredBy())
                .put("allowedActions", allowed(c, d));
        JsonArray tl = new JsonArray();
        Set<Long> recIds = new LinkedHashSet<>();
        if (d.spokenIdRecordingId() != null) recIds.add(d.spokenIdRecordingId());
        if (d.messageRecordingId() != null) recIds.add(d.messageRecordingId());
        for (TimelineEvent e : d.timeline()) {
            JsonObject t = timelineEntry(e);
            if (e.to() != null) t.put("status", e.to().name());
            if (e.from() != null) t.put("fromStatus", e.from().name());
            if (e.callId() != null) t.put("callId", e.callId());
            if (e.recordingId() != null) { t.put("recordingId", e.recordingId()); recIds.add(e.recordingId()); }
            tl.add(t);
        }
        o.put("timeline", tl);
        for (RecordingCatalog.RecordingInfo attached : recordings.ofCase(d.id())) recIds.add(attached.id());
        JsonArray recs = new JsonArray();
        for (long id : recIds) {
            JsonObject rec = new JsonObject().put("id", id);
            recordings.find(id).ifPresent(info -> {
                rec.put("kind", info.kind() == null ? null : info.kind().name()).put("callId", info.callId())
                        .put("durationSeconds", info.durationSeconds()).put("createdAt", str(info.createdAt()));
            });
            if (!rec.containsKey("kind")) rec.put("kind", id == (d.spokenIdRecordingId() == null ? -1 : d.spokenIdRecordingId()) ? "SPOKEN_ID" : "VOICEMAIL");
            rec.put("hasTranscript", recordings.hasTranscript(id));
            recs.add(rec);
        }
        o.put("recordings", recs);
        return o;
    }

    /** A timeline entry: its stable type and parameters beside the Persian sentence (core TimelineText). */
    static JsonObject timelineEntry(TimelineEvent e) {
        String actor = e.actor().name();
        return new JsonObject().put("at", str(e.at())).put("actor", actor).put("actorLabel", actorLabel(actor))
                .put("type", e.type().name()).put("typeLabel", e.type().persian())
                .put("params", new JsonObject(new LinkedHashMap<>(e.params()))).put("text", e.text());
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

    /** The case page's buttons: core's one decision for this user's roles (the workbench's transcription is not a button here). */
    static JsonArray allowed(Call c, CaseDetail d) {
        JsonArray a = new JsonArray();
        for (CaseAction action : CaseAction.allowedIn(d.status(), c.coreRoles())) {
            if (action != CaseAction.TRANSCRIBE) a.add(action.name().toLowerCase(Locale.ROOT));
        }
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
