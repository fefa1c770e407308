package ir.line111.recordings.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Persian number words a caller uses when reading a national ID, with the colloquial forms
 * Tehran speech actually produces (یه، چار، شیش، هف، هش…). The one lexicon both the recognition
 * grammar and the parser use, so the recogniser can never emit a word the parser does not know.
 */
public final class PersianNumberWords {
    private PersianNumberWords() {}

    /** What a word contributes: a digit (0–9), a teen (10–19), a multiple of ten, of a hundred, or "thousand". */
    public enum Kind { UNIT, TEEN, TENS, HUNDREDS, THOUSAND }

    public record Entry(String word, Kind kind, int value) {}

    /** "و" (and) between the parts of a grouped number: سیصد و دوازده. */
    public static final String AND = "و";
    /** "تا" in "دو تا صفر" (two zeros). */
    public static final String TIMES = "تا";
    /** Vosk's out-of-grammar token. */
    public static final String UNKNOWN = "[unk]";

    private static final Map<String, Entry> LEXICON = new LinkedHashMap<>();

    static {
        unit(0, "صفر");
        unit(1, "یک", "یه");
        unit(2, "دو");
        unit(3, "سه");
        unit(4, "چهار", "چار");
        unit(5, "پنج");
        unit(6, "شش", "شیش");
        unit(7, "هفت", "هف");
        unit(8, "هشت", "هش");
        unit(9, "نه");
        add(Kind.TEEN, 10, "ده");
        add(Kind.TEEN, 11, "یازده");
        add(Kind.TEEN, 12, "دوازده");
        add(Kind.TEEN, 13, "سیزده");
        add(Kind.TEEN, 14, "چهارده", "چارده");
        add(Kind.TEEN, 15, "پانزده", "پونزده");
        add(Kind.TEEN, 16, "شانزده", "شونزده");
        add(Kind.TEEN, 17, "هفده", "هیفده");
        add(Kind.TEEN, 18, "هجده", "هیجده", "هیژده");
        add(Kind.TEEN, 19, "نوزده");
        add(Kind.TENS, 20, "بیست");
        add(Kind.TENS, 30, "سی");
        add(Kind.TENS, 40, "چهل", "چل");
        add(Kind.TENS, 50, "پنجاه");
        add(Kind.TENS, 60, "شصت");
        add(Kind.TENS, 70, "هفتاد");
        add(Kind.TENS, 80, "هشتاد");
        add(Kind.TENS, 90, "نود");
        add(Kind.HUNDREDS, 100, "صد", "یکصد");
        add(Kind.HUNDREDS, 200, "دویست");
        add(Kind.HUNDREDS, 300, "سیصد");
        add(Kind.HUNDREDS, 400, "چهارصد", "چارصد");
        add(Kind.HUNDREDS, 500, "پانصد", "پونصد");
        add(Kind.HUNDREDS, 600, "ششصد", "شیشصد");
        add(Kind.HUNDREDS, 700, "هفتصد");
        add(Kind.HUNDREDS, 800, "هشتصد");
        add(Kind.HUNDREDS, 900, "نهصد");
        add(Kind.THOUSAND, 1000, "هزار");
    }

    private static void unit(int value, String... words) { add(Kind.UNIT, value, words); }

    private static void add(Kind kind, int value, String... words) {
        for (String w : words) LEXICON.put(w, new Entry(w, kind, value));
    }

    /** The entry of a normalised word, or null. */
    public static Entry lookup(String normalisedWord) {
        return LEXICON.get(normalisedWord);
    }

    /**
     * Folds the spellings a transcript may carry to the lexicon's: Arabic yeh and kaf to Persian,
     * diacritics and tatweel dropped, zero-width non-joiners removed (سی‌صد → سیصد).
     */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case 0x064A, 0x0649 -> out.append('\u06CC');   // ي ى → ی
                case 0x0643 -> out.append('\u06A9');           // ك → ک
                case 0x0640, 0x200C, 0x200D -> { }             // tatweel, ZWNJ, ZWJ
                default -> {
                    if (cp >= 0x064B && cp <= 0x0652) return;  // harakat
                    out.appendCodePoint(cp);
                }
            }
        });
        return out.toString();
    }

    /**
     * The Vosk grammar: every number word, "و", "تا" and "[unk]" as a JSON array. Vosk lets any
     * sequence of these through, which is what digit-by-digit and grouped readings need.
     */
    public static String voskGrammarJson() {
        List<String> words = new ArrayList<>(LEXICON.keySet());
        words.add(AND);
        words.add(TIMES);
        words.add(UNKNOWN);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) json.append(", ");
            json.append('"').append(words.get(i)).append('"');
        }
        return json.append(']').toString();
    }
}
