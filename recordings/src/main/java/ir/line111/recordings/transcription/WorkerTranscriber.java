package ir.line111.recordings.transcription;

import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.speech.worker.SupervisedWorker;
import ir.line111.recordings.speech.worker.WorkerProtocol.Op;
import ir.line111.recordings.speech.worker.WorkerProtocol.Reply;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Transcription in the supervised worker process that holds the large-vocabulary model. */
public final class WorkerTranscriber implements Transcriber {

    private final SupervisedWorker worker;
    private final String model;

    public WorkerTranscriber(SupervisedWorker worker, String model) {
        this.worker = worker;
        this.model = model;
    }

    @Override
    public Hypothesis transcribe(Path wav, Duration limit) throws Exception {
        var future = worker.submit(Op.TRANSCRIBE, wav, limit);
        try {
            Reply reply = future.get(limit.toMillis() + 2000, TimeUnit.MILLISECONDS);
            if (reply.error() != null) throw new IllegalStateException("cannot decode: " + reply.error());
            return reply.hypotheses().isEmpty() ? new Hypothesis("", Double.NaN, null) : reply.hypotheses().getFirst();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new IllegalStateException("no transcript within " + limit.toSeconds() + " s");
        }
    }

    @Override
    public String model() {
        return model;
    }
}
