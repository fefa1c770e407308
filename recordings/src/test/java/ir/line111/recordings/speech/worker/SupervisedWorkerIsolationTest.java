package ir.line111.recordings.speech.worker;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.recordings.speech.NationalIdChooser;
import ir.line111.recordings.speech.WorkerNationalIdRecognizer;
import ir.line111.recordings.speech.audio.WavAudio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The worker process is real (a child JVM); what it hears is scripted by {@link ScriptedEngine}. */
class SupervisedWorkerIsolationTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    static final ExpectedLogs logs = ExpectedLogs.of(SupervisedWorker.class, "ir.line111.recordings.speech.WorkerNationalIdRecognizer");

    static final List<String> JVM = List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    static final Duration TIMEOUT = Duration.ofMillis(1000);

    @TempDir static Path dir;
    static SupervisedWorker worker;
    static WorkerNationalIdRecognizer recognizer;

    @BeforeAll
    static void start() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        worker = new SupervisedWorker(new SupervisedWorker.Settings("test", ScriptedEngine.class.getName(), model, 2, 5, JVM, Duration.ofSeconds(60)));
        recognizer = new WorkerNationalIdRecognizer(worker, new NationalIdChooser(0.6), Duration.ofMillis(1500));
        await().atMost(Duration.ofSeconds(60)).until(worker::isReady);
        recognisesAgain();   // warm: the timing checks below are about the supervisor, not a cold JVM
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    static Path utterance(String name, String... heard) throws IOException {
        Path wav = dir.resolve(name + ".wav");
        WavAudio.write(wav, 8000, new short[8000]);
        Files.write(wav.resolveSibling(name + ".wav.txt"), List.of(heard));
        return wav;
    }

    private static Recognition timed(Path wav) {
        long t0 = System.nanoTime();
        Recognition r = recognizer.recognise(wav, TIMEOUT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("answered within the timeout").isLessThan(TIMEOUT.toMillis() + 400);
        return r;
    }

    /** A fresh worker answers; generous timeout, since a just-started JVM on a busy machine is slow. */
    private static void recognisesAgain() throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(worker::isReady);
        assertThat(recognizer.recognise(utterance("again" + System.nanoTime(), "صفر شش هشت چهار یک پنج نه چهار یک چهار"), Duration.ofSeconds(15)))
                .isInstanceOfSatisfying(Recognition.Recognised.class, r -> assertThat(r.digits()).isEqualTo("0684159414"));
    }

    @Test
    void recognisesThroughTheWorkerAndPrefersTheValidAlternative() throws IOException {
        Recognition r = recognizer.recognise(utterance("ok", "صفر شش هشت چهار یک پنج نه چهار یک پنج", "صفر شش هشت چهار یک پنج نه چهار یک چهار"),
                Duration.ofSeconds(15));
        assertThat(r).isInstanceOfSatisfying(Recognition.Recognised.class, rec -> {
            assertThat(rec.digits()).isEqualTo("0684159414");
            assertThat(rec.certain()).isFalse();
        });
    }

    @Test
    void aFileThatIsNotAudioIsNotUnderstood() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.wav"), "not a wav");
        assertThat(recognizer.recognise(junk, Duration.ofSeconds(15))).isInstanceOfSatisfying(Recognition.NotUnderstood.class,
                r -> assertThat(r.reason()).contains("could not be decoded"));
    }

    @Test
    void aWorkerThatCrashesMidUtteranceIsRestartedAndTheCallGetsUnavailableInTime() throws IOException {
        long pid = worker.pid();
        int restarts = worker.restarts();
        assertThat(timed(utterance("crash", "!crash"))).isInstanceOf(Recognition.Unavailable.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.restarts() > restarts && worker.pid() != pid);
        recognisesAgain();
    }

    @Test
    void aWorkerThatHangsIsKilledAndRestartedAndTheCallGetsUnavailableInTime() throws IOException {
        long pid = worker.pid();
        Recognition r = timed(utterance("hang", "!hang"));
        assertThat(r).isInstanceOfSatisfying(Recognition.Unavailable.class,
                u -> assertThat(u.reason()).contains("did not answer within"));
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.pid() != pid);
        recognisesAgain();
    }

    @Test
    void aModelThatCannotLoadLeavesTheRecogniserUnavailableWithTheReason() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad-model"));
        Files.writeString(bad.resolve("refuse"), "");
        try (SupervisedWorker broken = new SupervisedWorker(new SupervisedWorker.Settings("broken", ScriptedEngine.class.getName(), bad, 1, 1, JVM, Duration.ofSeconds(60)))) {
            var rec = new WorkerNationalIdRecognizer(broken, new NationalIdChooser(0.6), Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> broken.lastFatal() != null);
            assertThat(rec.recognise(utterance("x", "یک"), TIMEOUT)).isInstanceOfSatisfying(Recognition.Unavailable.class,
                    u -> assertThat(u.reason()).contains("model refused to load"));
        }
    }
}
