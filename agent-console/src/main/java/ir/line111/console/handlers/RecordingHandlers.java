package ir.line111.console.handlers;

import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Reply;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.security.Role;
import ir.line111.console.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recordings by id: metadata, audio with HTTP Range (the players seek), transcripts. Access follows
 * the case the recording belongs to, or the operator's own screen-pop. The file the catalogue names
 * is served only if it really lies inside the recording store (symbolic links resolved).
 */
public final class RecordingHandlers {
    private static final Logger log = LoggerFactory.getLogger(RecordingHandlers.class);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final ConsoleContext cx;

    private final Listenings listenings;

    public RecordingHandlers(ConsoleContext cx) {
        this.cx = cx;
        this.listenings = new Listenings(cx.clock());
    }

    public void register(ApiRoutes r) {
        r.get("/api/recordings/:id", Roles.CASE_READERS, this::meta);
        r.get("/api/recordings/:id/audio", Roles.CASE_READERS, this::audio);
        r.get("/api/recordings/:id/transcript", Roles.CASE_READERS, this::transcript);
    }

    private RecordingCatalog.RecordingInfo accessible(Call c, long id) {
        RecordingCatalog.RecordingInfo info = cx.recordings().find(id).orElseThrow(ApiException::notFound);
        boolean popped = c.has(Role.OPERATOR) && c.session().popped(id);
        if (!popped) {
            Optional<Long> caseId = Attachments.caseOf(cx, info);
            Optional<ir.line111.core.domain.cases.CaseListItem> item = caseId.flatMap(cid -> cx.desk().item(cid));
            if (item.isEmpty() || !CaseJson.visible(c, item.get().summary())) {
                cx.audit().record(c.username(), AuditLog.Action.REFUSED, caseId.orElse(null), id, null, "recording not visible to the role", c.ip());
                throw ApiException.notFound();
            }
        }
        return info;
    }

    private Object meta(Call c) {
        long id = c.pathId("id");
        RecordingCatalog.RecordingInfo info = accessible(c, id);
        return new JsonObject().put("id", id).put("kind", info.kind() == null ? null : info.kind().name()).put("callId", info.callId())
                .put("durationSeconds", info.durationSeconds()).put("createdAt", info.createdAt() == null ? null : info.createdAt().toString())
                .put("hasTranscript", cx.recordings().hasTranscript(id));
    }

    private Object transcript(Call c) {
        long id = c.pathId("id");
        accessible(c, id);
        cx.audit().record(c.username(), AuditLog.Action.VIEW_TRANSCRIPT, null, id, null, null, c.ip());
        return VoicemailHandlers.transcript(id, cx.recordings());
    }

    private Object audio(Call c) throws IOException {
        long id = c.pathId("id");
        RecordingCatalog.RecordingInfo info = accessible(c, id);
        Path file = insideStore(info.file()).orElseThrow(() -> {
            log.warn("recording {} names a file outside the recording store; refused", id);
            cx.audit().record(c.username(), AuditLog.Action.REFUSED, null, id, null, "file outside the recording store", c.ip());
            return ApiException.notFound();
        });
        long size = Files.size(file);
        String type = file.getFileName().toString().endsWith(".wav") ? "audio/wav" : "application/octet-stream";
        String range = c.header("Range");
        if (range == null) {
            played(c, info);
            return new Reply.File(200, file, 0, size, type, Map.of("Accept-Ranges", "bytes", "Content-Length", Long.toString(size)));
        }
        Matcher m = RANGE.matcher(range.strip());
        long start, end;
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return unsatisfiable(size);
        if (m.group(1).isEmpty()) {
            long n = Long.parseLong(m.group(2));
            start = Math.max(0, size - n);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || start > end) return unsatisfiable(size);
        played(c, info);
        long length = end - start + 1;
        return new Reply.File(206, file, start, length, type, Map.of("Accept-Ranges", "bytes",
                "Content-Range", "bytes " + start + "-" + end + "/" + size, "Content-Length", Long.toString(length)));
    }

    /** Bytes are about to be served: the first request of a listening is audited, with the case the audio belongs to. */
    private void played(Call c, RecordingCatalog.RecordingInfo info) {
        if (listenings.starts(c.session().id(), info.id())) {
            cx.audit().record(c.username(), AuditLog.Action.PLAY_RECORDING, Attachments.caseOf(cx, info).orElse(null), info.id(), null, null, c.ip());
        }
    }

    private static Reply unsatisfiable(long size) {
        return new Reply.Text(416, "text/plain", "", Map.of("Content-Range", "bytes */" + size));
    }

    /** The real file when it is a regular file under the store's real root; empty otherwise. */
    Optional<Path> insideStore(Path file) {
        if (file == null) return Optional.empty();
        try {
            Path root = cx.recordingStore().toRealPath();
            Path real = file.toRealPath();
            if (real.startsWith(root) && Files.isRegularFile(real)) return Optional.of(real);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
