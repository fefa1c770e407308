package ir.line111.recordings.store;

import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes' sweeps on one PostgreSQL: while one runs, the other skips; after it, the next one runs. */
class OneNodeAtATimeTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    final ir.line111.core.testing.ExpectedLogs logs = ir.line111.core.testing.ExpectedLogs.of(Database.class);

    @Test
    void aSecondNodeSkipsTheSweepWhileTheFirstRunsIt() throws Exception {
        try (Database node1 = TestDatabases.postgres(2)) {
            // A second pool on the same database stands for the other node.
            try (Database node2 = Database.open(node1.safeUrl(), "postgres", "", 2)) {
                CountDownLatch running = new CountDownLatch(1);
                CountDownLatch finish = new CountDownLatch(1);
                CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() ->
                        OneNodeAtATime.run(node1.dataSource(), OneNodeAtATime.SPOOL, () -> {
                            running.countDown();
                            try {
                                finish.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return "node1";
                        }));
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(OneNodeAtATime.run(node2.dataSource(), OneNodeAtATime.SPOOL, () -> "node2")).as("while node1 sweeps").isEmpty();
                assertThat(OneNodeAtATime.run(node2.dataSource(), OneNodeAtATime.CASELESS, () -> "node2")).as("another sweep").contains("node2");
                finish.countDown();
                assertThat(first.get(10, TimeUnit.SECONDS)).contains("node1");
                assertThat(OneNodeAtATime.run(node2.dataSource(), OneNodeAtATime.SPOOL, () -> "node2")).as("after it").contains("node2");
            }
        }
    }

    @Test
    void onH2TheSweepJustRuns() {
        try (Database h2 = TestDatabases.h2()) {
            assertThat(OneNodeAtATime.run(h2.dataSource(), OneNodeAtATime.SPOOL, () -> 7)).contains(7);
        }
    }
}
