package ir.line111.recordings.speech.vosk;

import com.fasterxml.jackson.databind.JsonNode;
import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.speech.PersianNumberWords;
import ir.line111.recordings.speech.worker.DigitEngine;
import ir.line111.recordings.speech.worker.SpeechEngine;
import ir.line111.recordings.speech.worker.TranscriptionEngine;
import ir.line111.recordings.speech.worker.WorkerProtocol;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vosk behind {@link SpeechEngine}; runs only inside the speech worker process. One {@link Model}
 * is loaded and shared by every decoding thread; each utterance gets its own {@link Recognizer},
 * never shared and closed after use (the close that crashed JVMs in vosk-api#1556 now crashes only
 * the worker). Digits are decoded under the grammar of {@link PersianNumberWords}, which needs a
 * small lookahead model (vosk-model-small-fa-*); free speech is decoded without one.
 */
public final class VoskEngine implements DigitEngine, TranscriptionEngine {

    private static final Pattern SAMPLE_FREQUENCY = Pattern.compile("--sample-frequency=(\\d+)");

    private final Model model;
    private final int sampleRate;
    private final String grammar = PersianNumberWords.voskGrammarJson();

    public VoskEngine(Path modelDir) throws IOException {
        if (!Files.isDirectory(modelDir)) throw new IOException("no model directory at " + modelDir);
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        this.sampleRate = modelRate(modelDir);
        this.model = new Model(modelDir.toString());
    }

    /** The rate the model's features were trained at, from conf/mfcc.conf; 16 kHz when it does not say. */
    static int modelRate(Path modelDir) throws IOException {
        Path mfcc = modelDir.resolve("conf").resolve("mfcc.conf");
        if (Files.isReadable(mfcc)) {
            Matcher m = SAMPLE_FREQUENCY.matcher(Files.readString(mfcc));
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        return 16000;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public List<Hypothesis> recogniseDigits(Path source, short[] samples, int maxAlternatives) throws IOException {
        try (Recognizer rec = new Recognizer(model, sampleRate, grammar)) {
            rec.setMaxAlternatives(maxAlternatives);
            rec.setWords(true);
            feed(rec, samples);
            return parse(rec.getFinalResult());
        }
    }

    @Override
    public Hypothesis transcribe(Path source, short[] samples) throws IOException {
        List<Hypothesis.Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (Recognizer rec = new Recognizer(model, sampleRate)) {
            rec.setWords(true);
            int chunk = sampleRate / 5;
            for (int i = 0; i < samples.length; i += chunk) {
                short[] part = java.util.Arrays.copyOfRange(samples, i, Math.min(samples.length, i + chunk));
                // A long message comes out utterance by utterance; keep every one.
                if (rec.acceptWaveForm(part, part.length)) collect(rec.getResult(), text, words);
            }
            collect(rec.getFinalResult(), text, words);
        }
        return new Hypothesis(text.toString(), Double.NaN, words);
    }

    private static void feed(Recognizer rec, short[] samples) {
        rec.acceptWaveForm(samples, samples.length);
    }

    private static void collect(String json, StringBuilder text, List<Hypothesis.Word> words) throws IOException {
        List<Hypothesis> h = parse(json);
        if (h.isEmpty() || h.getFirst().text().isEmpty()) return;
        if (!text.isEmpty()) text.append(' ');
        text.append(h.getFirst().text());
        words.addAll(h.getFirst().words());
    }

    /**
     * Vosk's result JSON: {@code {"alternatives":[{"confidence":…, "result":[…], "text":…}]}} with
     * alternatives, else {@code {"result":[{"conf","start","end","word"}], "text":…}}.
     */
    static List<Hypothesis> parse(String json) throws IOException {
        JsonNode root = WorkerProtocol.JSON.readTree(json);
        List<Hypothesis> out = new ArrayList<>();
        if (root.has("alternatives")) {
            for (JsonNode alt : root.get("alternatives")) {
                out.add(new Hypothesis(alt.path("text").asText(""),
                        alt.has("confidence") ? alt.get("confidence").asDouble() : Double.NaN, words(alt.path("result"))));
            }
        } else if (root.has("text")) {
            out.add(new Hypothesis(root.path("text").asText(""), Double.NaN, words(root.path("result"))));
        }
        return out;
    }

    private static List<Hypothesis.Word> words(JsonNode result) {
        List<Hypothesis.Word> out = new ArrayList<>();
        for (JsonNode w : result) {
            out.add(new Hypothesis.Word(w.path("word").asText(), w.path("start").asDouble(), w.path("end").asDouble(),
                    w.has("conf") ? w.get("conf").asDouble() : Double.NaN));
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
