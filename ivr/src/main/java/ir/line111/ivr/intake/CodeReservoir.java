package ir.line111.ivr.intake;

import ir.line111.core.domain.tracking.TrackingCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tracking codes reserved while the database was up, for callers who leave a message while it is
 * away. A code is reserved by issuing it from the database (the issuer commits the sequence's
 * advance before it hands out a code, so no one else ever gets it), and it is usable only once the
 * file that lists it is on disk (written whole and fsynced). A code is used when the intake journal
 * holds it; a restart leaves out the journal's codes. Codes reserved and never used are gaps, never
 * repeats.
 */
final class CodeReservoir {
    private static final Logger log = LoggerFactory.getLogger(CodeReservoir.class);

    private final Path file;
    private final int target;
    private final ArrayDeque<TrackingCode> available = new ArrayDeque<>();

    /** Loads the reserved codes, leaving out those the journal has used. */
    CodeReservoir(Path file, int target, Set<String> used) {
        this.file = file;
        this.target = target;
        if (!Files.exists(file)) return;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || used.contains(l)) continue;
                if (TrackingCode.parse(l) instanceof TrackingCode.Parsed.Valid v) available.add(v.code());
                else log.warn("reserved-codes file {}: skipping '{}', not a tracking code", file, l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reserved tracking codes " + file, e);
        }
    }

    synchronized Optional<TrackingCode> take() {
        return Optional.ofNullable(available.pollFirst());
    }

    synchronized int remaining() {
        return available.size();
    }

    /** Tops the reserve up to its target from the database (throws while it is away). */
    void refill(Supplier<TrackingCode> issuer) {
        int need = target - remaining();
        if (need <= 0) return;
        // Drawn outside the lock: a database that goes away meanwhile must not hold up a call taking a code.
        List<TrackingCode> drawn = new ArrayList<>(need);
        while (drawn.size() < need) drawn.add(issuer.get());
        synchronized (this) {
            List<TrackingCode> all = new ArrayList<>(available);
            all.addAll(drawn);
            write(all);
            available.addAll(drawn);
            log.info("{} tracking codes reserved for a database outage", available.size());
        }
    }

    /** Writes what is left, so that the file no longer lists used codes (then the journal may forget them). */
    synchronized void rewrite() {
        write(new ArrayList<>(available));
    }

    private void write(List<TrackingCode> codes) {
        StringBuilder b = new StringBuilder("# tracking codes reserved in the database for an outage; used ones are in the intake journal\n");
        for (TrackingCode c : codes) b.append(c.digits()).append('\n');
        try {
            DurableFiles.replace(file, b.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reserved tracking codes " + file, e);
        }
    }
}
