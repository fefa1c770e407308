package ir.line111.console.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The origins that may open the console's WebSocket, compared as scheme, host and port. They come
 * from the configuration ({@code console.public-origins}, {@code console.allowed-origins}); when no
 * public origin is configured it is derived from where the console listens ({@code console.bind}
 * and the bound port: {@code http://127.0.0.1:8111}, plus {@code localhost} for a loopback bind).
 * Never from the request's Host header: a page on another site can make its own Host and Origin
 * agree.
 */
public final class Origins {
    private static final Logger log = LoggerFactory.getLogger(Origins.class);

    /** A normalised origin; the port always explicit. */
    record Origin(String scheme, String host, int port) {}

    private final Set<Origin> configured;
    private final boolean derive;
    private final String bind;
    private final IntSupplier port;

    /** {@code port}: the port the console is bound to (known only once it listens, port 0 picks one). */
    public Origins(Collection<String> publicOrigins, Collection<String> allowedOrigins, String bind, IntSupplier port) {
        Set<Origin> set = new HashSet<>();
        for (String o : publicOrigins) set.add(parse(o).orElseThrow(() -> new IllegalArgumentException("console.public-origins: not an origin: " + o)));
        for (String o : allowedOrigins) set.add(parse(o).orElseThrow(() -> new IllegalArgumentException("console.allowed-origins: not an origin: " + o)));
        this.configured = Set.copyOf(set);
        this.derive = publicOrigins.isEmpty();
        this.bind = unbracket(bind.strip().toLowerCase(Locale.ROOT));
        this.port = port;
        if (derive && wildcard(this.bind)) {
            log.warn("console.bind is {} and console.public-origins is empty: only loopback pages may open the WebSocket; "
                    + "set console.public-origins to the address people open the console at", bind);
        }
    }

    public boolean allows(String originHeader) {
        if (originHeader == null || originHeader.isBlank()) return false;
        Optional<Origin> o = parse(originHeader);
        if (o.isEmpty()) return false;
        if (configured.contains(o.get())) return true;
        return derive && derived().contains(o.get());
    }

    private Set<Origin> derived() {
        int p = port.getAsInt();
        Set<Origin> out = new HashSet<>();
        if (!wildcard(bind)) out.add(new Origin("http", bind, p));
        if (wildcard(bind) || loopback(bind)) {
            out.add(new Origin("http", "127.0.0.1", p));
            out.add(new Origin("http", "localhost", p));
            out.add(new Origin("http", "::1", p));
        }
        return out;
    }

    /** {@code scheme://host[:port]} with nothing after it but an optional slash; http or https only. */
    static Optional<Origin> parse(String raw) {
        try {
            URI u = new URI(raw.strip());
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) return Optional.empty();
            if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) return Optional.empty();
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) return Optional.empty();
            int port = u.getPort() > 0 ? u.getPort() : "https".equals(scheme) ? 443 : 80;
            return Optional.of(new Origin(scheme, unbracket(u.getHost().toLowerCase(Locale.ROOT)), port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean wildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    private static boolean loopback(String host) {
        return host.startsWith("127.") || host.equals("localhost") || host.equals("::1");
    }
}
