package ir.line111.core.retry;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The one back-off: a write that fails goes in once the store is back, said once; one that never does is given up, said once. */
class RetriesTest {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(RetriesTest.class);

    @Test
    void aWriteThatFailsTwiceGoesInOnTheThirdTryAndIsSaidOnceEachWay() {
        AtomicInteger tries = new AtomicInteger();
        boolean in = Retries.write("row 1", () -> {
            if (tries.incrementAndGet() < 3) throw new IllegalStateException("database away");
        }, Duration.ofMillis(1), Duration.ofMillis(4), 12, LoggerFactory.getLogger(RetriesTest.class));
        assertThat(in).isTrue();
        assertThat(tries).hasValue(3);
        assertThat(logs.warnings()).containsExactly("row 1 not recorded yet (database away); retrying");
        assertThat(logs.events()).anyMatch(e -> e.getFormattedMessage().equals("row 1 recorded after 2 retries"));
    }

    @Test
    void aWriteThatNeverGoesInIsGivenUpAfterItsRetries() {
        AtomicInteger tries = new AtomicInteger();
        boolean in = Retries.write("row 2", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("still away");
        }, Duration.ofMillis(1), Duration.ofMillis(2), 3, LoggerFactory.getLogger(RetriesTest.class));
        assertThat(in).isFalse();
        assertThat(tries).hasValue(4);
        assertThat(logs.warnings()).containsExactly("row 2 not recorded yet (still away); retrying",
                "row 2 could not be recorded, giving up: still away");
    }
}
