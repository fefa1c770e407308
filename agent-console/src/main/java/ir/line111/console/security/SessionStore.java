package ir.line111.console.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signed-in browsers: a fresh random id at every sign-in (no fixation), an idle and an absolute
 * time-out. {@link MemorySessionStore} keeps them in this process; {@link SharedSessionStore} in a
 * map the cluster's nodes share, so a session opened on one node is good on every other.
 */
public interface SessionStore {

    /** Why a session id is not (or no longer) usable. */
    sealed interface Lookup {
        record Found(Session session) implements Lookup {}
        record Missing() implements Lookup {}
        record Expired() implements Lookup {}
    }

    /** Makes the store the console uses, from its time-outs. */
    @FunctionalInterface
    interface Factory {
        SessionStore create(Duration idle, Duration absolute, Clock clock);

        Factory IN_MEMORY = MemorySessionStore::new;
    }

    Duration idle();

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

    void sweep();

    Optional<Session> find(String id);

    /** Constant-time comparison so the token cannot be guessed byte by byte from timings. */
    static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** 256 random bits, URL-safe: session ids and CSRF tokens. */
    static String newToken() {
        byte[] b = new byte[32];
        Holder.RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    final class Holder {
        private static final SecureRandom RANDOM = new SecureRandom();

        private Holder() {}
    }
}
