package ir.line111.console.support;

import ir.line111.console.store.Jdbc;

import ir.line111.console.ports.RecordingCatalog;
import ir.line111.core.domain.recordings.RecordingKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The recordings module's tables as the console reads them ({@code recording}, {@code transcript},
 * {@code transcript_word}, {@code transcription_job}; recordings' V100/V101). Paths there are relative
 * to {@code recordings.dir}; the console still checks the resolved file against the store.
 */
public final class JdbcRecordingCatalog implements RecordingCatalog {

    private final Jdbc jdbc;
    private final Path store;
    private final Clock clock;

    public JdbcRecordingCatalog(Jdbc jdbc, Path store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** Whether the recordings module's tables are there (it may not be part of this process). */
    public static boolean available(Jdbc jdbc) {
        return jdbc.run(c -> tableExists(c, "recording") && tableExists(c, "transcript") && tableExists(c, "transcript_word"));
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        var md = c.getMetaData();
        for (String n : new String[]{name, name.toUpperCase()}) {
            try (ResultSet rs = md.getTables(null, c.getSchema(), n, new String[]{"TABLE"})) {
                if (rs.next()) return true;
            }
        }
        return false;
    }

    private static final String COLUMNS = "select id, call_id, kind, path, duration_samples, sample_rate, recorded_at, purged_at, case_id from recording ";

    @Override
    public Optional<RecordingInfo> find(long id) {
        return jdbc.one(COLUMNS + "where id = ?", this::info, id);
    }

    @Override
    public List<RecordingInfo> ofCase(long caseId) {
        return jdbc.list(COLUMNS + "where case_id = ? order by recorded_at, id", this::info, caseId);
    }

    /** Only what a live call leaves (its spoken ID, its conversation): a message makes its own case. */
    @Override
    public void attachCallToCase(String callId, long caseId) {
        jdbc.update("update recording set case_id = ? where call_id = ? and case_id is null and kind in (?, ?)",
                caseId, callId, RecordingKind.SPOKEN_ID.name(), RecordingKind.CONVERSATION.name());
    }

    private RecordingInfo info(ResultSet rs) throws SQLException {
        RecordingKind kind;
        try {
            kind = RecordingKind.valueOf(rs.getString("kind"));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        int rate = rs.getInt("sample_rate");
        Double seconds = rate > 0 ? rs.getLong("duration_samples") / (double) rate : null;
        boolean purged = rs.getObject("purged_at") != null;
        return new RecordingInfo(rs.getLong("id"), kind, rs.getString("call_id"), purged ? null : store.resolve(rs.getString("path")),
                seconds, Jdbc.instant(rs, "recorded_at"), Jdbc.longOrNull(rs, "case_id"));
    }

    @Override
    public Optional<Transcript> transcript(long recordingId) {
        Optional<String> body = jdbc.one("select body from transcript where recording_id = ?", rs -> rs.getString(1), recordingId);
        if (body.isPresent()) {
            List<Word> words = jdbc.list("select word, start_seconds, end_seconds, confidence from transcript_word where recording_id = ? order by seq",
                    rs -> {
                        double conf = rs.getDouble(4);
                        return new Word(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.wasNull() ? null : conf);
                    }, recordingId);
            return Optional.of(new Transcript("DONE", body.get(), words));
        }
        return jdbc.run(c -> tableExists(c, "transcription_job"))
                ? jdbc.one("select state from transcription_job where recording_id = ?", rs -> {
                    String s = rs.getString(1);
                    return new Transcript(s != null && s.toUpperCase().startsWith("FAIL") ? "FAILED" : "PENDING", null, List.of());
                }, recordingId)
                : Optional.empty();
    }

    /** Stores an agency's audio answer under {@code answers/} in the store and registers it as AGENCY_ANSWER. */
    @Override
    public Optional<RecordingInfo> storeAnswer(long caseId, byte[] wav) {
        Instant now = clock.instant();
        String relative = "answers/case-" + caseId + "-" + now.toEpochMilli() + ".wav";
        Path file = store.resolve(relative);
        try {
            Files.createDirectories(store);
            ir.line111.core.files.FileModes.privateDirs(store, file.getParent(), null);
            ir.line111.core.files.FileModes.writePrivate(file, wav);
        } catch (IOException e) {
            throw new IllegalStateException("could not store the audio answer: " + e.getMessage(), e);
        }
        ByteBuffer h = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int rate = wav.length >= 28 ? h.getInt(24) : 8000;
        int blockAlign = wav.length >= 34 ? Math.max(1, h.getShort(32)) : 2;
        long samples = Math.max(0, (wav.length - 44) / blockAlign);
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("insert into recording (call_id, kind, path, duration_samples, sample_rate, size_bytes, sha256, case_id, recorded_at, adopted_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "console-answer-" + caseId, RecordingKind.AGENCY_ANSWER.name(), relative, samples,
                rate, (long) wav.length, sha, caseId, now, now);
        return jdbc.one("select id from recording where path = ?", rs -> rs.getLong(1), relative).flatMap(this::find);
    }
}
