package ir.line111.fakeasterisk.ami;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the client side of the captured AMI traces against the fake and compares what it sends back
 * with what Asterisk 22.10.1 sent, byte for byte, except the values that differ on every run
 * (timestamps, session ids, ports, the challenge, uptimes).
 */
class FakeAmiConformanceTest {

    private static final Set<String> VARYING = Set.of("Timestamp", "EventTV", "SessionTV", "SessionID", "RemoteAddress",
            "LocalAddress", "Challenge", "Uptime", "LastReload", "LoginTime", "LastPause", "LastCall");
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z-]+): (.*)\r\n$", Pattern.DOTALL);

    private static Path traces() {
        Path dir = AmiTrace.defaultFolder();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared/asterisk-traces is not beside the checkout");
        return dir;
    }

    @Test
    void md5LoginPingSecondLoginLogoff() throws Exception {
        conform("ami-login-md5.trace", null);
    }

    @Test
    void actionBeforeLoginThenWrongSecret() throws Exception {
        conform("ami-login-failed.trace", null);
    }

    @Test
    void plainLoginQueueActionsErrorsAndUnknownAction() throws Exception {
        conform("ami-login-and-state.trace", null);
    }

    @Test
    void shutdownEventThenFin() throws Exception {
        conform("ami-asterisk-restart.trace", s -> s.shutdown(false));
    }

    @Test
    void coreRestartSaysRestartTrue() throws Exception {
        conform("ami-asterisk-restart-core-restart.trace", s -> s.shutdown(true));
    }

    @Test
    void loginAcceptedBeforeFullyBootedAfterRestart() throws Exception {
        try (FakeAmiServer server = FakeAmiServer.builder().traceRig().failedLoginDelay(Duration.ofSeconds(1)).start()) {
            server.goDown();
            server.comeBack();
            conformOn(server, "ami-asterisk-restart-reconnect.trace", null);
        }
    }

    interface Trigger {
        void fire(FakeAmiServer s);
    }

    private void conform(String trace, Trigger atEnd) throws Exception {
        try (FakeAmiServer server = FakeAmiServer.builder().traceRig().start()) {
            conformOn(server, trace, atEnd);
        }
    }

    /**
     * Walks the trace in order: each client message is sent (with the MD5 key recomputed for our
     * challenge), then exactly the lines Asterisk sent before the next client message are read and
     * compared. A trace ending with server lines and no client action after them ends with {@code atEnd}
     * (the shutdown), then the connection must close.
     */
    private void conformOn(FakeAmiServer server, String traceName, Trigger atEnd) throws Exception {
        AmiTrace trace = AmiTrace.load(traces().resolve(traceName));
        List<List<AmiTrace.Line>> segments = new ArrayList<>();
        List<AmiTrace.Line> cur = new ArrayList<>();
        AmiTrace.Direction last = null;
        for (AmiTrace.Line l : trace.lines()) {
            if (last != null && l.direction() != last) {
                segments.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(l);
            last = l.direction();
        }
        segments.add(cur);

        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        String challenge = null;
        int connectionsOpened = 0;
        for (int i = 0; i < segments.size(); i++) {
            List<AmiTrace.Line> seg = segments.get(i);
            if (seg.getFirst().direction() == AmiTrace.Direction.FROM_ASTERISK) {
                boolean startsWithBanner = seg.getFirst().text().startsWith("Asterisk Call Manager/");
                if (startsWithBanner) {
                    if (socket != null) {
                        assertThat(readLine(in)).as("connection closes before the next banner").isNull();
                        socket.close();
                    }
                    socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                    socket.setSoTimeout(5000);
                    in = socket.getInputStream();
                    out = socket.getOutputStream();
                    connectionsOpened++;
                }
                boolean lastSegment = i == segments.size() - 1;
                int expectedLines = seg.size();
                // A shutdown at the end of a trace is the server's own doing: trigger it once the lines before it came.
                int shutdownAt = -1;
                if (lastSegment && atEnd != null) {
                    for (int k = 0; k < seg.size(); k++) if (seg.get(k).text().equals("Event: Shutdown")) shutdownAt = k;
                }
                for (int k = 0; k < expectedLines; k++) {
                    if (k == shutdownAt) atEnd.fire(server);
                    AmiTrace.Line want = seg.get(k);
                    String got = readLine(in);
                    assertThat(got).as("%s: line %d of a server segment", traceName, k).isNotNull();
                    assertThat(normalize(got)).as("%s", traceName).isEqualTo(normalize(want.text() + want.terminator()));
                    Matcher m = HEADER.matcher(got);
                    if (m.matches() && m.group(1).equals("Challenge")) challenge = m.group(2);
                }
                if (lastSegment) assertThat(readLine(in)).as("%s: Asterisk closes the connection at the end", traceName).isNull();
            } else {
                StringBuilder sb = new StringBuilder();
                for (AmiTrace.Line l : seg) {
                    String text = l.text();
                    if (text.startsWith("Key: ") && challenge != null) {
                        text = "Key: " + FakeAmiServer.md5(challenge + server.secret());
                    }
                    sb.append(text).append(l.terminator());
                }
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                // A client segment that ends the trace (Logoff after the server closed) is not expected here.
            }
        }
        if (socket != null) socket.close();
        assertThat(connectionsOpened).isPositive();
    }

    private static String normalize(String line) {
        Matcher m = HEADER.matcher(line);
        if (m.matches() && VARYING.contains(m.group(1))) return m.group(1) + ": *\r\n";
        return line;
    }

    /** One line with its terminator, or null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n') break;
        }
        if (b.size() == 0) return null;
        return b.toString(StandardCharsets.UTF_8);
    }
}
