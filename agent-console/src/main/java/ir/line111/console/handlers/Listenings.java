package ir.line111.console.handlers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells one listening from the next, so that each is audited exactly once however the player asks
 * for the bytes: a plain GET, {@code Range: bytes=0-}, then a range per seek, or a range from the
 * middle first ({@code bytes=44-}, {@code -94283}). A listening is the requests of one session for
 * one recording with no pause longer than {@link #PAUSE} between them; the first request of each
 * is audited, with or without a Range.
 */
final class Listenings {
    static final Duration PAUSE = Duration.ofMinutes(5);
    private static final int MOST_REMEMBERED = 50_000;

    private final Map<String, Instant> lastRequest = new ConcurrentHashMap<>();
    private final Clock clock;

    Listenings(Clock clock) {
        this.clock = clock;
    }

    /** True for the first request of a listening (audit it); every request extends the listening. */
    boolean starts(String sessionId, long recordingId) {
        Instant now = clock.instant();
        Instant before = lastRequest.put(sessionId + '/' + recordingId, now);
        if (lastRequest.size() > MOST_REMEMBERED) lastRequest.values().removeIf(t -> t.plus(PAUSE).isBefore(now));
        return before == null || before.plus(PAUSE).isBefore(now);
    }
}
