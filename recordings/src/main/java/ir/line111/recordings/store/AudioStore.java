package ir.line111.recordings.store;

import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore;
import ir.line111.recordings.speech.audio.SpeechPresence;
import ir.line111.recordings.speech.audio.WavAudio;
import ir.line111.recordings.transcription.TranscriptionQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import ir.line111.core.files.FileModes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The audio store: files under {@code recordings.dir} in {@code <kind>/<yyyy>/<MM>/<dd>/} (UTC),
 * named {@code <epochMillis>-<callId>-<random>} so that two calls, or two takes in one call, can never
 * collide; one {@code recording} row per file with its checksum and length. Asterisk writes the file
 * where {@link #plan} says; {@link #adopt} registers it. A missing, empty or unreadable file still
 * gets its row, flagged, so that staff see that something went wrong instead of nothing.
 * Adopting a voicemail queues its transcription in the same transaction.
 */
public final class AudioStore implements RecordingStore {

    private static final Logger log = LoggerFactory.getLogger(AudioStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    public static final String FORMAT = "wav";

    private final DataSource db;
    private final Path root;
    private final Clock clock;
    /** Group of the folders Asterisk writes into ({@code recordings.group}); null: owner only. */
    private final String group;
    private volatile Runnable onVoicemailQueued = () -> { };

    public AudioStore(DataSource db, Path root, Clock clock) {
        this(db, root, clock, null);
    }

    /** {@code group}: folders 2770 of that group (Asterisk writes the recordings), else 0700; files 0600 either way. */
    public AudioStore(DataSource db, Path root, Clock clock, String group) {
        this.db = db;
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        this.group = group == null || group.isBlank() ? null : group.strip();
        FileModes.privateDir(this.root, this.group);
    }

    /** Called after a voicemail's transcription job was queued (the workers wake up instead of polling). */
    public void onVoicemailQueued(Runnable listener) {
        this.onVoicemailQueued = listener;
    }

    public Path root() {
        return root;
    }

    /** A stored row with what the store alone knows besides the port's record. */
    public record Row(StoredRecording recording, Long caseId, Instant recordedAt, Instant purgedAt, String origin, int sampleRate) {
        /** Length in seconds; null when the file could not be read (flagged). */
        public Double durationSeconds() {
            return sampleRate <= 0 ? null : recording.durationSamples() / (double) sampleRate;
        }
    }

    /** The folder of one kind's recordings of one UTC day. */
    public Path dayFolder(RecordingKind kind, Instant day) {
        return root.resolve(kind.name().toLowerCase(Locale.ROOT).replace('_', '-')).resolve(DAY.format(day));
    }

    @Override
    public PlannedRecording plan(String callId, RecordingKind kind) {
        Instant now = clock.instant();
        Path dir = FileModes.privateDirs(root, dayFolder(kind, now), group);
        // Random part: two takes in the same millisecond of the same call still differ.
        String name = now.toEpochMilli() + "-" + safe(callId) + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new PlannedRecording(callId, kind, dir.resolve(name), FORMAT);
    }

    @Override
    public StoredRecording adopt(PlannedRecording planned) {
        return adopt(planned, clock.instant(), null).recording();
    }

    /**
     * Registers a planned file; idempotent (adopting the same path twice returns the first row).
     * @throws IllegalArgumentException when the path lies outside the store
     */
    public Row adopt(PlannedRecording planned, Instant recordedAt, String origin) {
        return adoption(planned, recordedAt, origin).row();
    }

    /** What {@link #adoption} did: the stored row, and whether this caller is the one who stored it. */
    public record Adoption(Row row, boolean created) {}

    /**
     * Registers a planned file, safe against any number of concurrent adopters of the same file (the
     * call flow, the stray reconciler, another node's reconciler): exactly one of them inserts the row
     * and queues its transcription; every other one gets that same row back with {@code created}
     * false, never an exception. Only the creator should register anything about the file.
     */
    public Adoption adoption(PlannedRecording planned, Instant recordedAt, String origin) {
        Path file = insideStore(planned.file());
        String relative = root.relativize(file).toString();
        Optional<Row> already = byRelativePath(relative);
        if (already.isPresent()) return new Adoption(already.get(), false);
        FileModes.privateFile(file); // Asterisk wrote it with its umask; ours when we may change it
        Facts facts = facts(file);
        Row row;
        try {
            row = Sql.inTransaction(db, c -> insert(c, planned, relative, recordedAt, origin, facts));
        } catch (Sql.StoreException e) {
            // The unique path index is the arbiter: a lost race reads the winner's row. The loser's
            // transaction was rolled back whole (PostgreSQL aborts it), so this reads in a new one.
            if (!ir.line111.core.persistence.SqlErrors.isUniqueViolation(e)) throw e;
            return new Adoption(byRelativePath(relative).orElseThrow(() -> e), false);
        }
        if (facts.flag() != null) {
            log.warn("recording {} of call {} flagged: {}", relative, planned.callId(), facts.flag());
        }
        if (planned.kind() == RecordingKind.VOICEMAIL && row.recording().flagged() == null) onVoicemailQueued.run();
        return new Adoption(row, true);
    }

    private Optional<Row> byRelativePath(String relative) {
        return Sql.inTransaction(db, c -> find(c, "path = ?", relative));
    }

    private Row insert(Connection c, PlannedRecording planned, String relative, Instant recordedAt, String origin,
                       Facts facts) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO recording (call_id, kind, path, origin, duration_samples, sample_rate, size_bytes,
                                       sha256, flagged, recorded_at, adopted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, planned.callId());
            ps.setString(2, planned.kind().name());
            ps.setString(3, relative);
            ps.setString(4, origin);
            ps.setLong(5, facts.frames());
            ps.setInt(6, facts.sampleRate());
            ps.setLong(7, facts.size());
            ps.setString(8, facts.sha256());
            ps.setString(9, facts.flag());
            ps.setObject(10, Sql.ts(recordedAt));
            ps.setObject(11, Sql.ts(clock.instant()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (planned.kind() == RecordingKind.VOICEMAIL && facts.flag() == null) {
            TranscriptionQueue.enqueue(c, id, facts.sampleRate() == 0 ? 0 : facts.frames() / (double) facts.sampleRate(), clock.instant());
        }
        return find(c, "id = ?", id).orElseThrow();
    }

    /** Ties a recording to the case it belongs to (retention spares recordings of open cases). */
    public void attachToCase(long recordingId, long caseId) {
        Sql.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE recording SET case_id = ? WHERE id = ?")) {
                ps.setLong(1, caseId);
                ps.setLong(2, recordingId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Row> byId(long id) {
        return Sql.inTransaction(db, c -> find(c, "id = ?", id));
    }

    /** The row of a file in the store, if it was adopted. */
    public Optional<Row> byFile(Path file) {
        return byRelativePath(root.relativize(insideStore(file)).toString());
    }

    public Optional<Row> byOrigin(String origin) {
        return Sql.inTransaction(db, c -> find(c, "origin = ?", origin));
    }

    public List<Row> byCall(String callId) {
        return Sql.inTransaction(db, c -> list(c, "call_id = ? ORDER BY id", callId));
    }

    /** What the store attached to a case (a live call's conversation and spoken ID, audio answers). */
    public List<Row> byCase(long caseId) {
        return Sql.inTransaction(db, c -> list(c, "case_id = ? ORDER BY id", caseId));
    }

    /** Rows whose file was missing, empty or unreadable, newest first: for the console's attention. */
    public List<Row> flagged(int limit) {
        return Sql.inTransaction(db, c -> list(c, "flagged IS NOT NULL ORDER BY id DESC LIMIT " + Math.max(1, limit)));
    }

    /** By the audio's energy ({@link SpeechPresence}): a second of kept silence is no speech. */
    @Override
    public boolean hasSpeech(StoredRecording recording) {
        return recording.flagged() == null && recording.durationSamples() > 0 && SpeechPresence.inFile(recording.file());
    }

    /** Where a row's file lives. */
    public Path fileOf(StoredRecording r) {
        return r.file();
    }

    /**
     * Stores audio that did not come from Asterisk — an agency's answer uploaded in the console — as
     * a recording of the case. The bytes must be a WAV file; anything else is stored but flagged.
     */
    public Row storeUpload(long caseId, RecordingKind kind, byte[] wav) throws IOException {
        PlannedRecording target = plan("case-" + caseId, kind);
        Path tmp = target.file().resolveSibling(target.file().getFileName() + ".part");
        FileModes.writePrivate(tmp, wav);
        try {
            Files.move(tmp, target.file(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target.file());
        }
        Row row = adopt(target, clock.instant(), null);
        attachToCase(row.recording().id(), caseId);
        return byId(row.recording().id()).orElseThrow();
    }

    /** Copies an outside file (the spool) into the store's layout under a new planned name, atomically. */
    PlannedRecording importCopy(Path source, String callId, RecordingKind kind) throws IOException {
        PlannedRecording target = plan(callId, kind);
        Path tmp = target.file().resolveSibling(target.file().getFileName() + ".part");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        FileModes.privateFile(tmp);
        try {
            Files.move(tmp, target.file(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target.file());
        }
        return target;
    }

    /** Refuses anything that does not resolve inside the store (.., absolute elsewhere, symlinks out). */
    Path insideStore(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new IllegalArgumentException("refused: " + file + " is outside the recordings store " + root);
        }
        try {
            if (Files.exists(abs) && !abs.toRealPath().startsWith(root.toRealPath())) {
                throw new IllegalArgumentException("refused: " + file + " links outside the recordings store");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("refused: " + file + " cannot be resolved: " + e.getMessage(), e);
        }
        return abs;
    }

    private record Facts(long size, long frames, int sampleRate, String sha256, String flag) {}

    private static Facts facts(Path file) {
        if (!Files.exists(file)) return new Facts(0, 0, 0, null, "missing: Asterisk wrote no file");
        long size;
        String sha;
        try {
            size = Files.size(file);
            if (size == 0) return new Facts(0, 0, 0, null, "empty: zero-length file");
            sha = sha256(file);
        } catch (IOException e) {
            return new Facts(0, 0, 0, null, "unreadable: " + e.getMessage());
        }
        try {
            var h = WavAudio.header(file);
            if (h.frames() == 0) return new Facts(size, 0, h.sampleRate(), sha, "empty: no audio after the header");
            return new Facts(size, h.frames(), h.sampleRate(), sha, null);
        } catch (IOException e) {
            return new Facts(size, 0, 0, sha, "unreadable: " + e.getMessage());
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Call ids come from Asterisk ("1732300000.42"); keep them readable but harmless in a file name. */
    private static String safe(String callId) {
        String s = callId == null ? "nocall" : callId.replaceAll("[^A-Za-z0-9.]", "_");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private Optional<Row> find(Connection c, String where, Object arg) throws SQLException {
        List<Row> rows = list(c, where, arg);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    List<Row> list(Connection c, String whereAndOrder, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, call_id, kind, path, duration_samples, size_bytes, sha256, "
                + "flagged, case_id, recorded_at, purged_at, origin, sample_rate FROM recording WHERE " + whereAndOrder)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    StoredRecording r = new StoredRecording(rs.getLong(1), rs.getString(2), RecordingKind.valueOf(rs.getString(3)),
                            root.resolve(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8));
                    long caseId = rs.getLong(9);
                    Long cid = rs.wasNull() ? null : caseId;
                    out.add(new Row(r, cid, Sql.instant(rs.getObject(10)), Sql.instant(rs.getObject(11)), rs.getString(12), rs.getInt(13)));
                }
                return out;
            }
        }
    }
}
