package ir.line111.recordings.speech.worker;

import ir.line111.recordings.speech.worker.WorkerProtocol.Op;
import ir.line111.recordings.speech.worker.WorkerProtocol.Reply;
import ir.line111.recordings.speech.worker.WorkerProtocol.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A speech worker process (a child JVM on our own classpath running {@link SpeechWorkerMain}) kept
 * alive by this supervisor. Vosk is native code, and closing a recogniser has crashed whole JVMs
 * (vosk-api#1556): in a child process such a crash fails only the requests in flight, and the
 * supervisor starts a fresh worker. A worker that holds a request longer than its hang limit is
 * killed and restarted the same way. Callers never wait on the process itself: they get a future
 * and choose their own timeout.
 */
public final class SupervisedWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** How to start the worker and how long to bear with it. */
    public record Settings(String name, String engineClass, Path model, int threads, int maxAlternatives,
                           List<String> jvmOptions, Duration loadLimit) {}

    /** Why a request got no answer. */
    public static final class WorkerFailure extends Exception {
        public WorkerFailure(String message) { super(message, null, false, false); }
    }

    private record Pending(CompletableFuture<Reply> future, long sentNanos, long hangLimitNanos) {}

    /** One incarnation of the process. */
    private final class Incarnation {
        final Process process;
        final Writer stdin;
        final long startedNanos = System.nanoTime();
        final Map<Long, Pending> pending = new ConcurrentHashMap<>();
        volatile long readyNanos;   // 0 until {"ready":…}
        volatile boolean killed;

        Incarnation(Process process) {
            this.process = process;
            this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }
    }

    private final Settings settings;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger restarts = new AtomicInteger();
    private final ScheduledExecutorService watchdog;
    private volatile Incarnation current;
    private volatile boolean closed;
    private volatile int sampleRate;
    private volatile String lastFatal;
    private int consecutiveFailures;

    public SupervisedWorker(Settings settings) {
        this.settings = settings;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("speech-watchdog-" + settings.name()).daemon(true).factory());
        synchronized (this) {
            start();
        }
        watchdog.scheduleWithFixedDelay(this::checkHealth, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Sends a request; the future fails with {@link WorkerFailure} when the worker dies or hangs on it. */
    public CompletableFuture<Reply> submit(Op op, Path wav, Duration hangLimit) {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        Incarnation inc = current;
        if (closed || inc == null) {
            future.completeExceptionally(new WorkerFailure("speech worker " + settings.name() + " is not running"));
            return future;
        }
        long id = ids.incrementAndGet();
        inc.pending.put(id, new Pending(future, System.nanoTime(), hangLimit.toNanos()));
        try {
            String line = WorkerProtocol.JSON.writeValueAsString(new Request(id, op, wav.toAbsolutePath().toString()));
            synchronized (inc) {
                inc.stdin.write(line);
                inc.stdin.write('\n');
                inc.stdin.flush();
            }
        } catch (IOException e) {
            inc.pending.remove(id);
            future.completeExceptionally(new WorkerFailure("speech worker " + settings.name() + " is not reachable: " + e.getMessage()));
        }
        // A caller that gives up cancels its future, but the entry stays until the worker answers:
        // a request the worker never answers is exactly what the hang check looks for.
        return future;
    }

    /** Whether the current process has loaded its model and answers. */
    public boolean isReady() {
        Incarnation inc = current;
        return inc != null && inc.readyNanos != 0 && inc.process.isAlive();
    }

    public int restarts() {
        return restarts.get();
    }

    /** The model's sample rate, once ready (0 before). */
    public int sampleRate() {
        return sampleRate;
    }

    /** The worker's last start-up failure (model missing, unreadable), or null. */
    public String lastFatal() {
        return lastFatal;
    }

    /** The process id of the current worker (tests kill it to prove the restart). */
    public long pid() {
        Incarnation inc = current;
        return inc == null ? -1 : inc.process.pid();
    }

    private void start() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(settings.jvmOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SpeechWorkerMain.class.getName());
        cmd.add(settings.engineClass());
        cmd.add(settings.model().toString());
        cmd.add(String.valueOf(settings.threads()));
        cmd.add(String.valueOf(settings.maxAlternatives()));
        try {
            Process p = new ProcessBuilder(cmd).start();
            Incarnation inc = new Incarnation(p);
            current = inc;
            Thread.ofPlatform().name("speech-reader-" + settings.name()).daemon(true).start(() -> readReplies(inc));
            Thread.ofPlatform().name("speech-stderr-" + settings.name()).daemon(true).start(() -> copyStderr(inc));
            log.debug("speech worker {} started (pid {})", settings.name(), p.pid());
        } catch (IOException e) {
            log.error("speech worker {} could not be started: {}", settings.name(), e.getMessage());
            current = null;
            scheduleRestart();
        }
    }

    private void readReplies(Incarnation inc) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(inc.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Reply reply;
                try {
                    reply = WorkerProtocol.JSON.readValue(line, Reply.class);
                } catch (IOException notJson) {
                    log.info("speech worker {}: {}", settings.name(), line);   // native code printing to stdout
                    continue;
                }
                if (reply.fatal() != null) {
                    lastFatal = reply.fatal();
                    log.error("speech worker {} cannot start: {}", settings.name(), reply.fatal());
                } else if (Boolean.TRUE.equals(reply.ready())) {
                    sampleRate = reply.sampleRate();
                    inc.readyNanos = System.nanoTime();
                    lastFatal = null;
                    synchronized (this) { consecutiveFailures = 0; }
                    log.info("speech worker {} ready (pid {}, model rate {} Hz)", settings.name(), inc.process.pid(), reply.sampleRate());
                } else if (reply.id() != null) {
                    Pending p = inc.pending.remove(reply.id());
                    if (p != null) p.future().complete(reply);
                }
            }
        } catch (IOException e) {
            log.debug("speech worker {} output closed: {}", settings.name(), e.getMessage());
        }
        onExit(inc);
    }

    private void copyStderr(Incarnation inc) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(inc.process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                // Kaldi and the JVM report trouble on stderr; keep that visible, the chatter at debug.
                if (line.contains("ERROR") || line.contains("Exception") || line.contains("FATAL")) {
                    log.warn("speech worker {} (stderr): {}", settings.name(), line);
                } else {
                    log.debug("speech worker {} (stderr): {}", settings.name(), line);
                }
            }
        } catch (IOException ignored) {
            // the process is gone; onExit reports it
        }
    }

    private void onExit(Incarnation inc) {
        int status;
        try {
            status = inc.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        String why = inc.killed ? "was stopped after hanging" : "exited with status " + status;
        List<Pending> lost = new ArrayList<>(inc.pending.values());
        inc.pending.clear();
        for (Pending p : lost) p.future().completeExceptionally(new WorkerFailure("speech worker " + settings.name() + " " + why));
        if (closed) return;
        log.warn("speech worker {} (pid {}) {}; {} request(s) failed; restarting", settings.name(), inc.process.pid(), why, lost.size());
        synchronized (this) {
            if (current == inc) current = null;
            scheduleRestart();
        }
    }

    private synchronized void scheduleRestart() {
        if (closed) return;
        consecutiveFailures++;
        // A worker that keeps failing (a missing model, a broken library) is retried ever more slowly.
        long delay = Math.min(MAX_BACKOFF.toMillis(), 50L * (1L << Math.min(consecutiveFailures - 1, 8)));
        restarts.incrementAndGet();
        watchdog.schedule(() -> {
            synchronized (SupervisedWorker.this) {
                if (!closed && current == null) start();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void checkHealth() {
        Incarnation inc = current;
        if (inc == null || inc.killed || !inc.process.isAlive()) return;
        long now = System.nanoTime();
        if (inc.readyNanos == 0) {
            if (now - inc.startedNanos > settings.loadLimit().toNanos()) {
                log.error("speech worker {} did not load its model within {} s; killing it", settings.name(), settings.loadLimit().toSeconds());
                kill(inc);
            }
            return;
        }
        for (Pending p : inc.pending.values()) {
            // Time spent waiting for the model to load is not the request's fault.
            long since = Math.max(p.sentNanos(), inc.readyNanos);
            if (now - since > p.hangLimitNanos()) {
                log.error("speech worker {} (pid {}) has held a request for {} ms; killing it", settings.name(),
                        inc.process.pid(), (now - since) / 1_000_000);
                kill(inc);
                return;
            }
        }
    }

    private void kill(Incarnation inc) {
        inc.killed = true;
        inc.process.destroyForcibly();
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        Incarnation inc = current;
        if (inc != null) {
            try {
                inc.stdin.close();   // the worker exits on end of input
            } catch (IOException ignored) {
                // already gone
            }
            try {
                if (!inc.process.waitFor(2, TimeUnit.SECONDS)) inc.process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inc.process.destroyForcibly();
            }
            for (Pending p : inc.pending.values()) p.future().completeExceptionally(new WorkerFailure("speech worker stopped"));
        }
    }
}
