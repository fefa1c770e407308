package ir.line111.core.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default H2 URL's mixed mode serves the file to other processes on loopback only. */
class H2AutoServerTest {
    @TempDir Path dir;

    @Test
    void mixedModeListensOnLoopbackOnlyAndAnotherConnectionGetsIn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("line111") + ";AUTO_SERVER=TRUE";
        try (Database db = Database.open(url, "line111", "", 2)) {
            int port = H2AutoServerTest.serverPort(dir.resolve("line111.lock.db"));
            List<String> listeners = listenersOn(port);
            assertThat(listeners).as("sockets listening on H2's port %d", port).isNotEmpty()
                    .allSatisfy(a -> assertThat(a).isIn("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"));
            for (InetAddress other : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, port), 2000);
                    }
                }).as("H2's port on %s", other).isInstanceOf(ConnectException.class);
            }
            try (var c = java.sql.DriverManager.getConnection(url, "line111", ""); var rs = c.createStatement().executeQuery("select count(*) from app_user")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void onlyAnH2UrlWithAutoServerTrueIsMixedMode() {
        assertThat(H2AutoServer.autoServer("jdbc:h2:file:./data/line111;AUTO_SERVER=TRUE")).isTrue();
        assertThat(H2AutoServer.autoServer("jdbc:h2:file:./data/line111;auto_server = true;WRITE_DELAY=0")).isTrue();
        assertThat(H2AutoServer.autoServer("jdbc:h2:file:./data/line111;AUTO_SERVER=FALSE")).isFalse();
        assertThat(H2AutoServer.autoServer("jdbc:h2:file:./data/line111")).isFalse();
        assertThat(H2AutoServer.autoServer("jdbc:postgresql://h/db?x=;AUTO_SERVER=TRUE")).isFalse();
        assertThat(System.getProperty(H2AutoServer.BIND_PROPERTY)).isEqualTo("127.0.0.1");
    }

    static int serverPort(Path lockFile) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            p.load(in);
        }
        String server = p.getProperty("server");
        assertThat(server).as("server in %s", lockFile).isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    /** The local addresses (hex, as the kernel writes them) of the sockets in LISTEN state on {@code port}. */
    static List<String> listenersOn(int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path t = Path.of(table);
            if (!Files.exists(t)) continue;
            for (String line : Files.readAllLines(t).subList(1, Files.readAllLines(t).size())) {
                String[] f = line.strip().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) out.add(local[0]);
            }
        }
        return out;
    }

    static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface n : NetworkInterface.networkInterfaces().toList()) {
            if (!n.isUp() || n.isLoopback()) continue;
            n.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).forEach(out::add);
        }
        return out;
    }
}
