package ir.line111.console.security;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the console keeps its signed-in sessions: a fresh random id at every sign-in (no fixation), an
 * idle and an absolute time-out, and every session of a user ended at once (disabled, password changed).
 * {@link InMemorySessionStore} is the one implementation today; consoles in a cluster need one they share
 * (the Vert.x cluster's map or the database), which is why this is an interface. Kept instead of
 * vertx-web's SessionHandler: see the console's README.
 */
public interface SessionStore {

    /** Why a session id is not (or no longer) usable. */
    sealed interface Lookup {
        record Found(Session session) implements Lookup {}
        record Missing() implements Lookup {}
        record Expired() implements Lookup {}
    }

    Duration idle();

    /** A new session with fresh random id and CSRF token. */
    Session open(ConsoleUser user, String ip);

    /** Finds the session and counts this as activity; expired ones are removed on sight. */
    Lookup touch(String id);

    /** Looks without counting as activity (the WebSocket's periodic check). */
    boolean alive(Session s);

    void close(String id);

    /** Ends every session of a user (disabled, password changed). */
    void closeAll(String username);

    /** Ends every session of a user but {@code keepId} (their own password changed there); returns how many ended. */
    int closeOthers(String username, String keepId);

    List<Session> all();

    /** Drops the expired sessions. */
    void sweep();

    Optional<Session> find(String id);

    /** Constant-time comparison so the token cannot be guessed byte by byte from timings. */
    static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
