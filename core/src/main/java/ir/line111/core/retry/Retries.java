package ir.line111.core.retry;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import org.slf4j.Logger;

import java.time.Duration;

/**
 * The one back-off of the project, on Failsafe (a small, well-kept library with no dependencies) instead
 * of a loop of sleeps written at each place that retries. The delay doubles from {@code first} to
 * {@code max}; what is said is the same everywhere: one WARN when a write first fails, one INFO when it
 * went in after retries, one ERROR when it is given up.
 */
public final class Retries {
    private Retries() {}

    /**
     * The back-off: doubling from {@code first} to {@code max}, retrying until it goes in; the caller adds
     * what it handles, a retry limit or an abort condition.
     */
    public static <T> RetryPolicyBuilder<T> backoff(Duration first, Duration max) {
        return RetryPolicy.<T>builder().withBackoff(first, max).withMaxRetries(-1);
    }

    /**
     * Runs {@code write} on this thread until it goes in or the retries run out (blocking: call it off any
     * event loop, e.g. on a virtual thread). Never throws: giving up is logged as ERROR with {@code what}.
     *
     * @return whether it went in
     */
    public static boolean write(String what, Runnable write, Duration first, Duration max, int maxRetries, Logger log) {
        RetryPolicy<Object> policy = Retries.backoff(first, max).handle(RuntimeException.class).withMaxRetries(maxRetries)
                .onFailedAttempt(e -> {
                    if (e.getAttemptCount() == 1) log.warn("{} not recorded yet ({}); retrying", what, message(e.getLastException()));
                })
                .onRetriesExceeded(e -> log.error("{} could not be recorded, giving up: {}", what, message(e.getException())))
                .build();
        try {
            Failsafe.with(policy).onSuccess(e -> {
                if (e.getAttemptCount() > 1) log.info("{} recorded after {} retries", what, e.getAttemptCount() - 1);
            }).run(write::run);
            return true;
        } catch (RuntimeException e) { // the last failure, or a FailsafeException around a checked one
            return false;
        }
    }

    private static String message(Throwable t) {
        return t == null ? "?" : t.getMessage();
    }
}
