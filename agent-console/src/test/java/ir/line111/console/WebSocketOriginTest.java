package ir.line111.console;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket handshake compares Origin (scheme, host, port) with the console's configured or
 * derived public origins, never with the Host header the client chose. Handshakes are written by
 * hand so that Host can be anything.
 */
class WebSocketOriginTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.console.live");

    static ConsoleFixture fx;
    static ConsoleFixture proxied;

    @BeforeAll
    static void start() {
        fx = ConsoleFixture.h2();
        proxied = new ConsoleFixture(TestDatabases.h2(), true, null,
                Map.of("console.public-origins", "https://console.line111.example", "console.allowed-origins", "http://other.example:8080"), u -> u);
    }

    @AfterAll
    static void stop() {
        fx.close();
        proxied.close();
    }

    /** The status of a handshake with the given Host and Origin (null: none), signed in as the operator. */
    static int handshake(ConsoleFixture f, String host, String origin) throws IOException {
        Browser op = f.signedIn("operator");
        String cookie = op.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("line111_session"))
                .findFirst().orElseThrow().getValue();
        try (Socket s = new Socket("127.0.0.1", f.port)) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder("GET /ws HTTP/1.1\r\nHost: ").append(host).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")
                    .append("Sec-WebSocket-Version: 13\r\nCookie: line111_session=").append(cookie).append("\r\n");
            if (origin != null) req.append("Origin: ").append(origin).append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void theOriginIsComparedWithTheConsolesOwnNotWithHost() throws IOException {
        String self = "127.0.0.1:" + fx.port;
        assertThat(handshake(fx, self, "http://" + self)).isEqualTo(101);
        assertThat(handshake(fx, self, "http://localhost:" + fx.port)).as("a loopback console is also localhost").isEqualTo(101);
        assertThat(handshake(fx, "evil.example", "http://evil.example")).as("Host and Origin agree, but not with the console").isEqualTo(403);
        assertThat(handshake(fx, "evil.example:" + fx.port, "http://evil.example:" + fx.port)).isEqualTo(403);
        assertThat(handshake(fx, self, "https://" + self)).as("another scheme").isEqualTo(403);
        assertThat(handshake(fx, self, "http://127.0.0.1:1")).as("another port").isEqualTo(403);
        assertThat(handshake(fx, self, "http://" + self + "/path")).isEqualTo(403);
        assertThat(handshake(fx, self, "null")).isEqualTo(403);
        assertThat(handshake(fx, self, null)).isEqualTo(403);
    }

    @Test
    void configuredPublicOriginsReplaceTheDerivedOne() throws IOException {
        String self = "127.0.0.1:" + proxied.port;
        assertThat(handshake(proxied, "console.line111.example", "https://console.line111.example")).isEqualTo(101);
        assertThat(handshake(proxied, "console.line111.example", "https://console.line111.example:443")).isEqualTo(101);
        assertThat(handshake(proxied, self, "http://other.example:8080")).isEqualTo(101);
        assertThat(handshake(proxied, "console.line111.example", "http://console.line111.example")).as("http, not https").isEqualTo(403);
        assertThat(handshake(proxied, self, "http://" + self)).as("the derived origin is not used once one is configured").isEqualTo(403);
    }
}
