package ir.line111.ivr.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IVR's local intake journal: one JSON line per message taken while the database was away,
 * fsynced before the caller hears its code, and one line when replay has made its case. A line cut
 * short by a crash was never acknowledged (its code was not read out) and is cut off on open.
 * {@link #compact} drops replayed intakes once the reservoir file no longer lists their codes.
 */
final class IntakeJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IntakeJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A recording of the intake: its row id when it was adopted, else the file Asterisk wrote. */
    record Recording(Long id, String kind, String basePath, String format) {}

    record Intake(String code, String callId, String callerNumber, String nationalId, boolean idVerified,
                  String relation, String fullName, Recording spokenId, Recording message, String at) {}

    record Line(Intake intake, String replayed, Long caseId) {}

    private final Path file;
    private final Map<String, Intake> pending = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    /** Calls whose message the journal took, since it was opened: their cases are made by replay alone. */
    private final Set<String> calls = new HashSet<>();
    private int replayedLines;
    private FileChannel out;

    IntakeJournal(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean created = !Files.exists(file);
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (created) DurableFiles.syncDirectory(file.toAbsolutePath().getParent());
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the intake journal " + file, e);
        }
    }

    private void load() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') end--;
        if (end < all.length) {
            log.warn("intake journal {}: cutting off {} bytes of a line a crash left unfinished", file, all.length - end);
            out.truncate(end);
            out.force(true);
        }
        out.position(end);
        for (String line : new String(all, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            Line l = JSON.readValue(line, Line.class);
            if (l.intake() != null) {
                pending.put(l.intake().code(), l.intake());
                used.add(l.intake().code());
                calls.add(l.intake().callId());
            } else if (l.replayed() != null) {
                pending.remove(l.replayed());
                replayedLines++;
            }
        }
    }

    synchronized void append(Intake intake) {
        write(new Line(intake, null, null));
        pending.put(intake.code(), intake);
        used.add(intake.code());
        calls.add(intake.callId());
    }

    synchronized boolean tookCall(String callId) {
        return calls.contains(callId);
    }

    synchronized void replayed(String code, long caseId) {
        write(new Line(null, code, caseId));
        pending.remove(code);
        replayedLines++;
    }

    private void write(Line line) {
        try {
            ByteBuffer b = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) out.write(b);
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the intake journal " + file, e);
        }
    }

    synchronized List<Intake> pending() {
        return new ArrayList<>(pending.values());
    }

    synchronized int waiting() {
        return pending.size();
    }

    synchronized Set<String> usedCodes() {
        return new HashSet<>(used);
    }

    /** Keeps only the intakes still waiting. Call only after the reservoir file was rewritten without used codes. */
    synchronized void compact() {
        if (replayedLines == 0) return;
        try {
            StringBuilder b = new StringBuilder();
            for (Intake i : pending.values()) b.append(JSON.writeValueAsString(new Line(i, null, null))).append('\n');
            DurableFiles.replace(file, b.toString().getBytes(StandardCharsets.UTF_8));
            FileChannel old = out;
            out = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            out.position(out.size());
            old.close();
            used.retainAll(pending.keySet());
            replayedLines = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the intake journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("closing the intake journal: {}", e.toString());
        }
    }
}
