package ir.line111.recordings.speech.vosk;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.speech.NationalIdChooser;
import ir.line111.recordings.speech.SpokenDigitsParser;
import ir.line111.recordings.speech.worker.SupervisedWorker;
import ir.line111.recordings.speech.worker.WorkerProtocol.Op;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Vosk for real. Without a model (env {@code LINE111_VOSK_MODEL}, a small Persian lookahead model such
 * as vosk-model-small-fa-0.42) the recognition test is skipped with that reason; the native library
 * and the result parsing are tested either way.
 */
class VoskRecognizerContractTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.recordings.speech.worker.SupervisedWorker");

    static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseSerialGC");

    @TempDir Path tmp;

    static Path shared() {
        return Path.of(System.getProperty("line111.repo.root", ".")).resolve("../shared").normalize();
    }

    @Test
    void recognisesTheSharedNationalIdUtterancesAndReportsAccuracy() throws Exception {
        String env = System.getenv("LINE111_VOSK_MODEL");
        Assumptions.assumeTrue(env != null && !env.isBlank() && Files.isDirectory(Path.of(env)),
                "LINE111_VOSK_MODEL is not set to a Vosk model directory: recognition with a real model is not tested");
        Path dir = shared().resolve("speech/national-ids");
        List<String[]> manifest = Files.readAllLines(dir.resolve("manifest.tsv")).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        try (SupervisedWorker worker = new SupervisedWorker(new SupervisedWorker.Settings("contract", VoskEngine.class.getName(),
                Path.of(env), 1, 5, JVM, Duration.ofMinutes(2)))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> worker.isReady() || worker.lastFatal() != null);
            assertThat(worker.lastFatal()).as("model loads").isNull();
            NationalIdChooser chooser = new NationalIdChooser(0.6);
            int exact = 0, digitErrors = 0, digits = 0;
            for (String[] row : manifest) {
                var reply = worker.submit(Op.DIGITS, dir.resolve(row[0]), Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);
                assertThat(reply.error()).as(row[0]).isNull();
                List<Hypothesis> nbest = reply.hypotheses();
                Recognition r = chooser.choose(nbest);
                String heard = nbest.isEmpty() ? "" : SpokenDigitsParser.parse(nbest.getFirst().text()).best();
                String chosen = r instanceof Recognition.Recognised rec ? rec.digits() : heard;
                if (r instanceof Recognition.Recognised rec && rec.digits().equals(row[1])) exact++;
                digitErrors += editDistance(chosen, row[1]);
                digits += row[1].length();
                System.out.printf("%-32s expected %s chosen %-10s %s (%d ms decode)%n", row[0], row[1], chosen,
                        r.getClass().getSimpleName(), reply.decodeMillis());
            }
            System.out.printf("Vosk national-ID accuracy: %d/%d exact IDs (%.0f%%), digit error rate %.1f%%%n",
                    exact, manifest.size(), 100.0 * exact / manifest.size(), 100.0 * digitErrors / digits);
            double floor = Double.parseDouble(System.getProperty("line111.speech.min-accuracy", "0.3"));
            assertThat(exact / (double) manifest.size()).as("exact-ID accuracy").isGreaterThanOrEqualTo(floor);
        }
    }

    @Test
    void theNativeLibraryLoadsAndAModelThatIsNotThereIsReportedNotCrashedOn() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-a-model"));
        try (SupervisedWorker worker = new SupervisedWorker(new SupervisedWorker.Settings("vosk-empty", VoskEngine.class.getName(),
                empty, 1, 1, JVM, Duration.ofMinutes(1)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> worker.lastFatal() != null);
            assertThat(worker.lastFatal()).contains("cannot load speech model").contains(empty.toString());
            assertThat(worker.isReady()).isFalse();
        }
    }

    @Test
    void readsVoskResultsWithAndWithoutAlternatives() throws IOException {
        List<Hypothesis> alts = VoskEngine.parse("""
                {"alternatives":[{"confidence":231.5,"result":[{"end":0.9,"start":0.3,"word":"صفر"}],"text":"صفر"},
                                 {"confidence":228.0,"result":[],"text":"سه"}]}""");
        assertThat(alts).extracting(Hypothesis::text).containsExactly("صفر", "سه");
        assertThat(alts.getFirst().score()).isEqualTo(231.5);
        assertThat(alts.getFirst().words().getFirst().confidence()).isNaN();
        List<Hypothesis> one = VoskEngine.parse("""
                {"result":[{"conf":0.87,"end":1.2,"start":0.6,"word":"یک"}],"text":"یک"}""");
        assertThat(one).singleElement().satisfies(h -> {
            assertThat(h.score()).isNaN();
            assertThat(h.words()).containsExactly(new Hypothesis.Word("یک", 0.6, 1.2, 0.87));
        });
        assertThat(VoskEngine.parse("{\"text\":\"\"}")).singleElement().satisfies(h -> assertThat(h.text()).isEmpty());
    }

    @Test
    void theGrammarHoldsEveryDigitWordVariantAndUnk() {
        String grammar = ir.line111.recordings.speech.PersianNumberWords.voskGrammarJson();
        for (String w : List.of("صفر", "یک", "یه", "دو", "سه", "چهار", "چار", "پنج", "شش", "شیش", "هفت", "هف", "هشت", "هش", "نه",
                "سیصد", "دوازده", "تا", "و", "[unk]")) {
            assertThat(grammar).contains("\"" + w + "\"");
        }
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
