package ir.line111.recordings.bench;

import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;
import ir.line111.recordings.speech.NationalIdChooser;
import ir.line111.recordings.speech.WorkerNationalIdRecognizer;
import ir.line111.recordings.speech.audio.WavAudio;
import ir.line111.recordings.speech.vosk.VoskEngine;
import ir.line111.recordings.speech.worker.ScriptedEngine;
import ir.line111.recordings.speech.worker.SupervisedWorker;
import ir.line111.recordings.speech.worker.WorkerProtocol.Op;
import ir.line111.recordings.store.AudioStore;
import ir.line111.recordings.store.Sql;
import ir.line111.recordings.transcription.TranscriptionQueue;
import ir.line111.recordings.speech.Hypothesis;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./line111 bench recordings}. With {@code LINE111_VOSK_MODEL}: time from the end of an
 * utterance (the file is complete) to the recognised ID, p50/p95, through the real worker process;
 * and batch decoding throughput with 1 and 2 decoder threads (audio hours per hour, ratio).
 * Always: the isolation's own cost (round trip to the worker with a scripted engine), the store's
 * adoption rate, and jobs claimed per second on PostgreSQL with 1 and 2 workers, side by side.
 */
public final class RecordingsBench {

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("line111-bench-rec");
        Path repo = Path.of(System.getProperty("line111.repo.root", ".")).toAbsolutePath();
        String model = System.getenv("LINE111_VOSK_MODEL");
        System.out.println("== line111 bench recordings (" + Runtime.getRuntime().availableProcessors() + " cores)");
        if (model == null || model.isBlank() || !Files.isDirectory(Path.of(model))) {
            System.out.println("No Vosk model (LINE111_VOSK_MODEL unset): recognition latency and transcription throughput are NOT measured;");
            System.out.println("measuring the isolation overhead, the store and the job queue alone.");
        } else {
            voskLatency(Path.of(model), repo.resolve("../shared/speech/national-ids").normalize());
            voskThroughput(Path.of(model), repo.resolve("../shared/speech/national-ids").normalize());
        }
        isolationOverhead(tmp);
        store(tmp, "H2", TestDatabases.h2());
        if (TestDatabases.postgresReachable()) {
            store(tmp, "PostgreSQL", TestDatabases.postgres(8));
            queue("PostgreSQL", TestDatabases.postgres(8));
        } else {
            System.out.println("PostgreSQL not reachable on 127.0.0.1:5432: queue measured on H2 only");
        }
        queue("H2", TestDatabases.h2());
    }

    static String pct(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return "p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)".formatted(s[s.length / 2] / 1e6,
                s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6, s[s.length - 1] / 1e6, s.length);
    }

    static SupervisedWorker worker(String name, String engine, Path model, int threads) {
        SupervisedWorker w = new SupervisedWorker(new SupervisedWorker.Settings(name, engine, model, threads, 5,
                List.of("-Xmx1g", "-XX:+UseSerialGC"), Duration.ofMinutes(3)));
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!w.isReady() && w.lastFatal() == null && System.nanoTime() < until) Thread.onSpinWait();
        if (!w.isReady()) throw new IllegalStateException("worker did not start: " + w.lastFatal());
        return w;
    }

    static List<Path> utterances(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }

    static void voskLatency(Path model, Path ids) throws Exception {
        try (SupervisedWorker w = worker("bench-speech", VoskEngine.class.getName(), model, 1)) {
            var rec = new WorkerNationalIdRecognizer(w, new NationalIdChooser(0.6), Duration.ofSeconds(30));
            List<Path> files = utterances(ids);
            for (Path f : files) rec.recognise(f, Duration.ofSeconds(30));   // warm-up
            List<Long> t = new ArrayList<>();
            int recognised = 0;
            for (int round = 0; round < 4; round++) {
                for (Path f : files) {
                    long t0 = System.nanoTime();
                    Recognition r = rec.recognise(f, Duration.ofSeconds(30));
                    t.add(System.nanoTime() - t0);
                    if (r instanceof Recognition.Recognised) recognised++;
                }
            }
            System.out.println("utterance end -> recognised ID (Vosk, grammar, worker process): "
                    + pct(t.stream().mapToLong(Long::longValue).toArray()) + "; recognised " + recognised + "/" + t.size()
                    + "; goal p95 <= 300 ms");
        }
    }

    static void voskThroughput(Path model, Path ids) throws Exception {
        List<Path> files = utterances(ids);
        double audio = 0;
        for (Path f : files) audio += WavAudio.read(f).seconds();
        double[] rate = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            try (SupervisedWorker w = worker("bench-batch-" + threads, VoskEngine.class.getName(), model, threads)) {
                int rounds = 3;
                long t0 = System.nanoTime();
                List<CompletableFuture<?>> all = new ArrayList<>();
                for (int r = 0; r < rounds; r++) for (Path f : files) all.add(w.submit(Op.TRANSCRIBE, f, Duration.ofMinutes(5)));
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
                double wall = (System.nanoTime() - t0) / 1e9;
                rate[threads] = audio * rounds / wall;
                System.out.printf("batch transcription, %d decoder(s): %.1f audio hours per hour%n", threads, rate[threads]);
            }
        }
        System.out.printf("batch scaling 2 vs 1 decoders: %.2fx (goal >= 1.8x)%n", rate[2] / rate[1]);
    }

    static void isolationOverhead(Path tmp) throws Exception {
        Path model = Files.createDirectories(tmp.resolve("scripted-model"));
        Path wav = tmp.resolve("id.wav");
        WavAudio.write(wav, 8000, new short[8000 * 4]);   // 4 s, like a 10-digit ID
        Files.writeString(tmp.resolve("id.wav.txt"), "صفر چهار نه نه سه هفت صفر هشت نه نه\n");
        try (SupervisedWorker w = worker("bench-scripted", ScriptedEngine.class.getName(), model, 2)) {
            var rec = new WorkerNationalIdRecognizer(w, new NationalIdChooser(0.6), Duration.ofSeconds(5));
            for (int i = 0; i < 200; i++) rec.recognise(wav, Duration.ofSeconds(5));
            long[] t = new long[500];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                rec.recognise(wav, Duration.ofSeconds(5));
                t[i] = System.nanoTime() - t0;
            }
            System.out.println("isolation cost (round trip to the worker process incl. WAV read + 8->16 kHz resample of 4 s, no decoding): " + pct(t));
        }
    }

    static void store(Path tmp, String label, Database db) throws Exception {
        try (db) {
            AudioStore store = new AudioStore(db.dataSource(), tmp.resolve("store-" + label), Clock.systemUTC());
            short[] audio = new short[8000 * 5];
            int n = 400;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                var p = store.plan("bench." + i, RecordingKind.SPOKEN_ID);
                WavAudio.write(p.file(), 8000, audio);
                store.adopt(p);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("store on %s: %.0f recordings adopted per second (5 s WAV written, hashed, row inserted)%n", label, n / s);
        }
    }

    static void queue(String label, Database db) throws Exception {
        try (db) {
            DataSource ds = db.dataSource();
            var queue = new TranscriptionQueue(ds, Clock.systemUTC(), 3, Duration.ZERO);
            int perRun = 1500;
            double[] rate = new double[3];
            // 1 and 2 workers alternately, twice, so that a noisy moment hits both.
            for (int rep = 0; rep < 2; rep++) {
                for (int workers = 1; workers <= 2; workers++) {
                    fill(ds, queue, perRun);
                    AtomicInteger claimed = new AtomicInteger();
                    CountDownLatch go = new CountDownLatch(1);
                    List<Thread> ts = new ArrayList<>();
                    for (int w = 0; w < workers; w++) {
                        String name = "bench-w" + w;
                        ts.add(Thread.ofPlatform().start(() -> {
                            try { go.await(); } catch (InterruptedException e) { return; }
                            while (true) {
                                var job = queue.claim(name, Duration.ofMinutes(5));
                                if (job.isEmpty()) return;
                                queue.complete(job.get(), new Hypothesis("x", Double.NaN, List.of()), "bench");
                                claimed.incrementAndGet();
                            }
                        }));
                    }
                    long t0 = System.nanoTime();
                    go.countDown();
                    for (Thread t : ts) t.join();
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (claimed.get() != perRun) throw new IllegalStateException("claimed " + claimed + " of " + perRun);
                    rate[workers] += claimed.get() / s / 2;
                }
            }
            System.out.printf("job queue on %s: claim+complete %.0f jobs/s with 1 worker, %.0f jobs/s with 2 workers (ratio %.2fx)%n",
                    label, rate[1], rate[2], rate[2] / rate[1]);
        }
    }

    private static void fill(DataSource ds, TranscriptionQueue queue, int n) {
        List<Long> ids = Sql.inTransaction(ds, c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO recording (call_id, kind, path, duration_samples, sample_rate, size_bytes, recorded_at, adopted_at)
                    VALUES ('bench', 'VOICEMAIL', ?, 80000, 8000, 160044, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", new String[]{"id"})) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "bench/" + java.util.UUID.randomUUID());
                    ps.executeUpdate();
                    try (var k = ps.getGeneratedKeys()) { k.next(); out.add(k.getLong(1)); }
                }
            }
            return out;
        });
        for (long id : ids) queue.enqueue(id, 10);
    }
}
