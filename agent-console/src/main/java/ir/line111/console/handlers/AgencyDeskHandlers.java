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
import ir.line111.console.store.AuditLog;
import ir.line111.core.domain.agencydesk.AgencyCase;
import ir.line111.core.domain.agencydesk.Attachment;
import ir.line111.core.domain.agencydesk.AttachmentTypes;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NoSuchCaseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The agency desk (issue 16): the liaison's inbox and case, the answer with attachments, a longer deadline,
 * "not ours", compliance with the board's verdict. Every route takes the liaison's agency from the account,
 * never from the request, and a case of another agency is 404 like one that does not exist.
 */
public final class AgencyDeskHandlers {
    private final ConsoleContext cx;
    private final AgencyServices agency;

    public AgencyDeskHandlers(ConsoleContext cx, AgencyServices agency) {
        this.cx = cx;
        this.agency = agency;
    }

    public void register(ApiRoutes r) {
        r.get("/api/agency/inbox", Roles.LIAISON, this::inbox);
        r.get("/api/agency/cases/:id", Roles.LIAISON, this::detail);
        r.post("/api/agency/cases/:id/attachments", Roles.LIAISON, this::upload);
        r.get("/api/agency/cases/:id/attachments/:attachmentId", Roles.LIAISON, this::download);
        r.get("/api/agency/cases/:id/recordings/:recordingId/audio", Roles.LIAISON, this::audio);
        r.post("/api/agency/cases/:id/answer", Roles.LIAISON, this::answer);
        r.post("/api/agency/cases/:id/extension", Roles.LIAISON, this::extension);
        r.post("/api/agency/cases/:id/not-ours", Roles.LIAISON, this::notOurs);
        r.post("/api/agency/cases/:id/complied", Roles.LIAISON, this::complied);
    }

    private Object inbox(Call c) {
        long agencyId = agency.agencyOf(c);
        JsonObject out = AgencyJson.items(agency.desk().inbox(agencyId), cx.clock().instant(), cx.zone());
        cx.admin().agency(agencyId).ifPresent(a -> out.put("agency", new JsonObject().put("id", a.id()).put("name", a.name())));
        return out;
    }

    /** The case when it is this liaison's agency's; 404 (audited) otherwise. */
    private AgencyCase mine(Call c, long agencyId, long caseId) {
        return agency.desk().find(agencyId, caseId).orElseThrow(() -> refused(c, caseId, null, "case not referred to the liaison's agency"));
    }

    private ApiException refused(Call c, Long caseId, Long recordingId, String why) {
        cx.audit().record(c.username(), AuditLog.Action.REFUSED, caseId, recordingId, null, why, c.ip());
        return ApiException.notFound();
    }

    private JsonObject view(Call c, long agencyId, long caseId) {
        AgencyCase ac = mine(c, agencyId, caseId);
        var item = agency.oversight().item(caseId).orElseThrow(ApiException::notFound);
        return AgencyJson.agencyCase(ac, item, cx.clock().instant(), cx.zone());
    }

    private Object detail(Call c) {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        AgencyCase ac = mine(c, agencyId, id);
        cx.audit().record(c.username(), AuditLog.Action.VIEW_CASE, id, null, null, "agency desk", c.ip());
        var nid = ac.detail().summary().subject().nationalId();
        if (ac.flags().nationalIdNeeded() && nid != null) {
            cx.audit().record(c.username(), AuditLog.Action.VIEW_NATIONAL_ID, id, null, nid.masked(), "agency desk: the matter needs it", c.ip());
        }
        return view(c, agencyId, id);
    }

