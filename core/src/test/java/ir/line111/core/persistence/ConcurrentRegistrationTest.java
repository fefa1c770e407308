package ir.line111.core.persistence;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.testing.TestDatabases;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** 16 registrars × 2,000 cases at once on PostgreSQL: 32,000 cases, 32,000 distinct codes, nothing lost. */
class ConcurrentRegistrationTest {

    static final int THREADS = 16, PER_THREAD = 2_000;

    @Test
    void sixteenRegistrarsAtOnceLoseNothingAndNeverShareACode() throws Exception {
        try (Database db = TestDatabases.postgres(THREADS)) {
            PersistentCases cases = CasePersistenceTest.cases(db);
            ConcurrentLinkedQueue<CaseSummary> registered = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < PER_THREAD; i++) {
                            registered.add(cases.register(CasePersistenceTest.complaint(TestNationalIds.random(), null)));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) f.get();
            }
            int total = THREADS * PER_THREAD;
            Set<String> codes = new HashSet<>();
            Set<Long> ids = new HashSet<>();
            registered.forEach(c -> {
                codes.add(c.trackingCode().digits());
                ids.add(c.id());
            });
            assertThat(registered).hasSize(total);
            assertThat(codes).hasSize(total);
            assertThat(ids).hasSize(total);
            long rows = db.fromTransaction(s -> s.createSelectionQuery("select count(distinct c.trackingCode) from CaseEntity c", Long.class).getSingleResult());
            long events = db.fromTransaction(s -> s.createSelectionQuery("select count(*) from CaseEventEntity e", Long.class).getSingleResult());
            assertThat(rows).isEqualTo(total);
            assertThat(events).isGreaterThanOrEqualTo(total);
        }
    }
}
