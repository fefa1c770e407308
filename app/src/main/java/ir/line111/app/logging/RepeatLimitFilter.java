package ir.line111.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rate limit for repeated lines from libraries that log per event (Asterisk-Java writes a warning
 * with the whole event for a slow event, a late response, a full queue: in an AMI flood that was
 * 150 MB). Per logger, level and start of the message (numbers aside), at most {@code perWindow} lines per window;
 * the first line of a later window is preceded by one saying how many were left out. Our own code
 * limits its repeatable lines itself (LogLimiter), so only the configured logger prefixes are filtered.
 *
 * <pre>{@code <turboFilter class="ir.line111.app.logging.RepeatLimitFilter"><loggers>org.asteriskjava</loggers></turboFilter>}</pre>
 */
public final class RepeatLimitFilter extends TurboFilter {
    private static final int KEY_CHARS = 40;
    private static final int MAX_KEYS = 1000;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile List<String> loggers = List.of("org.asteriskjava");
    private volatile int perWindow = 5;
    private volatile long windowNanos = 10_000_000_000L;
    LongSupplier nanoClock = System::nanoTime;

    private static final class Window {
        long start;
        int count;
        long suppressed;
    }

    /** Comma-separated logger name prefixes. */
    public void setLoggers(String prefixes) {
        this.loggers = Arrays.stream(prefixes.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    public void setPerWindow(int perWindow) {
        this.perWindow = perWindow;
    }

    public void setWindowSeconds(int seconds) {
        this.windowNanos = seconds * 1_000_000_000L;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel()) || !matches(logger.getName())) return FilterReply.NEUTRAL;
        // Libraries concatenate numbers into their messages ("Slow processing of event null 136MS"): those do not make a line new.
        String head = (format.length() > KEY_CHARS ? format.substring(0, KEY_CHARS) : format).replaceAll("[0-9]+", "#");
        String key = logger.getName() + '|' + level + '|' + head;
        if (windows.size() > MAX_KEYS) windows.clear();
        Window w = windows.computeIfAbsent(key, k -> {
            Window n = new Window();
            n.start = nanoClock.getAsLong();
            return n;
        });
        long left;
        synchronized (w) {
            long now = nanoClock.getAsLong();
            left = 0;
            if (now - w.start >= windowNanos) {
                left = w.suppressed;
                w.start = now;
                w.count = 0;
                w.suppressed = 0;
            }
            if (w.count >= perWindow) {
                w.suppressed++;
                return FilterReply.DENY;
            }
            w.count++;
        }
        if (left > 0) {
            logger.getLoggerContext().getLogger(RepeatLimitFilter.class).warn("{} lines like the next were left out ({} {} \"{}…\")", left,
                    logger.getName(), level, key.substring(key.lastIndexOf('|') + 1).replaceAll("\\s+", " "));
        }
        return FilterReply.NEUTRAL;
    }

    private boolean matches(String name) {
        for (String p : loggers) if (name.startsWith(p)) return true;
        return false;
    }
}
