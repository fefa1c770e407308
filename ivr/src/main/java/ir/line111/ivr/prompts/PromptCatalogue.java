package ir.line111.ivr.prompts;

import ir.line111.core.text.TsvCatalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * The prompts the IVR may play, from {@code prompts/catalogue.tsv} (the one source of truth shared
 * with asterisk-conf, which turns every key into {@code sounds/line111/<key>.wav}). Flows never name
 * files: they name keys, and a key that is not in the catalogue stops start-up rather than a call.
 */
public final class PromptCatalogue {

    public static final String RESOURCE = "/prompts/catalogue.tsv";
    /** The folder under Asterisk's sounds directory where asterisk-conf installs the prompts. */
    public static final String SOUND_FOLDER = "line111/";

    private final Map<String, String> texts;

    private PromptCatalogue(Map<String, String> texts) {
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** The catalogue on the classpath, checked to hold every key in {@link Prompts#ALL}. */
    public static PromptCatalogue load() {
        return new PromptCatalogue(TsvCatalogue.load(PromptCatalogue.class, RESOURCE, "is not on the classpath (ivr's build copies ../prompts)"))
                .requireAll(Prompts.ALL);
    }

    /** Parses the catalogue format ({@link TsvCatalogue}): {@code key<TAB>Persian text<TAB>note}. */
    public static PromptCatalogue parse(InputStream in) throws IOException {
        return new PromptCatalogue(TsvCatalogue.parse(in, "catalogue"));
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
