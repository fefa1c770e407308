package ir.line111.ivr.agi;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backend's own time per command (issue 13.9): from the moment a reply line from Asterisk (or the
 * end of the agi_ environment) has been read off the socket to the moment the next command is
 * written. What Asterisk sees on top of this is the machine's scheduling (waking the call's thread,
 * the loopback). Recording is wait-free, so every call thread records without contention.
 */
public final class ThinkTimes {
    /** Gaps longer than this are kept with their command, for diagnosis (the first {@link #SLOW_KEPT} of each interval). */
    static final long SLOW_NANOS = 5_000_000L;
    static final int SLOW_KEPT = 64;

    private final Recorder recorder = new Recorder(2);
    private final ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
    private final AtomicInteger slowCount = new AtomicInteger();

    /** Percentiles of one interval, in milliseconds; {@code slowest}: the longest gaps with the command that ended them. */
    public record Snapshot(long count, double p50, double p99, double max, List<String> slowest) {}

    void record(long nanos, String command) {
        recorder.recordValue(Math.max(0, nanos / 1000));
        if (nanos > SLOW_NANOS && slowCount.incrementAndGet() <= SLOW_KEPT) {
            slow.add(String.format("%4d ms before %s", nanos / 1_000_000, verb(command)));
        }
    }

    /** What was recorded since the previous call (or the start), and starts a new interval. */
    public Snapshot interval() {
        Histogram h = recorder.getIntervalHistogram();
        List<String> s = new ArrayList<>(slow);
        slow.clear();
        slowCount.set(0);
        s.sort((a, b) -> Integer.compare(millis(b), millis(a)));
        return new Snapshot(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0, List.copyOf(s.subList(0, Math.min(3, s.size()))));
    }

    private static int millis(String slowLine) {
        return Integer.parseInt(slowLine.substring(0, slowLine.indexOf(" ms")).strip());
    }

    /** The first two words of a command line (the verb and what it names), without its line end. */
    private static String verb(String command) {
        String c = command.strip();
        int first = c.indexOf(' ');
        int second = first < 0 ? -1 : c.indexOf(' ', first + 1);
        String v = second < 0 ? c : c.substring(0, second);
        return v.length() > 40 ? v.substring(0, 40) : v;
    }
}
