package ir.line111.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration: the documented defaults file, then an optional file, then LINE111_* environment
 * variables. Typed getters throw {@link ConfigException} naming the bad key, so start-up can stop with a
 * clear line instead of a stack trace.
 */
public final class Line111Config {

    public static final String DEFAULTS_RESOURCE = "/line111-defaults.properties";
    private static final Pattern REF = Pattern.compile("\\$\\{([a-z0-9.\\-]+)}");

    private final Map<String, String> values;

    private Line111Config(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Defaults, then {@code file} (may be null or absent), then the environment. */
    public static Line111Config load(Path file, Map<String, String> env) {
        Map<String, String> v = new LinkedHashMap<>(defaults());
        if (file != null && Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(null, "cannot read configuration file " + file + ": " + e.getMessage());
            }
            for (String k : p.stringPropertyNames()) {
                if (!v.containsKey(k)) throw new ConfigException(k, "unknown key in " + file);
                v.put(k, p.getProperty(k).strip());
            }
        }
        for (String k : v.keySet()) {
            String e = env.get(envName(k));
            if (e != null) v.put(k, e.strip());
        }
        return new Line111Config(v);
    }

    /** The defaults alone with these overrides: for tests. Unknown keys are refused. */
    public static Line111Config of(Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(defaults());
        overrides.forEach((k, val) -> {
            if (!v.containsKey(k)) throw new ConfigException(k, "unknown key");
            v.put(k, val);
        });
        return new Line111Config(v);
    }

    public Line111Config with(String key, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        if (!v.containsKey(key)) throw new ConfigException(key, "unknown key");
        v.put(key, value);
        return new Line111Config(v);
    }

    public static String envName(String key) {
        return "LINE111_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> defaults() {
        Properties p = new Properties();
        try (InputStream in = Line111Config.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k).strip());
        return m;
    }

    /**
     * Checks every key's value against its type and stops at the first bad one with a
     * {@link ConfigException} naming it. Types follow the key and its default: {@code *.port} a port,
     * {@code *.bind}/{@code *.host} a host, {@code *.zone} a time zone, {@code *.days} day names,
     * {@code *.open}/{@code *.close} a time of day, {@code *.dir}/{@code *.spool} a path,
     * {@code db.url} a JDBC URL this program supports; otherwise a whole-number default means a
     * whole number &ge; 0 and a true/false default a boolean. Modules' new keys are checked by the
     * same rules.
     */
    public Line111Config validate() {
        Map<String, String> defaults = defaults();
        for (String key : values.keySet()) {
            String def = defaults.getOrDefault(key, "");
            String v = string(key);
            if (key.endsWith(".port")) port(key);
            else if (key.endsWith(".bind") || key.endsWith(".host")) {
                if (v.isBlank() || !v.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) throw new ConfigException(key, "must be a host name or address, was '" + v + "'");
            } else if (key.endsWith(".zone")) {
                try {
                    java.time.ZoneId.of(v);
                } catch (java.time.DateTimeException e) {
                    throw new ConfigException(key, "must be a time zone such as Asia/Tehran, was '" + v + "'");
                }
            } else if (key.endsWith(".days")) {
                dayNames(key);
            } else if (key.endsWith(".open") || key.endsWith(".close")) {
                timeOfDay(key);
            } else if (key.endsWith(".dir") || key.endsWith(".spool")) {
                path(key);
            } else if (key.equals("db.url")) {
                if (!v.startsWith("jdbc:h2:") && !v.startsWith("jdbc:postgresql:")) {
                    throw new ConfigException(key, "must be a jdbc:h2: or jdbc:postgresql: URL");
                }
            } else if (def.matches("-?\\d+")) {
                integer(key, 0, Integer.MAX_VALUE);
            } else if (def.equalsIgnoreCase("true") || def.equalsIgnoreCase("false")) {
                bool(key);
            }
        }
        if (values.containsKey("office.open") && values.containsKey("office.close")
                && !timeOfDay("office.close").isAfter(timeOfDay("office.open"))) {
            throw new ConfigException("office.close", "must be after office.open (" + string("office.open") + ")");
        }
        return this;
    }

    /** A time of day, {@code HH:mm}. */
    public java.time.LocalTime timeOfDay(String key) {
        String s = string(key);
        try {
            return java.time.LocalTime.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigException(key, "must be a time of day such as 07:30, was '" + s + "'");
        }
    }

    /** Comma-separated day names: SATURDAY,SUNDAY,... */
    public java.util.Set<java.time.DayOfWeek> dayNames(String key) {
        java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        for (String d : string(key).split(",")) {
            if (d.isBlank()) continue;
            try {
                days.add(java.time.DayOfWeek.valueOf(d.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, "'" + d.strip() + "' is not a day name (SATURDAY, SUNDAY, ... FRIDAY)");
            }
        }
        return days;
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** The raw value with ${key} references resolved; empty string when unset. */
    public String string(String key) {
        String raw = values.get(key);
        if (raw == null) throw new ConfigException(key, "unknown key");
        return resolve(key, raw, 0);
    }

    private String resolve(String key, String raw, int depth) {
        if (depth > 8) throw new ConfigException(key, "references nest too deep");
        Matcher m = REF.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String rv = values.get(ref);
            if (rv == null) throw new ConfigException(key, "refers to unknown key " + ref);
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(ref, rv, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public boolean isSet(String key) {
        return !string(key).isBlank();
    }

    public int integer(String key, int min, int max) {
        String s = string(key);
        try {
            int i = Integer.parseInt(s);
            if (i < min || i > max) throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + s);
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, was '" + s + "'");
        }
    }

    public int port(String key) {
        return integer(key, 0, 65535);
    }

    public boolean bool(String key) {
        String s = string(key);
        return switch (s.toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key, "must be true or false, was '" + s + "'");
        };
    }

    public Duration seconds(String key) {
        return Duration.ofSeconds(integer(key, 0, Integer.MAX_VALUE));
    }

    public Duration millis(String key) {
        return Duration.ofMillis(integer(key, 0, Integer.MAX_VALUE));
    }

    public Path path(String key) {
        String s = string(key);
        if (s.isBlank()) throw new ConfigException(key, "must name a path");
        try {
            return Path.of(s);
        } catch (RuntimeException e) {
            throw new ConfigException(key, "is not a valid path: " + s);
        }
    }
}