    private Object upload(Call c) throws IOException {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        mine(c, agencyId, id);
        byte[] bytes = c.rawBody() == null ? new byte[0] : c.rawBody().getBytes();
        if (bytes.length == 0) throw ApiException.invalid("file", "فایل خالی است");
        if (bytes.length > agency.maxAttachmentBytes()) {
            throw new ApiException(413, "too_large", "پیوست بزرگ‌تر از حد مجاز است", "file");
        }
        AttachmentTypes.Type type = AttachmentTypes.detect(bytes).orElseThrow(() -> new ApiException(415, "unsupported_media_type",
                "محتوای فایل PDF، تصویر PNG/JPEG یا صدای WAV/MP3/OGG نیست", "file"));
        String name = fileName(c.header("X-File-Name"), type);
        String stored = agency.store(bytes, type);
        Attachment a;
        try {
            a = agency.desk().addAttachment(agencyId, id, name, type.mediaType(), bytes.length, stored, sha256(bytes), new Actor(c.username()));
        } catch (RuntimeException e) {
            Files.deleteIfExists(agency.attachmentsDir().resolve(stored));
            throw e;
        }
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, id, null, null, "attachment " + a.id(), c.ip());
        return Reply.json(201, AgencyJson.attachment(a));
    }

    /** The name shown to people: the one sent (URL-encoded), cut to a safe set of characters, with the detected extension. */
    static String fileName(String header, AttachmentTypes.Type type) {
        String raw = header == null ? "" : java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
        String base = raw.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        if (base.isEmpty()) base = "پیوست";
        if (base.length() > 100) base = base.substring(0, 100);
        return base + "." + type.extension();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object download(Call c) throws IOException {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        mine(c, agencyId, id);
        Attachment a = agency.desk().attachment(agencyId, c.pathId("attachmentId")).filter(x -> x.caseId() == id)
                .orElseThrow(() -> refused(c, id, null, "attachment not of this case"));
        Path file = agency.file(a.storedName()).orElseThrow(() -> refused(c, id, null, "attachment file missing"));
        cx.audit().record(c.username(), AuditLog.Action.VIEW_CASE, id, null, null, "attachment " + a.id(), c.ip());
        long size = Files.size(file);
        String disposition = "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return new Reply.File(200, file, 0, size, a.mediaType(), Map.of("Content-Length", Long.toString(size), "Content-Disposition", disposition));
    }

    /** A recording of the case, only when the supervisor shared them (the spoken ID only when the national ID is shared too). */
    private Object audio(Call c) throws IOException {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        long rid = c.pathId("recordingId");
        AgencyCase ac = mine(c, agencyId, id);
        boolean message = ac.detail().messageRecordingId() != null && ac.detail().messageRecordingId() == rid;
        boolean spoken = ac.detail().spokenIdRecordingId() != null && ac.detail().spokenIdRecordingId() == rid && ac.flags().nationalIdNeeded();
        if (!ac.flags().recordingsShared() || !(message || spoken)) throw refused(c, id, rid, "recording not shared with the agency");
        RecordingCatalog.RecordingInfo info = cx.recordings().find(rid).orElseThrow(() -> refused(c, id, rid, "no such recording"));
        Path file = insideStore(info.file()).orElseThrow(() -> refused(c, id, rid, "file outside the recording store"));
        cx.audit().record(c.username(), AuditLog.Action.PLAY_RECORDING, id, rid, null, "agency desk", c.ip());
        long size = Files.size(file);
        return new Reply.File(200, file, 0, size, "audio/wav", Map.of("Content-Length", Long.toString(size)));
    }

    private java.util.Optional<Path> insideStore(Path file) {
        if (file == null) return java.util.Optional.empty();
        try {
            Path root = cx.recordingStore().toRealPath();
            Path real = file.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real) ? java.util.Optional.of(real) : java.util.Optional.empty();
        } catch (IOException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }

    private Object answer(Call c) {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        mine(c, agencyId, id);
        JsonObject b = c.json();
        List<Long> files = new ArrayList<>();
        JsonArray raw = b.getJsonArray("attachmentIds");
        if (raw != null) for (Object o : raw) {
            if (!(o instanceof Number n)) throw ApiException.invalid("attachmentIds", "شناسهٔ پیوست نامعتبر است");
            files.add(n.longValue());
        }
        try {
            agency.desk().answer(agencyId, id, Inputs.text(b, "text", 10_000, true), files, new Actor(c.username()));
        } catch (NoSuchCaseException e) {
            throw new ApiException(404, "not_found", "پیوست پیدا نشد یا از این پرونده نیست", "attachmentIds");
        }
        changed(c, id, "agency answer");
        return view(c, agencyId, id);
    }

    private Object extension(Call c) {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        mine(c, agencyId, id);
        JsonObject b = c.json();
        DeadlineClass cls = Inputs.enumOf(DeadlineClass.class, b.getValue("deadlineClass"), "deadlineClass", null);
        if (cls == null) throw ApiException.invalid("deadlineClass", "طبقهٔ مهلت را انتخاب کنید");
        agency.desk().requestExtension(agencyId, id, cls, Inputs.text(b, "reason", 2000, true), new Actor(c.username()));
        changed(c, id, "extension requested " + cls);
        return view(c, agencyId, id);
    }

    private Object notOurs(Call c) {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        mine(c, agencyId, id);
        agency.desk().sendBack(agencyId, id, Inputs.text(c.json(), "reason", 2000, true), new Actor(c.username()));
        changed(c, id, "sent back: not ours");
        return Reply.noContent();
    }

    private Object complied(Call c) {
        long agencyId = agency.agencyOf(c);
        long id = c.pathId("id");
        mine(c, agencyId, id);
        agency.desk().complied(agencyId, id, Inputs.text(c.json(), "note", 2000, false), new Actor(c.username()));
        changed(c, id, "complied with the board's verdict");
        return view(c, agencyId, id);
    }

    private void changed(Call c, long id, String what) {
        cx.audit().record(c.username(), AuditLog.Action.CHANGE_CASE, id, null, null, what, c.ip());
    }
}
