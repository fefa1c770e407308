package ir.line111.ivr.agi;

import ir.line111.core.logging.LogLimiter;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The listening socket under Asterisk-Java's server. Asterisk-Java's own facade hides the bound port
 * (tests bind port 0), reads lines without any bound and gives a socket one read timeout for
 * everything, so this small pair stands in: lines end with '\n' (AGI), UTF-8 both ways, every line has
 * a length limit and a deadline, and the environment has one deadline for the whole block (a peer
 * that drips a byte a second cannot stretch it).
 */
final class LineSockets {
    private static final Logger log = LoggerFactory.getLogger(LineSockets.class);

    /** An agi_ line is a few dozen bytes; 8 KiB leaves room for long arguments. */
    static final int MAX_ENVIRONMENT_LINE_BYTES = 8 * 1024;
    /** agi_ variables plus at most 127 arguments. */
    static final int MAX_ENVIRONMENT_LINES = 256;
    static final int MAX_REPLY_LINE_BYTES = 64 * 1024;

    private LineSockets() {}

    /** How reading an environment ended. */
    enum Environment { COMPLETE, TIMED_OUT, CLOSED, TOO_LARGE }

    static final class Listener implements ServerSocketFacade {
        private static final LogLimiter acceptFailures = new LogLimiter(Duration.ofMinutes(1), 3);
        private final ServerSocket server;
        private final Duration replyTimeout;
        private final ThinkTimes thinkTimes;
        /** Set by accept() and taken by the server's execute(), which Asterisk-Java calls right after on the same thread. */
        private Connection accepted;

        Listener(ServerSocket server, Duration replyTimeout, ThinkTimes thinkTimes) {
            this.server = server;
            this.replyTimeout = replyTimeout;
            this.thinkTimes = thinkTimes;
        }

        @Override
        public SocketConnectionFacade accept() throws IOException {
            while (true) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    if (server.isClosed()) throw e;
                    // Out of file descriptors, say: Asterisk-Java would retry at once and log a stack trace
                    // each time. Say it now and then, and give the calls in progress a moment to end.
                    if (acceptFailures.tryAcquire()) {
                        log.error("FastAGI cannot accept connections: {} ({} similar suppressed)", e.toString(), acceptFailures.takeSuppressed());
                    }
                    pause();
                    continue;
                }
                try {
                    s.setTcpNoDelay(true);
                    accepted = new Connection(s, replyTimeout, thinkTimes);
                    return accepted;
                } catch (IOException e) {
                    s.close();
                }
            }
        }

        Connection takeAccepted() {
            Connection c = accepted;
            accepted = null;
            return c;
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        @Override
        public void setSocketReadTimeout(int millis) {
            // Each connection has its own deadlines (see Connection).
        }
    }

    /**
     * One FastAGI connection. Until its environment is read it holds only the socket and a small buffer
     * (thousands of stalled ones must stay cheap); {@link #readEnvironment} reads the block and keeps it,
     * and Asterisk-Java then reads those lines back through {@link #readLine} before the replies.
     */
    static final class Connection implements SocketConnectionFacade {
        private final Socket socket;
        private final InputStream in;
        private volatile long replyTimeoutNanos;
        private byte[] buf = new byte[256];
        private int start;
        private int end;
        /** The environment block and its blank line, handed to Asterisk-Java once; then null. */
        private List<String> replay;
        private int replayed;
        private int environmentLines;
        private final ThinkTimes thinkTimes;
        /** When the last reply line (or the environment) was read; 0 once a command answered it. Only the call's thread. */
        private long readAt;

        Connection(Socket socket, Duration replyTimeout, ThinkTimes thinkTimes) throws IOException {
            this.socket = socket;
            this.thinkTimes = thinkTimes;
            this.in = socket.getInputStream();
            this.replyTimeoutNanos = replyTimeout.toNanos();
        }

        /** Reads the agi_ block up to its blank line, all of it before {@code timeout} runs out. */
        Environment readEnvironment(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String> lines = new ArrayList<>(32);
            try {
                while (true) {
                    String line = readLine(deadline, MAX_ENVIRONMENT_LINE_BYTES);
                    if (line == null) return Environment.CLOSED;
                    if (line.isEmpty()) break;
                    if (lines.size() == MAX_ENVIRONMENT_LINES) return Environment.TOO_LARGE;
                    lines.add(line);
                }
            } catch (SocketTimeoutException e) {
                return Environment.TIMED_OUT;
            } catch (LineTooLong e) {
                return Environment.TOO_LARGE;
            } catch (IOException e) {
                return Environment.CLOSED;
            }
            environmentLines = lines.size();
            lines.add("");
            readAt = System.nanoTime();
            replay = lines;
            return Environment.COMPLETE;
        }

        int environmentLines() {
            return environmentLines;
        }

        /** A shorter wait for replies, e.g. for a refused call that only sets one variable. */
        void replyTimeout(Duration timeout) {
            replyTimeoutNanos = timeout.toNanos();
        }

        /** The environment again (then its blank line), then one reply line within the reply timeout; null at the end of the stream. */
        @Override
        public String readLine() throws IOException {
            List<String> r = replay;
            if (r != null) {
                String line = r.get(replayed++);
                if (replayed == r.size()) replay = null;
                return line;
            }
            String line = readLine(System.nanoTime() + replyTimeoutNanos, MAX_REPLY_LINE_BYTES);
            readAt = System.nanoTime();
            return line;
        }

        private String readLine(long deadlineNanos, int maxBytes) throws IOException {
            int scanned = 0; // bytes after start already known to hold no '\n'
            while (true) {
                for (int i = start + scanned; i < end; i++) {
                    if (buf[i] == '\n') {
                        int len = i - start;
                        if (len > 0 && buf[i - 1] == '\r') len--;
                        String line = new String(buf, start, len, StandardCharsets.UTF_8);
                        start = i + 1;
                        return line;
                    }
                }
                scanned = end - start;
                if (scanned > maxBytes) throw new LineTooLong(maxBytes);
                makeRoom(maxBytes);
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) throw new SocketTimeoutException("no complete line within the deadline");
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    if (end == start) return null;
                    String last = new String(buf, start, end - start, StandardCharsets.UTF_8);
                    start = end;
                    return last;
                }
                end += n;
            }
        }

        private void makeRoom(int maxBytes) {
            if (end < buf.length) return;
            int used = end - start;
            if (start > 0) System.arraycopy(buf, start, buf, 0, used);
            start = 0;
            end = used;
            if (end == buf.length) buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, maxBytes + 2));
        }

        /** Each command is one write: Asterisk-Java writes the whole line, then flushes. */
        @Override
        public void write(String s) throws IOException {
            long since = readAt;
            if (since != 0) {
                readAt = 0;
                thinkTimes.record(System.nanoTime() - since, s);
            }
            OutputStream out = socket.getOutputStream();
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            socket.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected() && !socket.isClosed();
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
            return socket.getInetAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getPort();
        }
    }

    static final class LineTooLong extends IOException {
        LineTooLong(int max) {
            super("line longer than " + max + " bytes");
        }
    }
}
