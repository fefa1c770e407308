package ir.line111.recordings.speech;

import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.recordings.speech.worker.SupervisedWorker;
import ir.line111.recordings.speech.worker.WorkerProtocol.Op;
import ir.line111.recordings.speech.worker.WorkerProtocol.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link NationalIdRecognizer} the IVR calls: decoding happens in a {@link SupervisedWorker}
 * process, the choice of ID here. It answers within the caller's timeout whatever the worker does —
 * {@code Unavailable} when the worker is dead, loading, hung or slow, {@code NotUnderstood} when the
 * audio held no valid ID — so the call goes on with the recording marked unverified.
 */
public final class WorkerNationalIdRecognizer implements NationalIdRecognizer {

    private static final Logger log = LoggerFactory.getLogger(WorkerNationalIdRecognizer.class);

    private final SupervisedWorker worker;
    private final NationalIdChooser chooser;
    private final Duration hangLimit;
    private final BestGuesses bestGuesses;

    /** Told what digits the recogniser heard in a file, whether or not they make a valid ID. */
    @FunctionalInterface
    public interface BestGuesses {
        void heard(Path file, String digits);
    }

    /** @param hangLimit how long the worker may hold one utterance before it is killed and restarted */
    public WorkerNationalIdRecognizer(SupervisedWorker worker, NationalIdChooser chooser, Duration hangLimit) {
        this(worker, chooser, hangLimit, (file, digits) -> { });
    }

    public WorkerNationalIdRecognizer(SupervisedWorker worker, NationalIdChooser chooser, Duration hangLimit, BestGuesses bestGuesses) {
        this.worker = worker;
        this.chooser = chooser;
        this.hangLimit = hangLimit;
        this.bestGuesses = bestGuesses;
    }

    @Override
    public Recognition recognise(Path wav8kMono16bit, Duration timeout) {
        if (!worker.isReady()) {
            return new Recognition.Unavailable(worker.lastFatal() != null
                    ? "speech worker cannot start: " + worker.lastFatal()
                    : "speech worker is starting");
        }
        long started = System.nanoTime();
        var future = worker.submit(Op.DIGITS, wav8kMono16bit, hangLimit);
        try {
            Reply reply = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.error() != null) {
                log.warn("spoken ID {} could not be decoded: {}", wav8kMono16bit.getFileName(), reply.error());
                return new Recognition.NotUnderstood("the recording could not be decoded: " + reply.error());
            }
            Recognition r = chooser.choose(reply.hypotheses());
            String guess = bestGuess(r, reply);
            if (!guess.isEmpty()) bestGuesses.heard(wav8kMono16bit, guess);
            log.debug("spoken ID {} recognised in {} ms: {}", wav8kMono16bit.getFileName(),
                    (System.nanoTime() - started) / 1_000_000, describe(r));
            return r;
        } catch (TimeoutException e) {
            future.cancel(false);
            log.warn("speech recogniser gave no answer within {} ms; the ID goes on unverified", timeout.toMillis());
            return new Recognition.Unavailable("speech recogniser did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            log.warn("speech recogniser failed: {}", e.getCause().getMessage());
            return new Recognition.Unavailable(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            return new Recognition.Unavailable("interrupted");
        }
    }

    /** The chosen ID, else the digits of the best alternative (an invalid ID is still evidence to check). */
    private static String bestGuess(Recognition r, Reply reply) {
        if (r instanceof Recognition.Recognised rec) return rec.digits();
        return reply.hypotheses() == null || reply.hypotheses().isEmpty() ? ""
                : SpokenDigitsParser.parse(reply.hypotheses().getFirst().text()).best();
    }

    /** Never the digits themselves in the log: only whether and how sure. */
    private static String describe(Recognition r) {
        return switch (r) {
            case Recognition.Recognised rec -> "recognised (confidence %.2f, certain %s, %d alternatives)"
                    .formatted(rec.confidence(), rec.certain(), rec.alternatives().size());
            case Recognition.NotUnderstood nu -> "not understood (" + nu.reason() + ")";
            case Recognition.Unavailable u -> "unavailable (" + u.reason() + ")";
        };
    }
}
