package ir.line111.recordings;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.speech.vosk.VoskEngine;
import ir.line111.recordings.speech.worker.DigitEngine;
import ir.line111.recordings.speech.worker.SpeechEngines;
import ir.line111.recordings.speech.worker.TranscriptionEngine;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.testing.TestDatabases;
import ir.line111.recordings.speech.audio.WavAudio;
import ir.line111.recordings.speech.worker.ScriptedEngine;
import ir.line111.recordings.store.FallbackRecordingName;
import ir.line111.recordings.transcription.TranscriptionQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The lifecycle object as the composition root uses it, with the real core registry. */
class RecordingsServiceTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(RecordingsService.class, "ir.line111.recordings.transcription.TranscriptionQueue", "ir.line111.recordings.store.StrayRecordingReconciler");

    /** An Asterisk unique id ({@code <epoch seconds>.<channel counter>}) of a call starting now: the service runs on the real clock. */
    private static String callNow(int counter) {
        return Instant.now().getEpochSecond() + "." + counter;
    }


    @TempDir Path tmp;
    Database db;
    PersistentCases cases;
    RecordingsService service;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2();
        cases = new PersistentCases(db, new TrackingCodeIssuer(db, "recordings service test key 32 b".getBytes(StandardCharsets.UTF_8)),
                Clock.systemUTC(), Duration.ofDays(30));
    }

    @AfterEach
    void tearDown() {
        if (service != null) service.stop();
        db.close();
    }

    private Line111Config config(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of(
                "data.dir", tmp.toString(),
                "recordings.housekeeping-seconds", "1",
                "recordings.spool.settle-seconds", "0",
                "transcription.retry-minutes", "0",
                "transcription.max-attempts", "2",
                "speech.worker.jvm-options", "-Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        m.putAll(extra);
        return Line111Config.of(m);
    }

    private static void utterance(Path wav, String... heard) throws IOException {
        WavAudio.write(wav, 8000, new short[8000]);
        Files.write(wav.resolveSibling(wav.getFileName() + ".txt"), List.of(heard));
    }

    @Test
    void withoutModelsTheStoreAndSpoolWorkAndIdsGoOnUnverified() throws IOException {
        service = new RecordingsService(config(Map.of()), db, cases).start();
        assertThat(service.recognizer()).isSameAs(NationalIdRecognizer.NONE);

        var planned = service.store().plan(callNow(1), RecordingKind.VOICEMAIL);
        WavAudio.write(planned.file(), 8000, new short[16000]);
        var stored = service.store().adopt(planned);
        assertThat(stored.flagged()).isNull();
        assertThat(service.queue().statusOf(stored.id()).orElseThrow().state()).isEqualTo(TranscriptionQueue.State.QUEUED);

        Path spool = Files.createDirectories(tmp.resolve("spool"));
        String orphanCall = Instant.now().minusSeconds(90).getEpochSecond() + ".5";
        Path orphan = spool.resolve(new FallbackRecordingName(Instant.now().minusSeconds(90), "09120000000", orphanCall).fileName());
        WavAudio.write(orphan, 8000, new short[8000]);
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(orphan));
        assertThat(service.store().byCall(orphanCall)).singleElement().satisfies(r -> assertThat(r.caseId()).isNotNull());

        await().atMost(Duration.ofSeconds(10)).until(() -> service.progress().remaining() == 2);
        assertThat(service.progress().eta()).isNull();
    }

    @Test
    void aFallbackMessageIsRegisteredWithinTenSecondsOfAsteriskClosingItNotAtTheNextSweep() throws IOException {
        // The defaults: 30 s settle, a 60 s sweep. The sweep runs at start, while Asterisk is still recording.
        service = new RecordingsService(config(Map.of("recordings.housekeeping-seconds", "60", "recordings.spool.settle-seconds", "30")),
                db, cases).start();
        Path spool = Files.createDirectories(tmp.resolve("spool"));
        Path message = spool.resolve(new FallbackRecordingName(Instant.now(), "09120000000", "1773173000.6").fileName());
        short[] speech = new short[16_000];
        for (int i = 0; i < speech.length; i++) speech[i] = (short) (6000 * Math.sin(i * 0.3));
        WavAudio.write(message, 8000, speech);
        byte[] open = Files.readAllBytes(message);
        java.nio.ByteBuffer.wrap(open).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 0).putInt(40, 0);
        Files.write(message, open);   // as format_wav leaves it while recording: sizes still 0
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> Files.exists(message));

        WavAudio.write(message, 8000, speech);   // Asterisk closes it: the header gets its sizes
        long closed = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(message));
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(10));
        assertThat(service.store().byCall("1773173000.6")).singleElement().satisfies(r -> assertThat(r.caseId()).isNotNull());
    }

    @Test
    void withModelsIdsAreRecognisedAndVoicemailsTranscribedInWorkerProcesses() throws IOException {
        Path model = Files.createDirectories(tmp.resolve("model"));
        service = new RecordingsService(config(Map.of("speech.model", model.toString(), "transcription.model", model.toString(),
                "speech.engine", ScriptedEngine.class.getName())), db, cases).start();

        String call = callNow(2);
        var id = service.store().plan(call, RecordingKind.SPOKEN_ID);
        utterance(id.file(), "صفر صفر هفتاد و شش دو دو نه شش چهار پنج");
        service.store().adopt(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> !(service.recognizer().recognise(id.file(), Duration.ofSeconds(2))
                instanceof Recognition.Unavailable));
        assertThat(service.recognizer().recognise(id.file(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(Recognition.Recognised.class, r -> assertThat(r.digits()).isEqualTo("0076229645"));
        // The recogniser's best guess is kept with the spoken-ID recording, where the console reads it.
        long idRow = service.store().byFile(id.file()).orElseThrow().recording().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> service.transcripts().of(idRow).isPresent());
        assertThat(service.queue().transcriptOf(idRow).orElseThrow().text()).isEqualTo("0076229645");

        var message = service.store().plan(call, RecordingKind.VOICEMAIL);
        utterance(message.file(), "سلام آب محله ما سه روز است قطع است");
        long good = service.store().adopt(message).id();
        var broken = service.store().plan(callNow(3), RecordingKind.VOICEMAIL);
        utterance(broken.file(), "!fail");
        long bad = service.store().adopt(broken).id();

        await().atMost(Duration.ofSeconds(60)).until(() -> service.progress().remaining() == 0);
        assertThat(service.queue().transcriptOf(good).orElseThrow().words()).hasSize(9)
                .first().satisfies(w -> assertThat(w.word()).isEqualTo("سلام"));
        assertThat(service.queue().statusOf(bad).orElseThrow()).satisfies(s -> {
            assertThat(s.state()).isEqualTo(TranscriptionQueue.State.FAILED);
            assertThat(s.attempts()).isEqualTo(2);
            assertThat(s.lastError()).contains("scripted failure");
        });
        assertThat(service.progress().done()).isEqualTo(1);
        assertThat(service.progress().failed()).isEqualTo(1);
    }

    @Test
    void anInvalidGuessIsStillKeptWithTheRecording() throws IOException {
        Path model = Files.createDirectories(tmp.resolve("model"));
        service = new RecordingsService(config(Map.of("speech.model", model.toString(),
                "speech.engine", ScriptedEngine.class.getName())), db, cases).start();
        var id = service.store().plan(callNow(4), RecordingKind.SPOKEN_ID);
        utterance(id.file(), "یک دو سه");
        long row = service.store().adopt(id).id();
        await().atMost(Duration.ofSeconds(60)).until(() -> service.recognizer().recognise(id.file(), Duration.ofSeconds(2))
                instanceof Recognition.NotUnderstood);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.transcripts().of(row).isPresent());
        assertThat(service.transcripts().of(row).orElseThrow().text()).isEqualTo("123");
    }

    @Test
    void theSpeechEngineKeyIsCheckedAtStart() {
        assertThatThrownBy(() -> new RecordingsService(config(Map.of("speech.engine", "whisper")), db, cases))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("speech.engine"));
        assertThatThrownBy(() -> new RecordingsService(config(Map.of("speech.engine", String.class.getName())), db, cases))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a SpeechEngine");
        // An engine that only transcribes cannot take the spoken-ID model.
        assertThatThrownBy(() -> new RecordingsService(config(Map.of("speech.engine", TranscribeOnlyEngine.class.getName(),
                "speech.model", tmp.toString())), db, cases))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DigitEngine");
        assertThat(SpeechEngines.resolve("vosk", DigitEngine.class)).isEqualTo(VoskEngine.class.getName());
        assertThat(SpeechEngines.resolve("vosk", TranscriptionEngine.class)).isEqualTo(VoskEngine.class.getName());
        new RecordingsService(config(Map.of("speech.engine", TranscribeOnlyEngine.class.getName(),
                "transcription.model", tmp.toString())), db, cases);
    }

    /** An engine with one capability only. */
    public static final class TranscribeOnlyEngine implements TranscriptionEngine {
        public TranscribeOnlyEngine(Path model) {}
        @Override public int sampleRate() { return 16000; }
        @Override public Hypothesis transcribe(Path source, short[] samples) { return Hypothesis.of(""); }
    }
}
