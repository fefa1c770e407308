package ir.line111.recordings.speech.worker;

import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.speech.audio.Resampler;
import ir.line111.recordings.speech.audio.WavAudio;
import ir.line111.recordings.speech.worker.WorkerProtocol.Reply;
import ir.line111.recordings.speech.worker.WorkerProtocol.Request;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The speech worker process: {@code java -cp <same classpath> ...SpeechWorkerMain <engine class>
 * <model dir> <threads> <max alternatives>}. It loads the model once, then answers requests from
 * stdin on a few platform threads (decoding is CPU-bound). It exits when stdin closes, so a worker
 * never outlives the server that started it.
 */
public final class SpeechWorkerMain {

    private SpeechWorkerMain() {}

    public static void main(String[] args) throws Exception {
        // stdout is the protocol channel: everything else, our logs included, goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length < 4) {
            protocol.println(WorkerProtocol.JSON.writeValueAsString(Reply.fatalError(
                    "usage: SpeechWorkerMain <engine class> <model dir> <threads> <max alternatives>")));
            System.exit(2);
        }
        int threads = Integer.parseInt(args[2]);
        int maxAlternatives = Integer.parseInt(args[3]);
        SpeechEngine engine;
        try {
            engine = (SpeechEngine) Class.forName(args[0]).getConstructor(Path.class).newInstance(Path.of(args[1]));
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : t;
            protocol.println(WorkerProtocol.JSON.writeValueAsString(Reply.fatalError(
                    "cannot load speech model " + args[1] + ": " + cause)));
            System.exit(3);
            return;
        }
        synchronized (protocol) {
            protocol.println(WorkerProtocol.JSON.writeValueAsString(Reply.readiness(engine.sampleRate(), args[0])));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "speech-decoder");
            t.setDaemon(true);
            return t;
        });
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                Request request;
                try {
                    request = WorkerProtocol.JSON.readValue(line, Request.class);
                } catch (java.io.IOException e) {
                    System.err.println("speech worker: ignoring a request it cannot read: " + e.getMessage());
                    continue;
                }
                pool.execute(() -> answer(engine, request, maxAlternatives, protocol));
            }
        }
        // The server is gone; do not decode for nobody.
        Runtime.getRuntime().halt(0);
    }

    private static List<Hypothesis> unsupported(SpeechEngine engine, Class<?> capability) {
        throw new UnsupportedOperationException(engine.getClass().getSimpleName() + " is no " + capability.getSimpleName());
    }

    private static void answer(SpeechEngine engine, Request request, int maxAlternatives, PrintStream protocol) {
        Reply reply;
        long started = System.nanoTime();
        try {
            Path source = Path.of(request.path());
            WavAudio audio = WavAudio.read(source);
            short[] samples = Resampler.resample(audio.samples(), audio.sampleRate(), engine.sampleRate());
            List<Hypothesis> hypotheses = switch (request.op()) {
                case DIGITS -> engine instanceof DigitEngine d
                        ? d.recogniseDigits(source, samples, maxAlternatives) : unsupported(engine, DigitEngine.class);
                case TRANSCRIBE -> engine instanceof TranscriptionEngine t
                        ? List.of(t.transcribe(source, samples)) : unsupported(engine, TranscriptionEngine.class);
            };
            reply = Reply.answer(request.id(), hypotheses, audio.seconds(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | OutOfMemoryError e) {
            reply = Reply.failure(request.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            String json = WorkerProtocol.JSON.writeValueAsString(reply);
            synchronized (protocol) {
                protocol.println(json);
            }
        } catch (Exception e) {
            e.printStackTrace(System.err);
        }
    }
}
