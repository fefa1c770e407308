package ir.line111.recordings.speech;

import java.util.List;

/**
 * One alternative of what the recogniser heard. {@code score} is the engine's own score for the
 * whole alternative (higher is better; NaN when it gave none); word confidences are NaN when the
 * engine gave none (Vosk gives them only without alternatives).
 */
public record Hypothesis(String text, double score, List<Word> words) {

    public Hypothesis {
        text = text == null ? "" : text.strip();
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static Hypothesis of(String text) {
        return new Hypothesis(text, Double.NaN, List.of());
    }

    /** A recognised word with its place in the audio, in seconds. */
    public record Word(String word, double start, double end, double confidence) {}

    /** The lowest word confidence, NaN when no word carries one. */
    public double minWordConfidence() {
        return words.stream().mapToDouble(Word::confidence).filter(c -> !Double.isNaN(c)).min().orElse(Double.NaN);
    }
}
