package ir.line111.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory: a fresh random id at every sign-in (no fixation), an idle and an
 * absolute time-out. A restart signs everyone out, which is acceptable for a console on one machine;
 * a cluster shares them ({@link SharedSessionStore}).
 */
public final class MemorySessionStore implements SessionStore {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;

    public MemorySessionStore(Duration idle, Duration absolute, Clock clock) {
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
    }

    @Override
    public Duration idle() { return idle; }

    @Override
    public Session open(ConsoleUser user, String ip) {
        Instant now = clock.instant();
        Session s = new Session(token(), token(), user, ip, now, now.plus(absolute));
        sessions.put(s.id(), s);
        return s;
    }

    /** Finds the session and counts this as activity; expired ones are removed on sight. */
    @Override
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
    @Override
    public boolean alive(Session s) {
        Instant now = clock.instant();
        return sessions.containsKey(s.id()) && now.isBefore(s.expiresAt()) && now.isBefore(s.lastSeen().plus(idle));
    }

    @Override
    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Ends every session of a user (disabled, password changed). */
    @Override
    public void closeAll(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }

    @Override
    public int closeOthers(String username, String keepId) {
        int ended = 0;
        for (Session s : sessions.values()) {
            if (s.username().equals(username) && !s.id().equals(keepId) && sessions.remove(s.id(), s)) ended++;
        }
        return ended;
    }

    @Override
    public List<Session> all() {
        return List.copyOf(sessions.values());
    }

    @Override
    public void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeen().plus(idle)));
    }

    @Override
    public Optional<Session> find(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    private static String token() {
        return SessionStore.newToken();
    }
}
