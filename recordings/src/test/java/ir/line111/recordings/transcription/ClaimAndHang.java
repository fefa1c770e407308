package ir.line111.recordings.transcription;

import org.postgresql.ds.PGSimpleDataSource;

import java.time.Clock;
import java.time.Duration;

/**
 * A transcription worker in its own JVM for {@link KilledWorkerTest}: claims one job with a short
 * lease, says which, and then hangs as if decoding until it is killed.
 * Arguments: a PostgreSQL JDBC URL (with currentSchema) and the lease in seconds.
 */
public final class ClaimAndHang {
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser("postgres");
        var queue = new TranscriptionQueue(ds, Clock.systemUTC(), 3, Duration.ZERO);
        var job = queue.claim("doomed-worker", Duration.ofSeconds(Long.parseLong(args[1]))).orElseThrow();
        System.out.println("claimed " + job.recordingId());
        System.out.flush();
        Thread.currentThread().join();   // "decoding" for ever
    }
}
