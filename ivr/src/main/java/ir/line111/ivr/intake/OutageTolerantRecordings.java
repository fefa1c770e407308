package ir.line111.ivr.intake;

import ir.line111.core.domain.recordings.RecordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recording store for the call flows: while the database is away a recording cannot get its
 * row, so it gets a provisional (negative) id and stays where Asterisk wrote it; the intake journal
 * keeps its file, and replay adopts it. Planning needs no database.
 */
final class OutageTolerantRecordings implements RecordingStore {
    private static final Logger log = LoggerFactory.getLogger(OutageTolerantRecordings.class);
    /** RIFF header of Asterisk's wav (8 kHz, 16-bit, mono). */
    private static final int WAV_HEADER = 44;

    private final RecordingStore store;
    private final DatabaseWatch watch;
    private final AtomicLong provisionalIds = new AtomicLong();
    private final Map<Long, PlannedRecording> provisional = new ConcurrentHashMap<>();

    OutageTolerantRecordings(RecordingStore store, DatabaseWatch watch) {
        this.store = store;
        this.watch = watch;
    }

    @Override
    public PlannedRecording plan(String callId, ir.line111.core.domain.recordings.RecordingKind kind) {
        return store.plan(callId, kind);
    }

    @Override
    public StoredRecording adopt(PlannedRecording planned) {
        if (watch.isUp()) {
            try {
                return store.adopt(planned);
            } catch (RuntimeException e) {
                log.warn("could not adopt a recording of call {} ({}); kept on disk for the intake journal", planned.callId(), e.toString());
                watch.suspect();
            }
        }
        long id = provisionalIds.decrementAndGet();
        provisional.put(id, planned);
        long size = 0;
        try {
            size = Files.exists(planned.file()) ? Files.size(planned.file()) : 0;
        } catch (IOException e) {
            log.info("cannot read the size of {}: {}", planned.file(), e.toString());
        }
        long samples = Math.max(0, (size - WAV_HEADER) / 2);
        String flag = size == 0 ? "missing or empty file" : samples == 0 ? "no audio" : null;
        return new StoredRecording(id, planned.callId(), planned.kind(), planned.file(), samples, size, null, flag);
    }

    /** The file behind a provisional id. */
    Optional<PlannedRecording> provisional(Long id) {
        return id == null || id >= 0 ? Optional.empty() : Optional.ofNullable(provisional.get(id));
    }

    /** The journal or the database holds it now. */
    void forget(Long id) {
        if (id != null) provisional.remove(id);
    }

    /** Adopts a provisional recording now that the database answers; null when it still cannot. */
    Long adoptNow(PlannedRecording planned) {
        try {
            return store.adopt(planned).id();
        } catch (RuntimeException e) {
            watch.suspect();
            return null;
        }
    }
}
