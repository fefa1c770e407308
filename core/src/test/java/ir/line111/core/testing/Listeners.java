package ir.line111.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** What listens where, from the kernel's own tables: for tests that check a port is on loopback only. */
public final class Listeners {
    /** 127.0.0.1 as /proc/net/tcp writes it, and as tcp6 writes ::ffff:127.0.0.1 and ::1. */
    public static final Set<String> LOOPBACK = Set.of("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");

    private Listeners() {}

    /** The local addresses (hex, as the kernel writes them) of the sockets in LISTEN state on {@code port}. */
    public static List<String> on(int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path t = Path.of(table);
            if (!Files.exists(t)) continue;
            List<String> lines = Files.readAllLines(t);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) out.add(local[0]);
            }
        }
        return out;
    }

    /** This machine's IPv4 addresses other than loopback (where a port must not answer). */
    public static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface n : NetworkInterface.networkInterfaces().toList()) {
            if (!n.isUp() || n.isLoopback()) continue;
            n.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).forEach(out::add);
        }
        return out;
    }

    /** The port of H2's mixed-mode server, from its lock file ({@code server=localhost:PORT}). */
    public static int h2ServerPort(Path lockFile) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            p.load(in);
        }
        String server = p.getProperty("server");
        if (server == null) throw new IllegalStateException("no server in " + lockFile + ": " + p);
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }
}
