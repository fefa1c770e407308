package ir.line111.recordings.speech;

import ir.line111.core.domain.identity.Digits;
import ir.line111.recordings.speech.PersianNumberWords.Entry;
import ir.line111.recordings.speech.PersianNumberWords.Kind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a caller said (a transcript in Persian words, possibly mixed with Persian,
 * Arabic-Indic or ASCII numerals) into the digit strings they could have meant.
 *
 * <p>People read an ID digit by digit ("صفر چهار نه"), in groups ("سیصد و دوازده" is 312,
 * "بیست و سه" is 23, "دو هزار و پنج" is 2005), with counts ("دو تا صفر" is 00) and in colloquial
 * forms (یه، چار، شیش، هف، هش). A group is a number whose digits are written out in full, so
 * "صد و دو" gives the three digits 102. Where words could form one group or two and no "و" says
 * which ("بیست سه": 23 or 203), both readings are returned, the single group first; the caller
 * of the parser lets the checksum decide.
 */
public final class SpokenDigitsParser {

    /** Readings beyond this are not worth the checksum's time: a real utterance has one or two. */
    static final int MAX_READINGS = 32;

    private static final String UNK = "\u0000unk";

    private SpokenDigitsParser() {}

    /** The parse: the possible digit strings, most likely first, and how many words meant nothing. */
    public record Parse(List<String> readings, int ignoredWords) {
        public String best() { return readings.isEmpty() ? "" : readings.getFirst(); }
    }

    /** A token after the count pre-pass: a number word, literal digits, or "و". */
    private sealed interface Token {
        record Word(Entry entry) implements Token {}
        record Literal(String digits) implements Token {}
        record And() implements Token {}
    }

    public static Parse parse(String transcript) {
        List<String> raw = split(transcript == null ? "" : transcript);
        List<Token> tokens = new ArrayList<>();
        int ignored = 0;
        for (int i = 0; i < raw.size(); i++) {
            String w = raw.get(i);
            String literal = asNumeral(w);
            if (literal != null) { tokens.add(new Token.Literal(literal)); continue; }
            if (w.equals(PersianNumberWords.AND)) { tokens.add(new Token.And()); continue; }
            Entry e = PersianNumberWords.lookup(w);
            // "دو تا صفر": a count, تا, then one digit — the count must not join a group before it.
            if (e != null && e.kind() == Kind.UNIT && e.value() >= 1 || e != null && e.kind() == Kind.TEEN && e.value() == 10) {
                if (i + 2 < raw.size() && raw.get(i + 1).equals(PersianNumberWords.TIMES)) {
                    Integer digit = singleDigit(raw.get(i + 2));
                    if (digit != null) {
                        tokens.add(new Token.Literal(String.valueOf(digit).repeat(e.value())));
                        i += 2;
                        continue;
                    }
                }
            }
            if (e != null) { tokens.add(new Token.Word(e)); continue; }
            ignored++;   // [unk], تا without a count, "کد ملی من" and the like
        }
        List<String> readings = new ArrayList<>(new LinkedHashSet<>(readings(tokens)));
        return new Parse(List.copyOf(readings), ignored);
    }

