package ir.line111.core.persistence;

import ir.line111.core.testing.Listeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default H2 URL's mixed mode serves the file to other processes on loopback only. */
class H2AutoServerTest {
    @TempDir Path dir;

    @Test
    void mixedModeListensOnLoopbackOnlyAndAnotherConnectionGetsIn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("line111") + ";AUTO_SERVER=TRUE";
        try (Database db = Database.open(url, "line111", "", 2)) {
            int port = Listeners.h2ServerPort(dir.resolve("line111.lock.db"));
            List<String> listeners = Listeners.on(port);
            assertThat(listeners).as("sockets listening on H2's port %d", port).isNotEmpty()
                    .allSatisfy(a -> assertThat(Listeners.LOOPBACK).contains(a));
            for (InetAddress other : Listeners.nonLoopbackAddresses()) {
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
}
