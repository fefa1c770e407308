package ir.line111.core.persistence;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether every versioned migration on the classpath ({@code db/migration/V<n>__*.sql}) is already in
 * Flyway's history, without starting Flyway: a one-shot command then skips Flyway (most of a second
 * of its time). When anything is missing, or the check itself cannot tell, Flyway runs as always;
 * checksums are Flyway's to validate at the backend's start.
 */
final class MigrationsOnClasspath {
    private static final String FOLDER = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("(?:^|/)V([0-9][0-9._]*)__[^/]*\\.sql$");

    private MigrationsOnClasspath() {}

    /** True only when it is sure: the history table exists and holds a successful row for every version found. */
    static boolean allApplied(DataSource ds) {
        try {
            Set<String> wanted = versions();
            if (wanted.isEmpty()) return false;
            try (Connection c = ds.getConnection()) {
                String table = historyTable(c);
                if (table == null) return false;
                Set<String> applied = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("select \"version\" from " + table + " where \"success\" = true and \"version\" is not null");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) applied.add(normal(rs.getString(1)));
                }
                return applied.containsAll(wanted);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            return false;
        }
    }

    private static String historyTable(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String name : new String[] {"flyway_schema_history", "FLYWAY_SCHEMA_HISTORY"}) {
            try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) return "\"" + rs.getString("TABLE_NAME") + "\"";
            }
        }
        return null;
    }

    static Set<String> versions() throws IOException {
        Set<String> out = new HashSet<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : MigrationsOnClasspath.class.getClassLoader();
        Enumeration<URL> roots = cl.getResources(FOLDER);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if ("file".equals(root.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                    files.forEach(f -> add(out, f.getFileName().toString()));
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            } else if ("jar".equals(root.getProtocol())) {
                URLConnection conn = root.openConnection();
                if (!(conn instanceof JarURLConnection jc)) throw new IOException("not a jar: " + root);
                jc.setUseCaches(false);
                try (JarFile jar = jc.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(FOLDER + "/")) add(out, n);
                    }
                }
            } else {
                throw new IOException("cannot list " + root);
            }
        }
        return out;
    }

    private static void add(Set<String> out, String name) {
        Matcher m = VERSIONED.matcher(name);
        if (m.find()) out.add(normal(m.group(1)));
    }

    /** Flyway writes V1_1 as version "1.1". */
    private static String normal(String v) {
        return v == null ? "" : v.replace('_', '.');
    }
}
