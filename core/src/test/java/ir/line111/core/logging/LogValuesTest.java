package ir.line111.core.logging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LogValuesTest {
    @Test
    void shortValuesAreKeptAndLongOnesCutWithTheirLength() {
        assertThat(LogValues.bounded("1796303986.12")).isEqualTo("1796303986.12");
        assertThat(LogValues.bounded(null)).isEqualTo("null");
        String cut = LogValues.bounded("7".repeat(1_000_000));
        assertThat(cut).startsWith("7".repeat(LogValues.DEFAULT_MAX)).endsWith("…(1000000 chars)");
        assertThat(cut.length()).isLessThan(LogValues.DEFAULT_MAX + 20);
        assertThat(LogValues.bounded("abcdef", 3)).isEqualTo("abc…(6 chars)");
    }

    @Test
    void controlCharactersCannotForgeALogLine() {
        assertThat(LogValues.bounded("a\nb\r\u0000c\u007f")).isEqualTo("a?b??c?");
    }

    @Test
    void aSurrogatePairIsNotSplitAtTheCut() {
        String s = "ab\uD83D\uDE00cd";
        assertThat(LogValues.bounded(s, 3)).isEqualTo("ab…(6 chars)");
    }

    @Test
    void theLimiterLetsAFewLinesThroughPerWindowAndCountsTheRest() {
        AtomicLong now = new AtomicLong();
        LogLimiter limiter = new LogLimiter(Duration.ofSeconds(1), 2, now::get);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        for (int i = 0; i < 1000; i++) assertThat(limiter.tryAcquire()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.takeSuppressed()).isEqualTo(1000);
        assertThat(limiter.takeSuppressed()).isZero();
    }
}
