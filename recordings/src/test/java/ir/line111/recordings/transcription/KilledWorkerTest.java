package ir.line111.recordings.transcription;

import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;
import ir.line111.recordings.speech.Hypothesis;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A worker process killed with SIGKILL in the middle of a job: its job is claimed again once the lease runs out. */
class KilledWorkerTest {

    @Test
    void aJobOfAWorkerProcessKilledMidJobIsClaimedAgain() throws Exception {
        try (Database db = TestDatabases.postgres()) {
            var queue = new TranscriptionQueue(db.dataSource(), Clock.systemUTC(), 3, Duration.ZERO);
            long rec = TranscriptionQueueTest.recordings(db.dataSource(), 1).getFirst();
            queue.enqueue(rec, 12);

            Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ClaimAndHang.class.getName(),
                    db.safeUrl(), "2").redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream()));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("claimed "));
                assertThat(line).isEqualTo("claimed " + rec);
                assertThat(queue.claim("survivor", Duration.ofMinutes(5))).as("held by the other process").isEmpty();
            } finally {
                doomed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }

            AtomicReference<Optional<TranscriptionQueue.Job>> taken = new AtomicReference<>(Optional.empty());
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> taken.updateAndGet(t -> queue.claim("survivor", Duration.ofMinutes(5))).isPresent());
            var job = taken.get().orElseThrow();
            assertThat(job.recordingId()).isEqualTo(rec);
            assertThat(job.attempt()).isEqualTo(2);
            assertThat(queue.complete(job, new Hypothesis("پیام", Double.NaN, List.of()), "m")).isTrue();
            assertThat(queue.statusOf(rec).orElseThrow().state()).isEqualTo(TranscriptionQueue.State.DONE);
        }
    }
}
