package ir.line111.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a few failures for the same user from the same address, each
 * further attempt must wait, doubling up to a cap. Keyed by user and IP so that one attacker cannot
 * lock a real user out from the user's own desk.
 */
public final class SignInThrottle {

    private record Failures(int count, Instant lockedUntil) {}

    private static final int FREE_ATTEMPTS = 3;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Zero when an attempt may be made now, else how long to wait. */
    public Duration waitBefore(String username, String ip) {
        Failures f = failures.get(key(username, ip));
        if (f == null || f.lockedUntil() == null) return Duration.ZERO;
        Duration d = Duration.between(clock.instant(), f.lockedUntil());
        return d.isNegative() ? Duration.ZERO : d;
    }

    public void failed(String username, String ip) {
        failures.compute(key(username, ip), (k, f) -> {
            int n = f == null ? 1 : f.count() + 1;
            Instant until = null;
            if (n >= FREE_ATTEMPTS) {
                long factor = 1L << Math.min(20, n - FREE_ATTEMPTS);
                Duration d = FIRST_DELAY.multipliedBy(factor);
                if (d.compareTo(MAX_DELAY) > 0) d = MAX_DELAY;
                until = clock.instant().plus(d);
            }
            return new Failures(n, until);
        });
        if (failures.size() > 100_000) failures.clear(); // a flood of made-up names must not exhaust memory
    }

    public void succeeded(String username, String ip) {
        failures.remove(key(username, ip));
    }

    private static String key(String username, String ip) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\u0000" + ip;
    }
}
