package ir.line111.core.bench;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.testing.TestDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./line111 bench cases}: case registration (case row + first timeline event + tracking code,
 * through PersistentCases, duplicate check included) against the floor — plain JDBC inserting the
 * same two rows in one transaction — side by side in one run, on H2 (file) and PostgreSQL, at 1, 4
 * and 16 concurrent registrars. Each cell is the better of {@value #ROUNDS} alternating rounds
 * (the machine is shared and noisy). Prints cases/s, p50/p99 latency and the ratio floor/ORM.
 */
public final class CaseRegistrationBench {

    static final int[] REGISTRARS = {1, 4, 16};
    static final int CASES = Integer.getInteger("bench.cases", 3_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    static final byte[] KEY = "benchmark key, thirty-two bytes!".getBytes(StandardCharsets.UTF_8);

    record Result(double perSecond, double p50Ms, double p99Ms) {
        Result better(Result o) { return o == null || perSecond >= o.perSecond ? this : o; }
    }

    interface Registrar {
        void registerOne() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("case registration: %d cases per cell, best of %d rounds; floor = plain JDBC insert of the same rows".formatted(CASES, ROUNDS));
        lines.add("%-10s %4s | %10s %8s %8s | %10s %8s %8s | %s".formatted(
                "database", "regs", "ORM c/s", "p50 ms", "p99 ms", "JDBC c/s", "p50 ms", "p99 ms", "floor/ORM"));
        System.out.println(lines.get(0));
        System.out.println(lines.get(1));

        Path h2dir = Files.createTempDirectory("line111-bench-h2");
        try (Database h2 = Database.open("jdbc:h2:file:" + h2dir.resolve("bench") + ";AUTO_SERVER=FALSE", "sa", "", 16)) {
            run("H2 (file)", h2, lines);
        }
        if (TestDatabases.postgresReachable()) {
            try (Database pg = TestDatabases.postgres(16)) {
                run("PostgreSQL", pg, lines);
            }
        } else {
            String l = "PostgreSQL: not reachable at " + TestDatabases.DEFAULT_PG_URL + ", skipped";
            System.out.println(l);
            lines.add(l);
        }
        Path out = Path.of(System.getProperty("line111.repo.root", ".")).resolve("bench-results");
        Files.createDirectories(out);
        Path file = out.resolve("cases-" + Instant.now().toString().replace(':', '-') + ".txt");
        Files.write(file, lines);
        System.out.println("written to " + file);
    }

    static void run(String label, Database db, List<String> lines) throws Exception {
        PersistentCases cases = new PersistentCases(db, new TrackingCodeIssuer(db, KEY), Clock.systemUTC(), Duration.ofDays(30));
        AtomicLong floorIds = new AtomicLong(1_000_000_000_000L);
        AtomicLong floorCodes = new AtomicLong(0);
        Registrar orm = () -> cases.register(newCase());
        Registrar floor = () -> jdbcInsert(db, floorIds.getAndAdd(2), floorCodes.getAndIncrement());
        // warm up both paths (JIT, pool, statement caches); not measured
        measure(4, CASES / 2, orm);
        measure(4, CASES / 2, floor);
        for (int n : REGISTRARS) {
            Result bestOrm = null, bestFloor = null;
            for (int round = 0; round < ROUNDS; round++) {
                clear(db);
                bestFloor = measure(n, CASES, floor).better(bestFloor);
                clear(db);
                bestOrm = measure(n, CASES, orm).better(bestOrm);
            }
            String l = "%-10s %4d | %10.0f %8.2f %8.2f | %10.0f %8.2f %8.2f | %.2fx".formatted(label, n,
                    bestOrm.perSecond, bestOrm.p50Ms, bestOrm.p99Ms, bestFloor.perSecond, bestFloor.p50Ms, bestFloor.p99Ms,
                    bestFloor.perSecond / bestOrm.perSecond);
            System.out.println(l);
            lines.add(l);
        }
    }

    static NewCase newCase() {
        return new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(TestNationalIds.random(), true), null,
                "bench matter", "registered by the benchmark", DeadlineClass.SIMPLE, "09120000000", null, new Actor("bench"));
    }

    static final String INSERT_CASE = "insert into case_record (id, tracking_code, kind, channel, status, subject_national_id, "
            + "subject_id_verified, subject_relation, summary, description, deadline_class, due_at, registered_at, registered_by, "
            + "caller_number, objection_count, updated_at, row_version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String INSERT_EVENT = "insert into case_event (id, case_id, occurred_at, actor, event_type, detail, to_status) "
            + "values (?,?,?,?,?,?,?)";

    static void jdbcInsert(Database db, long id, long codeSeq) throws SQLException {
        Instant now = Instant.now();
        Timestamp ts = Timestamp.from(now);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement pc = c.prepareStatement(INSERT_CASE); PreparedStatement pe = c.prepareStatement(INSERT_EVENT)) {
                pc.setLong(1, id);
                pc.setString(2, TrackingCode.fromBody(codeSeq).digits());
                pc.setString(3, "COMPLAINT");
                pc.setString(4, "PHONE_LIVE");
                pc.setString(5, "REGISTERED");
                pc.setString(6, TestNationalIds.random().digits());
                pc.setBoolean(7, true);
                pc.setString(8, "SELF");
                pc.setString(9, "bench matter");
                pc.setString(10, "registered by the benchmark");
                pc.setString(11, "SIMPLE");
                pc.setTimestamp(12, Timestamp.from(DeadlineClass.SIMPLE.dueAt(now)));
                pc.setTimestamp(13, ts);
                pc.setString(14, "bench");
                pc.setString(15, "09120000000");
                pc.setInt(16, 0);
                pc.setTimestamp(17, ts);
                pc.setInt(18, 0);
                pc.executeUpdate();
                pe.setLong(1, id + 1);
                pe.setLong(2, id);
                pe.setTimestamp(3, ts);
                pe.setString(4, "bench");
                pe.setString(5, "REGISTERED");
                pe.setString(6, "COMPLAINT via PHONE_LIVE, SIMPLE");
                pe.setString(7, "REGISTERED");
                pe.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static void clear(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from case_event");
            st.executeUpdate("delete from case_record");
        }
    }

    static Result measure(int threads, int total, Registrar r) throws Exception {
        int per = total / threads;
        long[][] latencies = new long[threads][per];
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        long t0;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                long[] mine = latencies[t];
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < per; i++) {
                        long a = System.nanoTime();
                        r.registerOne();
                        mine[i] = System.nanoTime() - a;
                    }
                    return null;
                }));
            }
            t0 = System.nanoTime();
            start.countDown();
            for (Future<?> f : futures) f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }
}
