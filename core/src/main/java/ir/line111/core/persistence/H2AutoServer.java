package ir.line111.core.persistence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * H2's mixed mode ({@code AUTO_SERVER=TRUE}, the default URL): the process that opens the file first
 * (the backend) uses it in-process and serves it over TCP to the others ({@code line111 user add} while
 * the backend runs), which find the port and a random key in {@code line111.lock.db} (mode 600). H2 starts
 * that server with {@code -tcpAllowOthers} and binds it to {@code h2.bindAddress}, every address when the
 * property is unset; so it is set to 127.0.0.1 before H2 first reads its system properties, and a URL in
 * mixed mode is refused when H2 would listen on anything but a loopback address.
 */
final class H2AutoServer {
    static final String BIND_PROPERTY = "h2.bindAddress";
    private static final Pattern AUTO_SERVER = Pattern.compile("(?i);\\s*AUTO_SERVER\\s*=\\s*TRUE\\s*(;|$)");

    private H2AutoServer() {}

    /** Points H2's servers at the loopback address unless someone chose an address already. */
    static void bindToLoopbackByDefault() {
        if (System.getProperty(BIND_PROPERTY) == null) System.setProperty(BIND_PROPERTY, "127.0.0.1");
    }

    static boolean autoServer(String url) {
        return url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, 8) && AUTO_SERVER.matcher(url).find();
    }

    /** @throws DatabaseUnavailableException when a mixed-mode URL would make H2 listen beyond loopback */
    static void checkLoopback(String url, String safeUrl) {
        if (!autoServer(url)) return;
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bound != null && !bound.isBlank() && InetAddress.getByName(bound.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new DatabaseUnavailableException(safeUrl, "AUTO_SERVER=TRUE would let H2 serve the database on "
                    + (bound == null || bound.isBlank() ? "every address" : bound)
                    + "; run with -D" + BIND_PROPERTY + "=127.0.0.1 or leave AUTO_SERVER out", null);
        }
    }
}
