package ir.line111.recordings.speech.worker;

import ir.line111.recordings.speech.Hypothesis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A test engine for the worker process: what it "hears" in {@code x.wav} is written in {@code x.wav.txt},
 * one alternative per line. Commands instead of words make it misbehave the way native code can:
 * {@code !crash} halts the JVM mid-utterance, {@code !hang} never returns, {@code !sleep <ms>} is slow,
 * {@code !fail} throws. The "model directory" must exist; {@code !refuse} in a file {@code refuse} in it
 * makes loading fail.
 */
public final class ScriptedEngine implements DigitEngine, TranscriptionEngine {

    public ScriptedEngine(Path modelDir) throws IOException {
        if (!Files.isDirectory(modelDir)) throw new IOException("no model directory at " + modelDir);
        if (Files.exists(modelDir.resolve("refuse"))) throw new IOException("model refused to load");
    }

    @Override
    public int sampleRate() {
        return 16000;
    }

    @Override
    public List<Hypothesis> recogniseDigits(Path source, short[] samples, int maxAlternatives) throws Exception {
        List<Hypothesis> out = new ArrayList<>();
        double score = 0;
        for (String line : script(source)) {
            out.add(new Hypothesis(line, score, List.of()));
            score -= 1;
        }
        return out;
    }

    @Override
    public Hypothesis transcribe(Path source, short[] samples) throws Exception {
        List<String> lines = script(source);
        String text = String.join(" ", lines);
        List<Hypothesis.Word> words = new ArrayList<>();
        double t = 0;
        for (String w : text.split("\\s+")) {
            if (w.isEmpty()) continue;
            words.add(new Hypothesis.Word(w, t, t + 0.4, 0.9));
            t += 0.5;
        }
        return new Hypothesis(text, Double.NaN, words);
    }

    private static List<String> script(Path source) throws Exception {
        Path txt = source.resolveSibling(source.getFileName() + ".txt");
        List<String> lines = Files.exists(txt) ? Files.readAllLines(txt) : List.of("");
        String first = lines.isEmpty() ? "" : lines.getFirst().strip();
        if (first.equals("!crash")) Runtime.getRuntime().halt(134);
        if (first.equals("!hang")) {
            while (true) LockSupport.park();
        }
        if (first.startsWith("!sleep ")) {
            Thread.sleep(Long.parseLong(first.substring(7).strip()));
            return lines.subList(1, lines.size());
        }
        if (first.equals("!fail")) throw new IllegalStateException("scripted failure");
        return lines;
    }
}