    /** Splits on white space and punctuation, and detaches the "تا" of "دوتا" and the "و" of "سیصدو". */
    private static List<String> split(String transcript) {
        List<String> out = new ArrayList<>();
        String text = PersianNumberWords.normalise(transcript).replace(PersianNumberWords.UNKNOWN, " " + UNK + " ");
        for (String w : text.split("[\\s,،.؛;:\\-–—/()]+")) {
            if (w.isBlank()) continue;
            if (w.equals(UNK)) { out.add(PersianNumberWords.UNKNOWN); continue; }
            if (w.length() > 2 && w.endsWith(PersianNumberWords.TIMES)
                    && PersianNumberWords.lookup(w.substring(0, w.length() - 2)) != null) {
                out.add(w.substring(0, w.length() - 2));
                out.add(PersianNumberWords.TIMES);
            } else if (w.length() > 1 && w.endsWith(PersianNumberWords.AND)
                    && PersianNumberWords.lookup(w) == null
                    && PersianNumberWords.lookup(w.substring(0, w.length() - 1)) != null) {
                out.add(w.substring(0, w.length() - 1));
                out.add(PersianNumberWords.AND);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** A word made only of digits in any of the three forms, folded to ASCII; else null. */
    private static String asNumeral(String w) {
        if (w.isEmpty() || !w.codePoints().allMatch(cp -> Digits.valueOf(cp) >= 0)) return null;
        return Digits.toAscii(w);
    }

    private static Integer singleDigit(String w) {
        String n = asNumeral(w);
        if (n != null) return n.length() == 1 ? n.charAt(0) - '0' : null;
        Entry e = PersianNumberWords.lookup(w);
        return e != null && e.kind() == Kind.UNIT ? e.value() : null;
    }

    /** A number being built from words: its value and the smallest place that is already filled. */
    private record Group(int value, int lowestPlace) {
        /** Whether {@code e} can be added to this group: its highest place must be below our lowest. */
        boolean accepts(Entry e) {
            return switch (e.kind()) {
                case UNIT -> e.value() != 0 && lowestPlace > 1;
                case TEEN, TENS -> lowestPlace > 10;
                case HUNDREDS -> lowestPlace > 100;
                case THOUSAND -> value < 1000 && lowestPlace >= 1;   // "دو هزار", "سیصد هزار"
            };
        }

        Group add(Entry e) {
            return switch (e.kind()) {
                case THOUSAND -> new Group(value * 1000, 1000);
                default -> new Group(value + e.value(), placeOf(e));
            };
        }

        static Group of(Entry e) {
            return new Group(e.value(), placeOf(e));
        }

        static int placeOf(Entry e) {
            return switch (e.kind()) {
                case UNIT, TEEN -> 1;
                case TENS -> 10;
                case HUNDREDS -> 100;
                case THOUSAND -> 1000;
            };
        }
    }

    /**
     * Every way of cutting the tokens into groups. "و" forces a join when one is possible; two words
     * side by side without it branch into "join" (first) and "split".
     */
    private static List<String> readings(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        walk(tokens, 0, new StringBuilder(), null, false, out);
        return out;
    }

    private static void walk(List<Token> tokens, int i, StringBuilder done, Group open, boolean sawAnd, List<String> out) {
        if (out.size() >= MAX_READINGS) return;
        if (i == tokens.size()) {
            out.add(done + (open == null ? "" : String.valueOf(open.value())));
            return;
        }
        switch (tokens.get(i)) {
            case Token.And a -> walk(tokens, i + 1, done, open, open != null, out);
            case Token.Literal l -> {
                StringBuilder next = new StringBuilder(done);
                if (open != null) next.append(open.value());
                next.append(l.digits());
                walk(tokens, i + 1, next, null, false, out);
            }
            case Token.Word w -> {
                Entry e = w.entry();
                boolean canJoin = open != null && open.accepts(e);
                if (canJoin) {
                    walk(tokens, i + 1, done, open.add(e), false, out);
                    if (sawAnd) return;   // "و" said they belong together
                }
                StringBuilder next = new StringBuilder(done);
                if (open != null) next.append(open.value());
                if (e.kind() == Kind.THOUSAND) {
                    walk(tokens, i + 1, next, Group.of(e), false, out);
                } else if (e.kind() == Kind.UNIT && e.value() == 0) {
                    next.append('0');   // a zero never starts or joins a group
                    walk(tokens, i + 1, next, null, false, out);
                } else {
                    walk(tokens, i + 1, next, Group.of(e), false, out);
                }
            }
        }
    }

    /** The distinct readings, as a set, for tests and logs. */
    public static Set<String> readingsOf(String transcript) {
        return new LinkedHashSet<>(parse(transcript).readings());
    }
}
