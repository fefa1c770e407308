package ir.line111.recordings;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.core.persistence.Database;
import ir.line111.recordings.speech.NationalIdChooser;
import ir.line111.recordings.speech.WorkerNationalIdRecognizer;
import ir.line111.recordings.speech.worker.DigitEngine;
import ir.line111.recordings.speech.worker.SpeechEngine;
import ir.line111.recordings.speech.worker.SpeechEngines;
import ir.line111.recordings.speech.worker.TranscriptionEngine;
import ir.line111.recordings.speech.worker.SupervisedWorker;
import ir.line111.recordings.store.AudioStore;
import ir.line111.recordings.store.CaselessMessageReconciler;
import ir.line111.recordings.store.RetentionSweeper;
import ir.line111.recordings.store.OneNodeAtATime;
import ir.line111.recordings.store.SpoolReconciler;
import ir.line111.recordings.store.StrayRecordingReconciler;
import ir.line111.recordings.transcription.TranscriptionProgress;
import ir.line111.recordings.transcription.TranscriptionQueue;
import ir.line111.recordings.transcription.TranscriptionWorkers;
import ir.line111.recordings.transcription.Transcripts;
import ir.line111.recordings.transcription.WorkerTranscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The recordings module as the composition root sees it: {@code new RecordingsService(config, db,
 * cases)}, {@link #start()}, then hand {@link #store()} and {@link #recognizer()} to the IVR and
 * {@link #store()}, {@link #queue()} and {@link #progress()} to the console; {@link #stop()} at shutdown.
 *
 * <p>Start-up never fails for want of a model: without {@code speech.model} the recogniser is
 * {@link NationalIdRecognizer#NONE} (one log line says so) and every spoken ID goes on unverified;
 * without {@code transcription.model} voicemail jobs wait in the queue. Vosk itself only ever runs
 * in child processes (see {@link SupervisedWorker}).
 */
public final class RecordingsService {

    private static final Logger log = LoggerFactory.getLogger(RecordingsService.class);
    /** Longer than any call keeps a message take before registering it (three 180 s takes and the menus). */
    static final Duration CASELESS_AFTER = Duration.ofMinutes(15);

    private final Line111Config config;
    private final Database db;
    private final CaseRegistry cases;
    private final String engine;
    private final Clock clock = Clock.systemUTC();

    private AudioStore store;
    private TranscriptionQueue queue;
    private Transcripts transcripts;
    private SpoolReconciler reconciler;
    private StrayRecordingReconciler strays;
    private CaselessMessageReconciler caseless;
    private RetentionSweeper retention;
    private SupervisedWorker speechWorker;
    private SupervisedWorker transcriptionWorker;
    private TranscriptionWorkers transcribers;
    private NationalIdRecognizer recognizer = NationalIdRecognizer.NONE;
    private ScheduledExecutorService housekeeping;

    /** Checks {@code speech.engine} at once: a wrong engine stops start-up, naming the key. */
    public RecordingsService(Line111Config config, Database db, CaseRegistry cases) {
        this.config = config;
        this.db = db;
        this.cases = cases;
        this.engine = config.string(SpeechEngines.KEY);
        SpeechEngines.resolve(engine, SpeechEngine.class);
        if (config.isSet("speech.model")) SpeechEngines.resolve(engine, DigitEngine.class);
        if (config.isSet("transcription.model")) SpeechEngines.resolve(engine, TranscriptionEngine.class);
    }

    public synchronized RecordingsService start() {
        store = new AudioStore(db.dataSource(), config.path("recordings.dir"), clock, config.string("recordings.group"));
        transcripts = new Transcripts(db.dataSource(), clock);
        queue = new TranscriptionQueue(db.dataSource(), clock, config.integer("transcription.max-attempts", 1, 100),
                Duration.ofMinutes(config.integer("transcription.retry-minutes", 0, 10_000)));
        reconciler = new SpoolReconciler(store, cases, config.path("recordings.spool"),
                config.seconds("recordings.spool.settle-seconds"), clock);
        strays = new StrayRecordingReconciler(store, cases, config.seconds("recordings.spool.settle-seconds"), clock);
        caseless = new CaselessMessageReconciler(db.dataSource(), store, cases, CASELESS_AFTER, clock);
        retention = new RetentionSweeper(db.dataSource(), store, retention(config), clock);
        startRecogniser();
        startTranscription();
        housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("recordings-housekeeping").daemon(true).factory());
        long every = Math.max(1, config.integer("recordings.housekeeping-seconds", 1, 86_400));
        housekeeping.scheduleWithFixedDelay(this::housekeep, 0, every, TimeUnit.SECONDS);
        // A fallback message is a caller waiting for a code: the spool is looked at far more often (a listing).
        long spoolEvery = config.integer("recordings.spool.poll-seconds", 1, 3_600);
        housekeeping.scheduleWithFixedDelay(this::sweepSpool, spoolEvery, spoolEvery, TimeUnit.SECONDS);
        return this;
    }

    static Map<RecordingKind, Duration> retention(Line111Config config) {
        Map<RecordingKind, Duration> m = new EnumMap<>(RecordingKind.class);
        for (RecordingKind k : RecordingKind.values()) {
            String key = "recordings.retention." + k.name().toLowerCase().replace('_', '-') + "-days";
            m.put(k, Duration.ofDays(config.integer(key, 0, 100_000)));
        }
        return m;
    }

    private List<String> jvmOptions() {
        String s = config.string("speech.worker.jvm-options").strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    private void startRecogniser() {
        if (!config.isSet("speech.model")) {
            log.warn("speech.model is not set: no speech recogniser; every spoken national ID goes on unverified for staff to check by ear");
            return;
        }
        Path model = config.path("speech.model");
        if (!Files.isDirectory(model)) {
            log.error("speech.model {} is not a directory: no speech recogniser; every spoken national ID goes on unverified", model);
            return;
        }
        speechWorker = new SupervisedWorker(new SupervisedWorker.Settings("speech", SpeechEngines.resolve(engine, DigitEngine.class), model,
                config.integer("speech.worker.threads", 1, 64), config.integer("speech.max-alternatives", 1, 50),
                jvmOptions(), Duration.ofMinutes(2)));
        recognizer = new WorkerNationalIdRecognizer(speechWorker,
                new NationalIdChooser(Double.parseDouble(config.string("speech.certain-confidence"))),
                config.millis("speech.worker.hang-ms"), this::rememberBestGuess);
        log.info("speech recogniser starting with model {} (worker process, {} ms per ID)", model, config.integer("speech.timeout-ms", 1, 60_000));
    }

    private void startTranscription() {
        if (!config.isSet("transcription.model")) {
            log.warn("transcription.model is not set: voicemails wait in the transcription queue");
            return;
        }
        Path model = config.path("transcription.model");
        if (!Files.isDirectory(model)) {
            log.error("transcription.model {} is not a directory: voicemails wait in the transcription queue", model);
            return;
        }
        int workers = config.integer("transcription.workers", 1, 64);
        transcriptionWorker = new SupervisedWorker(new SupervisedWorker.Settings("transcription",
                SpeechEngines.resolve(engine, TranscriptionEngine.class), model,
                workers, 1, jvmOptions(), Duration.ofMinutes(5)));
        String node = ProcessHandle.current().pid() + "@" + hostName();
        transcribers = new TranscriptionWorkers(queue, store, new WorkerTranscriber(transcriptionWorker, model.toString()), workers,
                config.seconds("transcription.lease-seconds"), Duration.ofSeconds(5), node);
        store.onVoicemailQueued(transcribers::wake);
        transcribers.start();
    }

    /**
     * Keeps the recogniser's best guess with the spoken-ID recording, for staff who check it by ear.
     * Off the call's thread: a slow database must not hold the caller, and a lost guess loses no call.
     */
    private void rememberBestGuess(Path file, String digits) {
        Thread.ofVirtual().name("remember-spoken-id").start(() -> {
            try {
                store.byFile(file).ifPresent(row -> transcripts.rememberDigits(row.recording().id(), digits));
            } catch (RuntimeException e) {
                log.warn("could not keep the recogniser's guess with {}: {}", file.getFileName(), e.getMessage());
            }
        });
    }

    /** What speech recognition made of a recording: a voicemail's draft, a spoken ID's best guess. */
    public Transcripts transcripts() {
        return transcripts;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    private void sweepSpool() {
        try {
            OneNodeAtATime.run(db.dataSource(), OneNodeAtATime.SPOOL, reconciler::reconcile);
        } catch (RuntimeException e) {
            log.warn("spool sweep failed (will retry): {}", e.getMessage());
        }
    }

    private void housekeep() {
        try {
            // Nodes of a cluster on one database take turns; adopting strays is idempotent by itself.
            OneNodeAtATime.run(db.dataSource(), OneNodeAtATime.SPOOL, reconciler::reconcile);
            strays.adoptStrays();
            OneNodeAtATime.run(db.dataSource(), OneNodeAtATime.CASELESS, caseless::reconcile);
            retention.sweep();
        } catch (RuntimeException e) {
            log.warn("recordings housekeeping failed (will retry): {}", e.getMessage());
        }
    }

    /** The audio store: plan and adopt recordings (IVR), look them up and play them (console). */
    public AudioStore store() {
        return store;
    }

    /** The spoken-ID recogniser; {@link NationalIdRecognizer#NONE} when no model is configured. */
    public NationalIdRecognizer recognizer() {
        return recognizer;
    }

    /** The transcription queue: job status, failures and draft transcripts for the console. */
    public TranscriptionQueue queue() {
        return queue;
    }

    /** Done, remaining, failed and the estimated time left of the overnight batch. */
    public TranscriptionProgress progress() {
        return transcribers != null ? transcribers.progress() : TranscriptionWorkers.progressOf(queue);
    }

    /** Runs the spool reconciler now (for the CLI and tests); it also runs every housekeeping period. */
    public SpoolReconciler.Result reconcileNow() {
        return reconciler.reconcile();
    }

    public synchronized void stop() {
        if (housekeeping != null) housekeeping.shutdownNow();
        if (transcribers != null) transcribers.close();
        if (transcriptionWorker != null) transcriptionWorker.close();
        if (speechWorker != null) speechWorker.close();
        recognizer = NationalIdRecognizer.NONE;
    }
}
