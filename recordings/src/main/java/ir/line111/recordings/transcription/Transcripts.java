package ir.line111.recordings.transcription;

import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.store.Sql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The owner of {@code transcript} and {@code transcript_word}: what speech recognition made of a
 * recording. A voicemail's draft comes from the overnight queue; a spoken ID's text is the
 * recogniser's best guess at its digits, kept with the recording so that staff checking it by ear
 * see what the machine heard.
 */
public final class Transcripts {

    /** The {@code model} of a spoken ID's best guess. */
    public static final String RECOGNISER = "recogniser:digits";

    private final DataSource db;
    private final Clock clock;

    public Transcripts(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores the recogniser's best guess at a spoken ID's digits, replacing an earlier one. */
    public void rememberDigits(long recordingId, String digits) {
        Sql.inTransaction(db, c -> {
            replace(c, recordingId, new Hypothesis(digits, Double.NaN, List.of()), RECOGNISER, clock.instant());
            return null;
        });
    }

    public Optional<Hypothesis> of(long recordingId) {
        return Sql.inTransaction(db, c -> of(c, recordingId));
    }

    static void replace(Connection c, long recordingId, Hypothesis transcript, String model, java.time.Instant now) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM transcript_word WHERE recording_id = ?");
             PreparedStatement delT = c.prepareStatement("DELETE FROM transcript WHERE recording_id = ?")) {
            del.setLong(1, recordingId);
            del.executeUpdate();
            delT.setLong(1, recordingId);
            delT.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO transcript (recording_id, body, model, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, recordingId);
            ps.setString(2, transcript.text());
            ps.setString(3, model);
            ps.setObject(4, Sql.ts(now));
            ps.executeUpdate();
        }
        if (transcript.words().isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO transcript_word (recording_id, seq, word, start_seconds, end_seconds, confidence)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            int seq = 0;
            for (Hypothesis.Word w : transcript.words()) {
                ps.setLong(1, recordingId);
                ps.setInt(2, seq++);
                ps.setString(3, w.word());
                ps.setDouble(4, w.start());
                ps.setDouble(5, w.end());
                if (Double.isNaN(w.confidence())) ps.setNull(6, java.sql.Types.DOUBLE); else ps.setDouble(6, w.confidence());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Optional<Hypothesis> of(Connection c, long recordingId) throws SQLException {
        String body;
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM transcript WHERE recording_id = ?")) {
            ps.setLong(1, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                body = rs.getString(1);
            }
        }
        List<Hypothesis.Word> words = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT word, start_seconds, end_seconds, confidence FROM transcript_word WHERE recording_id = ? ORDER BY seq")) {
            ps.setLong(1, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double conf = rs.getDouble(4);
                    if (rs.wasNull()) conf = Double.NaN;
                    words.add(new Hypothesis.Word(rs.getString(1), rs.getDouble(2), rs.getDouble(3), conf));
                }
            }
        }
        return Optional.of(new Hypothesis(body, Double.NaN, words));
    }
}
