package ir.line111.recordings.transcription;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.recordings.speech.Hypothesis;
import ir.line111.recordings.store.Sql;
import ir.line111.recordings.testing.MutableClock;
import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptionQueueTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(TranscriptionQueue.class);

    static final Instant T0 = Instant.parse("2026-03-10T22:00:00Z");

    private final List<Database> opened = new ArrayList<>();

    private DataSource h2() {
        Database d = TestDatabases.h2();
        opened.add(d);
        return d.dataSource();
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    /** Recording rows for the jobs to point at; returns their ids. */
    static List<Long> recordings(DataSource db, int n) {
        return Sql.inTransaction(db, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO recording (call_id, kind, path, duration_samples, sample_rate, size_bytes, recorded_at, adopted_at)
                    VALUES (?, 'VOICEMAIL', ?, 80000, 8000, 160044, ?, ?)""", new String[]{"id"})) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "call-" + i);
                    ps.setString(2, "voicemail/x/" + java.util.UUID.randomUUID() + ".wav");
                    ps.setObject(3, Sql.ts(T0));
                    ps.setObject(4, Sql.ts(T0));
                    ps.executeUpdate();
                    try (var keys = ps.getGeneratedKeys()) { keys.next(); ids.add(keys.getLong(1)); }
                }
            }
            return ids;
        });
    }

    @Test
    void twoWorkersOnPostgresNeverClaimTheSameJob() throws Exception {
        try (Database db = TestDatabases.postgres()) {
            concurrentClaimsAreExclusive(db.dataSource());
        }
    }

    @Test
    void concurrentClaimsOnH2AreExclusiveToo() throws Exception {
        try (Database db = TestDatabases.h2()) {
            concurrentClaimsAreExclusive(db.dataSource());
        }
    }

    private static void concurrentClaimsAreExclusive(DataSource db) throws Exception {
        var clock = new MutableClock(T0);
        var queue = new TranscriptionQueue(db, clock, 3, Duration.ZERO);
        List<Long> recs = recordings(db, 150);
        for (long r : recs) queue.enqueue(r, 10);
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Long> duplicates = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (String name : List.of("node-a/w0", "node-b/w0")) {
            workers.add(Thread.ofPlatform().start(() -> {
                try { go.await(); } catch (InterruptedException e) { return; }
                while (true) {
                    var job = queue.claim(name, Duration.ofMinutes(5));
                    if (job.isEmpty()) return;
                    if (!claimed.add(job.get().recordingId())) duplicates.add(job.get().recordingId());
                    assertThat(queue.complete(job.get(), new Hypothesis("متن", Double.NaN, List.of()), "m")).isTrue();
                }
            }));
        }
        go.countDown();
        for (Thread t : workers) t.join(Duration.ofMinutes(2));
        assertThat(duplicates).isEmpty();
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(recs);
        assertThat(queue.counts()).isEqualTo(new TranscriptionQueue.Counts(0, 0, 150, 0, 0));
    }

    @Test
    void aJobOfAKilledWorkerIsClaimedAgainWhenItsLeaseRunsOut() {
        try (Database pg = TestDatabases.postgres(); Database h2 = TestDatabases.h2()) {
            jobOfDeadWorkerReturns(pg.dataSource());
            jobOfDeadWorkerReturns(h2.dataSource());
        }
    }

    private static void jobOfDeadWorkerReturns(DataSource db) {
        var clock = new MutableClock(T0);
        var queue = new TranscriptionQueue(db, clock, 3, Duration.ZERO);
        long rec = recordings(db, 1).getFirst();
        queue.enqueue(rec, 30);
        queue.enqueue(rec, 30);   // one job per voicemail, however often it is queued

        var first = queue.claim("node-a/w0", Duration.ofSeconds(60)).orElseThrow();
        // node-a dies here: no renewal, no completion.
        assertThat(queue.claim("node-b/w0", Duration.ofSeconds(60))).as("lease still running").isEmpty();
        clock.advance(Duration.ofSeconds(61));
        var second = queue.claim("node-b/w0", Duration.ofSeconds(60)).orElseThrow();
        assertThat(second.recordingId()).isEqualTo(rec);
        assertThat(second.attempt()).isEqualTo(2);

        // The dead worker coming back late can neither renew nor overwrite.
        assertThat(queue.renew(first, Duration.ofSeconds(60))).isFalse();
        assertThat(queue.complete(first, new Hypothesis("late", Double.NaN, List.of()), "m")).isFalse();
        assertThat(queue.complete(second, new Hypothesis("سلام خسته نباشید", Double.NaN,
                List.of(new Hypothesis.Word("سلام", 0.2, 0.6, 0.93), new Hypothesis.Word("خسته", 0.7, 1.0, Double.NaN))), "m")).isTrue();
        Hypothesis stored = queue.transcriptOf(rec).orElseThrow();
        assertThat(stored.text()).isEqualTo("سلام خسته نباشید");
        assertThat(stored.words()).hasSize(2);
        assertThat(stored.words().getFirst()).isEqualTo(new Hypothesis.Word("سلام", 0.2, 0.6, 0.93));
        assertThat(stored.words().get(1).confidence()).isNaN();
        assertThat(queue.statusOf(rec).orElseThrow().state()).isEqualTo(TranscriptionQueue.State.DONE);
    }

    @Test
    void failuresAreRetriedUpToTheLimitThenStayVisible() {
        DataSource db = h2();
        var clock = new MutableClock(T0);
        var queue = new TranscriptionQueue(db, clock, 2, Duration.ofMinutes(10));
        long rec = recordings(db, 1).getFirst();
        queue.enqueue(rec, 5);

        queue.fail(queue.claim("w", Duration.ofMinutes(1)).orElseThrow(), "cannot decode: NotWavException", false);
        assertThat(queue.claim("w", Duration.ofMinutes(1))).as("waits its retry delay").isEmpty();
        clock.advance(Duration.ofMinutes(11));
        var again = queue.claim("w", Duration.ofMinutes(1)).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        queue.fail(again, "cannot decode: NotWavException", false);
        clock.advance(Duration.ofMinutes(11));

        assertThat(queue.claim("w", Duration.ofMinutes(1))).isEmpty();
        assertThat(queue.failures(10)).singleElement().satisfies(f -> {
            assertThat(f.recordingId()).isEqualTo(rec);
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.lastError()).contains("NotWavException");
        });
    }

    @Test
    void aJobWhoseWorkersKeepDyingFailsAfterTheLimit() {
        DataSource db = h2();
        var clock = new MutableClock(T0);
        var queue = new TranscriptionQueue(db, clock, 2, Duration.ZERO);
        long rec = recordings(db, 1).getFirst();
        queue.enqueue(rec, 5);
        queue.claim("a", Duration.ofSeconds(10)).orElseThrow();
        clock.advance(Duration.ofSeconds(11));
        queue.claim("b", Duration.ofSeconds(10)).orElseThrow();
        clock.advance(Duration.ofSeconds(11));
        assertThat(queue.claim("c", Duration.ofSeconds(10))).isEmpty();
        assertThat(queue.statusOf(rec).orElseThrow().state()).isEqualTo(TranscriptionQueue.State.FAILED);
    }
}
