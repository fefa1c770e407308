package ir.line111.sms;

import ir.line111.core.domain.tracking.TrackingCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The texts sent to callers, from {@code sms/catalogue.tsv} (the one catalogue: key, Persian text,
 * note). The tracking code and the number to call are written in Latin digits, each inside a
 * left-to-right isolate (U+2066 … U+2069): the caller keys them on a keypad that shows Latin digits,
 * phones' number detection (tap to copy, tap to call) finds Latin-digit runs and not Persian ones, and
 * every handset font has them; the isolate keeps the run in order whatever punctuation is next to it in
 * the right-to-left sentence.
 */
public final class SmsTexts {
    public static final String RESOURCE = "/sms/catalogue.tsv";
    static final char LRI = '\u2066';
    static final char PDI = '\u2069';
    /** The number the caller dials to hear the answer. */
    public static final String LINE = "111";

    private final Map<String, String> texts;

    private SmsTexts(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    /** The catalogue shipped in this module's jar. */
    public static SmsTexts load() {
        try (InputStream in = SmsTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static SmsTexts parse(InputStream in) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 2 || !f[0].matches("[a-z0-9-]+") || f[1].isBlank()) {
                throw new IllegalStateException(RESOURCE + " line " + n + ": expected key<TAB>text<TAB>note");
            }
            if (!f[1].contains("{code}")) throw new IllegalStateException(RESOURCE + " line " + n + ": the text has no {code}");
            if (out.put(f[0], f[1].strip()) != null) throw new IllegalStateException(RESOURCE + " line " + n + ": key " + f[0] + " twice");
        }
        return new SmsTexts(out);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text of {@code key} for the case with {@code code}. */
    public String render(String key, TrackingCode code) {
        Objects.requireNonNull(code, "code");
        String t = texts.get(key);
        if (t == null) throw new IllegalArgumentException("no SMS text with key " + key + " in " + RESOURCE);
        return t.replace("{code}", isolated(code.digits())).replace("{line}", isolated(LINE));
    }

    static String isolated(String ltr) {
        return LRI + ltr + PDI;
    }
}
