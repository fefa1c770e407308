package ir.line111.ivr.prompts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The prompts the IVR may play, from {@code prompts/catalogue.tsv} (the one source of truth shared
 * with asterisk-conf, which turns every key into {@code sounds/line111/<key>.wav}). Flows never name
 * files: they name keys, and a key that is not in the catalogue stops start-up rather than a call.
 */
public final class PromptCatalogue {

    public static final String RESOURCE = "/prompts/catalogue.tsv";
    /** The folder under Asterisk's sounds directory where asterisk-conf installs the prompts. */
    public static final String SOUND_FOLDER = "line111/";
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, String> texts;

    private PromptCatalogue(Map<String, String> texts) {
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** The catalogue on the classpath, checked to hold every key in {@link Prompts#ALL}. */
    public static PromptCatalogue load() {
        try (InputStream in = PromptCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath (ivr's build copies ../prompts)");
            return parse(in).requireAll(Prompts.ALL);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses the TSV format: {@code key<TAB>Persian text<TAB>note}; '#' lines and blank lines are comments. */
    public static PromptCatalogue parse(InputStream in) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t", -1);
            if (cols.length < 2) throw new IllegalStateException("catalogue line " + n + ": expected key<TAB>text<TAB>note");
            String key = cols[0].strip();
            String text = cols[1].strip();
            if (!KEY.matcher(key).matches()) throw new IllegalStateException("catalogue line " + n + ": bad key '" + key + "'");
            if (text.isEmpty()) throw new IllegalStateException("catalogue line " + n + ": key " + key + " has no text");
            if (texts.putIfAbsent(key, text) != null) throw new IllegalStateException("catalogue line " + n + ": duplicate key " + key);
        }
        return new PromptCatalogue(texts);
    }

    /** Fails fast, naming every missing key, so a typo never reaches a caller. */
    public PromptCatalogue requireAll(Collection<String> keys) {
        var missing = keys.stream().filter(k -> !texts.containsKey(k)).sorted().toList();
        if (!missing.isEmpty()) throw new IllegalStateException("prompts missing from " + RESOURCE + ": " + missing);
        return this;
    }

    public boolean contains(String key) {
        return texts.containsKey(key);
    }

    /** The Persian text of a key; throws for an unknown key. */
    public String text(String key) {
        String t = texts.get(key);
        if (t == null) throw new IllegalArgumentException("no prompt '" + key + "' in " + RESOURCE);
        return t;
    }

    /** The file name Asterisk plays for a key (no extension, as STREAM FILE wants). */
    public String sound(String key) {
        text(key);
        return SOUND_FOLDER + key;
    }

    public Map<String, String> asMap() {
        return texts;
    }
}
