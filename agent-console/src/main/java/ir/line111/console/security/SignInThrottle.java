package ir.line111.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing with two counters, each with a wait that doubles with every further
 * failure up to a cap:
 * <ul>
 * <li>per user and address: from the third failure. Only that address waits, so a stranger who
 *   guesses at someone's name locks out nobody but himself: the real user, at his own desk, still
 *   signs in with the right password;</li>
 * <li>per address, whatever the names: from the tenth failure. One password sprayed over many
 *   names from one address is slowed down as much as many passwords against one name.</li>
 * </ul>
 * A counter is forgotten after a quiet half hour; a success clears the user's own counter only (a
 * spray that hits one real password must go on being slowed).
 */
public final class SignInThrottle {

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    private record Rule(int free, Duration first, Duration max) {
        Instant lockedUntil(int count, Instant now) {
            if (count < free) return null;
            Duration d = first.multipliedBy(1L << Math.min(20, count - free));
            return now.plus(d.compareTo(max) > 0 ? max : d);
        }
    }

    static final Rule PER_USER_AND_ADDRESS = new Rule(3, Duration.ofSeconds(2), Duration.ofMinutes(15));
    static final Rule PER_ADDRESS = new Rule(10, Duration.ofSeconds(1), Duration.ofMinutes(15));
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int MOST_REMEMBERED = 100_000;

    private final Map<String, Failures> pairs = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Zero when an attempt may be made now, else how long to wait. */
    public Duration waitBefore(String username, String ip) {
        Instant now = clock.instant();
        Duration a = wait(pairs.get(key(username, ip)), now);
        Duration b = wait(addresses.get(ip), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String username, String ip) {
        Instant now = clock.instant();
        count(pairs, key(username, ip), PER_USER_AND_ADDRESS, now);
        count(addresses, ip, PER_ADDRESS, now);
    }

    public void succeeded(String username, String ip) {
        pairs.remove(key(username, ip));
    }

    private static Duration wait(Failures f, Instant now) {
        if (f == null || f.lockedUntil() == null) return Duration.ZERO;
        Duration d = Duration.between(now, f.lockedUntil());
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static void count(Map<String, Failures> map, String key, Rule rule, Instant now) {
        map.compute(key, (k, f) -> {
            int n = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            return new Failures(n, now, rule.lockedUntil(n, now));
        });
        if (map.size() > MOST_REMEMBERED) { // a flood of made-up names must not exhaust memory: forget the quiet ones
            map.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now)
                    || (e.getValue().lockedUntil() == null && map.size() > MOST_REMEMBERED));
        }
    }

    private static String key(String username, String ip) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\u0000" + ip;
    }
}
