package ir.line111.ivr.ami;

import ir.line111.core.logging.LogLimiter;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static ir.line111.core.logging.LogValues.bounded;

/**
 * The AMI socket as Asterisk-Java's reader sees it, one whole message at a time, so that input which
 * would kill that reader never reaches it (an exception there ends the reader and drops the link,
 * losing every event until the reconnect):
 * <ul>
 * <li>Unsolicited Bridge* events are left out. Asterisk-Java keeps every bridge they name in a map for
 *     its legacy BridgeEvent (which we do not use), so a BridgeEnter without BridgeUniqueid is a
 *     NullPointerException and a flood of BridgeCreate a leak. List items (with an ActionID) pass.</li>
 * <li>A reply to a Command action without Output (nor the old "--END COMMAND--" form) gets an empty
 *     Output: the library would split a null result.</li>
 * <li>A message over {@link #MAX_LINES} lines or {@link #MAX_CHARS} characters is skipped whole.</li>
 * </ul>
 * What is left out is counted, and said in a rate-limited line.
 */
final class AmiInput implements SocketConnectionFacade {
    private static final Logger log = LoggerFactory.getLogger(AmiInput.class);
    static final int MAX_LINES = 2000;
    static final int MAX_CHARS = 512 * 1024;
    private static final int MAX_PENDING_COMMANDS = 1000;

    /** Counts across connections, for the health check and metrics. */
    static final class Counters {
        final AtomicLong malformed = new AtomicLong();
        final AtomicLong bridgeEvents = new AtomicLong();
        final LogLimiter malformedLog = new LogLimiter(Duration.ofMinutes(1), 5);
    }

    private final SocketConnectionFacade socket;
    private final Counters counters;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private final Set<String> commandIds = ConcurrentHashMap.newKeySet();
    private volatile long lastMessageNanos = System.nanoTime();

    AmiInput(SocketConnectionFacade socket, Counters counters) {
        this.socket = socket;
        this.counters = counters;
    }

    @Override
    public String readLine() throws IOException {
        while (pending.isEmpty()) {
            if (!readMessage()) return null;
        }
        return pending.poll();
    }

    /** Reads one message into {@link #pending} (or leaves it out); false at the end of the stream. */
    private boolean readMessage() throws IOException {
        String first = socket.readLine();
        if (first == null) return false;
        lastMessageNanos = System.nanoTime();
        if (first.isEmpty() || !first.contains(":") && first.contains("Manager")) {
            // A stray blank line, or the banner, which has no blank line after it.
            pending.add(first);
            return true;
        }
        List<String> lines = new ArrayList<>();
        lines.add(first);
        int chars = first.length();
        boolean tooLong = false;
        String line;
        while ((line = socket.readLine()) != null && !line.isEmpty()) {
            chars += line.length();
            if (lines.size() >= MAX_LINES || chars > MAX_CHARS) tooLong = true;
            else lines.add(line);
        }
        boolean ended = line != null;
        if (tooLong) {
            malformed("a message of more than " + MAX_LINES + " lines or " + MAX_CHARS + " characters", lines);
        } else {
            admit(lines);
        }
        if (!ended) return !pending.isEmpty();
        if (!tooLong && !lines.isEmpty()) pending.add("");
        return true;
    }

    private void admit(List<String> lines) {
        String event = header(lines, "event");
        String actionId = header(lines, "actionid");
        if (event != null && actionId == null && event.regionMatches(true, 0, "Bridge", 0, 6)) {
            counters.bridgeEvents.incrementAndGet();
            lines.clear();
            return;
        }
        if (event == null && actionId != null && header(lines, "response") != null && commandIds.remove(actionId)
                && header(lines, "output") == null && lines.stream().noneMatch(l -> l.endsWith("--END COMMAND--"))) {
            malformed("a Command reply without Output", lines);
            lines.add("Output: ");
        }
        pending.addAll(lines);
    }

    private void malformed(String what, List<String> lines) {
        counters.malformed.incrementAndGet();
        if (counters.malformedLog.tryAcquire()) {
            log.warn("AMI: {} from Asterisk ({}), {} ({} similar suppressed)", what, bounded(lines.isEmpty() ? "" : lines.getFirst(), 80),
                    what.startsWith("a Command") ? "completed with an empty Output" : "skipped", counters.malformedLog.takeSuppressed());
        }
        if (!what.startsWith("a Command")) lines.clear();
    }

    /** Whether Asterisk sent anything within {@code d}: a socket that busy is not half-open, even if a ping answer is late. */
    boolean heardWithin(Duration d) {
        return System.nanoTime() - lastMessageNanos < d.toNanos();
    }

    /** The value of the first header with that name (case-insensitive, trimmed as the reader does), or null. */
    private static String header(List<String> lines, String name) {
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon < 0) continue;
            if (l.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) return l.substring(colon + 1).trim();
        }
        return null;
    }

    /** Asterisk-Java writes each action whole: note the ActionIDs of Command actions to check their replies. */
    @Override
    public void write(String s) throws IOException {
        if (s.regionMatches(true, 0, "action: command\r\n", 0, 17) && commandIds.size() < MAX_PENDING_COMMANDS) {
            String id = header(List.of(s.split("\r\n")), "actionid");
            if (id != null) commandIds.add(id);
        }
        socket.write(s);
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getRemotePort();
    }
}
