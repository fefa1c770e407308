package ir.line111.sms;

import ir.line111.core.text.TsvCatalogue;

import ir.line111.core.domain.tracking.TrackingCode;

import java.io.IOException;
import java.io.InputStream;
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
        return checked(TsvCatalogue.load(SmsTexts.class, RESOURCE, "is missing from the class path"));
    }

    static SmsTexts parse(InputStream in) throws IOException {
        return checked(TsvCatalogue.parse(in, RESOURCE));
    }

    /** Every SMS names the case by its code: a text without {code} would tell the caller nothing. */
    private static SmsTexts checked(Map<String, String> texts) {
        texts.forEach((key, text) -> {
            if (!text.contains("{code}")) throw new IllegalStateException(RESOURCE + ": the text of " + key + " has no {code}");
        });
        return new SmsTexts(texts);
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
