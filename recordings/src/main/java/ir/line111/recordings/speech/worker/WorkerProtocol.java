package ir.line111.recordings.speech.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.line111.recordings.speech.Hypothesis;

import java.util.List;

/**
 * The speech worker's wire format: one JSON object per line, requests on the worker's stdin,
 * replies on its stdout (the worker sends its own logs to stderr). Replies carry the request id
 * and may come in any order; the first line a worker writes is {@code {"ready":…}} once its model is
 * loaded, or {@code {"fatal":…}} when it cannot start.
 */
public final class WorkerProtocol {
    private WorkerProtocol() {}

    public enum Op { DIGITS, TRANSCRIBE }

    public record Request(long id, Op op, String path) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reply(Long id, List<Hypothesis> hypotheses, Double audioSeconds, Long decodeMillis,
                        String error, Boolean ready, Integer sampleRate, String engine, String fatal) {

        public static Reply answer(long id, List<Hypothesis> hypotheses, double audioSeconds, long decodeMillis) {
            return new Reply(id, hypotheses, audioSeconds, decodeMillis, null, null, null, null, null);
        }

        public static Reply failure(long id, String error) {
            return new Reply(id, null, null, null, error, null, null, null, null);
        }

        public static Reply readiness(int sampleRate, String engine) {
            return new Reply(null, null, null, null, null, true, sampleRate, engine, null);
        }

        public static Reply fatalError(String message) {
            return new Reply(null, null, null, null, null, null, null, null, message);
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
}
