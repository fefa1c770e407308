package ir.line111.ivr.agi;

import ir.line111.core.testing.ExpectedLogs;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The backend's own time per command (issue 13.9): one sample per command a call sends, per interval. */
class ThinkTimesTest {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.ivr", "org.asteriskjava");
    @TempDir Path dir;

    @Test
    void everyCommandOfACallIsTimedOnceFromTheReplyBeforeIt() throws Exception {
        try (IvrHarness ivr = new IvrHarness(dir)) {
            ivr.server.thinkTimes().interval();
            CallTranscript t = ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build());

            ThinkTimes.Snapshot s = ivr.server.thinkTimes().interval();
            assertThat(t.commands()).isNotEmpty();
            assertThat(s.count()).isEqualTo(t.commands().size());
            assertThat(s.p50()).isLessThanOrEqualTo(s.p99()).isLessThanOrEqualTo(s.max());
            assertThat(ivr.server.thinkTimes().interval().count()).as("a new interval").isZero();
        }
    }

    @Test
    void aSlowGapIsKeptWithTheCommandThatEndedIt() {
        ThinkTimes times = new ThinkTimes();
        times.record(2_000_000L, "ANSWER\n");
        times.record(72_000_000L, "EXEC Playback line111/case-status&line111/digit-1\n");
        times.record(9_000_000L, "STREAM FILE line111/main-menu \"12\"\n");

        ThinkTimes.Snapshot s = times.interval();
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.max()).isBetween(71.0, 73.0);
        assertThat(s.slowest()).containsExactly("  72 ms before EXEC Playback", "   9 ms before STREAM FILE");
    }
}
