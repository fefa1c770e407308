package ir.line111.console.handlers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.domain.agencydesk.AgencyCase;
import ir.line111.core.domain.agencydesk.Attachment;
import ir.line111.core.domain.agencydesk.DeskOrder;
import ir.line111.core.domain.agencydesk.ExtensionRequest;
import ir.line111.core.domain.agencydesk.InboxItem;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.domain.identity.Digits;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The issue-16 lists and the liaison's case as the API writes them (openapi.yaml: AgencyItem, AgencyCase). */
final class AgencyJson {
    private AgencyJson() {}

    static JsonObject items(List<InboxItem> items, Instant now, ZoneId zone) {
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(item(i, now, zone)));
        return new JsonObject().put("items", a);
    }

    static JsonObject item(InboxItem i, Instant now, ZoneId zone) {
        // days left to what is owed now: the board's deadline to comply, else the answer while one is awaited (CaseRules)
        Instant owed = i.complyBy() != null ? i.complyBy() : ir.line111.core.domain.cases.CaseRules.awaitingAnswer(i.status()) ? i.dueAt() : null;
        Integer days = DeskOrder.daysLeft(owed, now, zone);
        return new JsonObject().put("id", i.id()).put("trackingCode", i.trackingCode().digits())
                .put("trackingCodePersian", i.trackingCode().persianGrouped())
                .put("kind", i.kind() == null ? null : i.kind().name()).put("kindLabel", i.kind() == null ? null : i.kind().persian())
                .put("status", i.status().name()).put("statusLabel", i.status().persian())
                .put("summary", i.summary()).put("agencyId", i.agencyId()).put("agencyName", i.agencyName())
                .put("deadlineClass", i.deadlineClass() == null ? null : i.deadlineClass().name())
                .put("deadlineClassLabel", i.deadlineClass() == null ? null : i.deadlineClass().persian())
                .put("registeredAt", str(i.registeredAt())).put("registeredJalali", jalali(i.registeredAt()))
                .put("dueAt", str(i.dueAt())).put("dueJalali", jalali(i.dueAt()))
                .put("daysLeft", days).put("daysLeftLabel", daysLabel(days, i.overdue()))
                .put("overdue", i.overdue()).put("urgent", i.urgent()).put("urgentReason", i.urgentReason())
                .put("complyBy", str(i.complyBy())).put("complyByJalali", jalali(i.complyBy()));
    }

    /** «۳ روز مانده», «امروز», «۲ روز گذشته». */
    static String daysLabel(Integer days, boolean overdue) {
        if (days == null) return null;
        if (days == 0) return overdue ? "مهلت امروز گذشت" : "امروز";
        return days > 0 ? Digits.toPersian(Integer.toString(days)) + " روز مانده" : Digits.toPersian(Integer.toString(-days)) + " روز گذشته";
    }

    /** The case for the liaison: the national ID only where the matter needs it, the recordings only when shared. */
    static JsonObject agencyCase(AgencyCase ac, InboxItem item, Instant now, ZoneId zone) {
        CaseDetail d = ac.detail();
        JsonObject o = item(item, now, zone).put("description", d.description()).put("answer", d.summary().answer());
        JsonObject subject = new JsonObject().put("relation", d.summary().subject().relation() == null ? null : d.summary().subject().relation().name());
        if (d.summary().subject().fullName() != null) subject.put("fullName", d.summary().subject().fullName());
        if (ac.flags().nationalIdNeeded() && d.summary().subject().nationalId() != null) {
            subject.put("nationalId", d.summary().subject().nationalId().digits());
        }
        o.put("subject", subject).put("nationalIdShared", ac.flags().nationalIdNeeded()).put("recordingsShared", ac.flags().recordingsShared());
        JsonArray recs = new JsonArray();
        if (ac.flags().recordingsShared()) {
            if (d.messageRecordingId() != null) recs.add(new JsonObject().put("id", d.messageRecordingId()).put("kind", "VOICEMAIL"));
            // the spoken-ID clip says the national ID: only where that is shared too
            if (ac.flags().nationalIdNeeded() && d.spokenIdRecordingId() != null) recs.add(new JsonObject().put("id", d.spokenIdRecordingId()).put("kind", "SPOKEN_ID"));
        }
        o.put("recordings", recs);
        JsonArray files = new JsonArray();
        ac.attachments().forEach(a -> files.add(attachment(a)));
        o.put("attachments", files);
        JsonArray ext = new JsonArray();
        ac.extensions().forEach(e -> ext.add(extension(e)));
        o.put("extensions", ext);
        JsonArray tl = new JsonArray();
        for (TimelineEvent e : d.timeline()) {
            tl.add(new JsonObject().put("at", str(e.at())).put("atJalali", e.at() == null ? null : JalaliDates.formatDateTime(e.at()))
                    .put("type", e.type().name()).put("typeLabel", e.type().persian()).put("status", e.to() == null ? null : e.to().name()));
        }
        o.put("timeline", tl);
        JsonArray actions = new JsonArray();
        boolean owes = d.status() == CaseStatus.REFERRED || d.status() == CaseStatus.OBJECTION_1;
        if (owes) actions.add("answer").add("attach").add("not-ours");
        if (owes && ac.pendingExtension().isEmpty()) actions.add("extension");
        if (item.complyBy() != null) actions.add("complied");
        return o.put("allowedActions", actions);
    }

    static JsonObject attachment(Attachment a) {
        return new JsonObject().put("id", a.id()).put("fileName", a.fileName()).put("mediaType", a.mediaType()).put("sizeBytes", a.sizeBytes())
                .put("uploadedBy", a.uploadedBy()).put("uploadedAt", str(a.uploadedAt())).put("uploadedJalali", jalali(a.uploadedAt()));
    }

    static JsonObject extension(ExtensionRequest e) {
        return new JsonObject().put("id", e.id()).put("caseId", e.caseId()).put("trackingCode", e.trackingCode().digits())
                .put("agencyName", e.agencyName()).put("from", e.from().name()).put("fromLabel", e.from().persian())
                .put("requested", e.requested().name()).put("requestedLabel", e.requested().persian()).put("reason", e.reason())
                .put("requestedBy", e.requestedBy()).put("requestedAt", str(e.requestedAt())).put("requestedJalali", jalali(e.requestedAt()))
                .put("decision", e.decision() == null ? null : e.decision().name());
    }

    static String jalali(Instant at) {
        return at == null ? null : JalaliDates.of(at).persian();
    }

    static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
