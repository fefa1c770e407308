package ir.line111.ivr.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sits between the fake Asterisk and the FastAGI server and measures what the controller adds: the
 * time from the last byte of Asterisk's reply (or environment) leaving for the server to the first
 * byte of the server's next command. The fake's time is virtual (a prompt "plays" at once); the proxy
 * gives it back by holding a reply with {@code endpos=N} for N/8 ms divided by {@code speed}, so calls
 * last as long as on a line and overlap as they would.
 */
final class TimingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    /** Gaps over 5 ms with the command that ended them, for diagnosis. */
    final ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
    private final double speed;
    private final long started = System.nanoTime();

    private final long promptMillis;

    TimingProxy(int targetPort, double speed, long promptMillis) throws IOException {
        this.target = targetPort;
        this.promptMillis = promptMillis;
        this.speed = speed;
        this.listener = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    void reset() {
        samples.clear();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket fake = listener.accept();
                Thread.ofVirtual().start(() -> connect(fake));
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Link {
        volatile long replySentAt;
        volatile String lastReply = "";
        /** EXEC Playback replies carry no endpos: the files it played, at the fake's prompt length. */
        volatile long playbackMillis;
    }

    private void connect(Socket fake) {
        try (fake; Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
            fake.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            Link link = new Link();
            Thread up = Thread.ofVirtual().start(() -> pumpReplies(fake, server, link));
            pumpCommands(server, fake, link);
            up.join();
        } catch (IOException | InterruptedException e) {
            // the call is over
        }
    }

    /** Asterisk to server: environment and replies. */
    private void pumpReplies(Socket fake, Socket server, Link link) {
        byte[] buf = new byte[4096];
        try {
            InputStream in = fake.getInputStream();
            OutputStream out = server.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (speed > 0) {
                    long millis = (long) (Math.max(audioMillis(buf, n), link.playbackMillis) / speed);
                    link.playbackMillis = 0;
                    if (millis > 0) Thread.sleep(millis);
                }
                // Stamped before the write: the server may answer before this thread runs again.
                if (buf[n - 1] == '\n') {
                    link.lastReply = new String(buf, 0, Math.min(n, 40), StandardCharsets.US_ASCII).strip();
                    link.replySentAt = System.nanoTime();
                }
                out.write(buf, 0, n);
                out.flush();
            }
            server.shutdownOutput();
        } catch (IOException ignored) {
            // closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The audio a reply stands for: its endpos in 8 kHz samples. */
    private static long audioMillis(byte[] buf, int n) {
        String s = new String(buf, 0, n, StandardCharsets.US_ASCII);
        int i = s.indexOf("endpos=");
        if (i < 0) return 0;
        long v = 0;
        for (int j = i + 7; j < s.length() && Character.isDigit(s.charAt(j)); j++) v = v * 10 + (s.charAt(j) - '0');
        return v / 8;
    }

    /** Server to Asterisk: commands. */
    private void pumpCommands(Socket server, Socket fake, Link link) {
        byte[] buf = new byte[4096];
        try {
            InputStream in = server.getInputStream();
            OutputStream out = fake.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                long now = System.nanoTime();
                long since = link.replySentAt;
                if (since != 0) {
                    samples.add(now - since);
                    link.replySentAt = 0;
                    if (now - since > 5_000_000L) {
                        String verb = new String(buf, 0, Math.min(n, 60), StandardCharsets.US_ASCII).strip();
                        verb = verb.contains(" ") ? verb.substring(0, verb.indexOf(' ', verb.indexOf(' ') + 1) < 0 ? verb.indexOf(' ') : verb.indexOf(' ', verb.indexOf(' ') + 1)) : verb;
                        slow.add(String.format("%5.1f s: %4d ms before %s", (now - started) / 1e9, (now - since) / 1_000_000, verb));
                    }
                }
                if (n > 14 && buf[0] == 'E' && new String(buf, 0, 14, StandardCharsets.US_ASCII).equals("EXEC Playback ")) {
                    int files = 1;
                    for (int i = 14; i < n; i++) if (buf[i] == '&') files++;
                    link.playbackMillis = files * promptMillis;
                }
                out.write(buf, 0, n);
                out.flush();
            }
            fake.shutdownOutput();
        } catch (IOException ignored) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
