package ir.line111.console.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a fresh random id at every sign-in (no fixation), an idle and an absolute
 * time-out. A restart signs everyone out, which is acceptable for a console on one machine; a
 * cluster would keep them in the database.
 */
public final class SessionStore {

    /** Why a session id is not (or no longer) usable. */
    public sealed interface Lookup {
        record Found(Session session) implements Lookup {}
        record Missing() implements Lookup {}
        record Expired() implements Lookup {}
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;

    public SessionStore(Duration idle, Duration absolute, Clock clock) {
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
    }

    public Duration idle() { return idle; }

    public Session open(ConsoleUser user, String ip) {
        Instant now = clock.instant();
        Session s = new Session(token(), token(), user, ip, now, now.plus(absolute));
        sessions.put(s.id(), s);
        return s;
    }

    /** Finds the session and counts this as activity; expired ones are removed on sight. */
    public Lookup touch(String id) {
        if (id == null || id.isEmpty()) return new Lookup.Missing();
        Session s = sessions.get(id);
        if (s == null) return new Lookup.Missing();
        Instant now = clock.instant();
        if (!now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeen().plus(idle))) {
            sessions.remove(id);
            return new Lookup.Expired();
        }
        s.touch(now);
        return new Lookup.Found(s);
    }

    /** Looks without counting as activity (the WebSocket's periodic check). */
    public boolean alive(Session s) {
        Instant now = clock.instant();
        return sessions.containsKey(s.id()) && now.isBefore(s.expiresAt()) && now.isBefore(s.lastSeen().plus(idle));
    }

    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Ends every session of a user (disabled, password changed). */
    public void closeAll(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }

    /** Ends every session of a user but {@code keepId} (their own password changed there); returns how many ended. */
    public int closeOthers(String username, String keepId) {
        int ended = 0;
        for (Session s : sessions.values()) {
            if (s.username().equals(username) && !s.id().equals(keepId) && sessions.remove(s.id(), s)) ended++;
        }
        return ended;
    }

    public List<Session> all() {
        return List.copyOf(sessions.values());
    }

    public void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeen().plus(idle)));
    }

    public Optional<Session> find(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    /** Constant-time comparison so the token cannot be guessed byte by byte from timings. */
    public static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
