package ir.line111.console.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleDependencies;
import ir.line111.console.ConsoleServer;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.security.Role;
import ir.line111.console.store.Jdbc;
import ir.line111.console.store.CoreConsoleUsers;
import ir.line111.core.persistence.PersistentUserDirectory;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case search latency under load from a second process (wrk): by national ID and by tracking code,
 * with N cases (default 1,000,000) in PostgreSQL, 50 connections; beside it, in the same run, the
 * floor of the same server and client answering {@code /health/live} without touching the database.
 * The cases are bulk-loaded once with COPY into the schema {@code bench_console} and kept for later runs.
 *
 * <p>Args: [cases] [seconds per run] [connections]. The connection pool is sized to the machine
 * (2 x cores + 2, {@code -Dbench.pool=N} via BENCH_OPTS): more database connections than cores only
 * adds context switches to the tail.
 */
public final class ConsoleBench {

    private static final String SCHEMA = "bench_console";
    private static final String PASSWORD = "bench password 123";

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String base = System.getenv().getOrDefault("LINE111_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("create schema if not exists " + SCHEMA);
        }
        try (Database db = Database.open(base + "?currentSchema=" + SCHEMA, "postgres", "", Integer.getInteger("bench.pool", 2 * Runtime.getRuntime().availableProcessors() + 2))) {
            TrackingCodeIssuer issuer = new TrackingCodeIssuer(db, "console-bench-key-0123456789".getBytes(StandardCharsets.UTF_8));
            Jdbc jdbc = new Jdbc(db.dataSource());
            long have = jdbc.count("select count(*) from case_record");
            if (have != cases) load(db, jdbc, issuer, cases);
            else System.out.printf("bench: %,d cases already loaded in schema %s%n", have, SCHEMA);
            CoreConsoleUsers users = new CoreConsoleUsers(new PersistentUserDirectory(db, 10, Clock.systemUTC()));
            if (users.find("bench").isEmpty()) users.create(new ConsoleUser("bench", "bench", Set.of(Role.OPERATOR), true, null), PASSWORD.toCharArray());

            Path dir = Files.createTempDirectory("console-bench");
            List<String> ids = jdbc.list("select subject_national_id from case_record tablesample system (1) limit 20000", rs -> rs.getString(1));
            List<String> codes = jdbc.list("select tracking_code from case_record tablesample system (1) limit 20000", rs -> rs.getString(1));
            Files.write(dir.resolve("ids.txt"), ids);
            Files.write(dir.resolve("codes.txt"), codes);

            Vertx vertx = Vertx.vertx();
            ConsoleServer server = new ConsoleServer(Line111Config.of(Map.of("console.port", "0", "recordings.dir", dir.toString())), vertx,
                    new ConsoleDependencies(db.dataSource(), ir.line111.console.support.TestPorts.cases(db,
                            new PersistentCases(db, issuer, Clock.systemUTC(), Duration.ofDays(30))),
                            users, null, null, null, null));
            int port = server.start();
            try {
                String cookie = signIn(port);
                List<Result> results = new ArrayList<>();
                results.add(wrk("floor: GET /health/live (no database)", port, cookie, dir, null, "/health/live", seconds, connections));
                results.add(wrk("search by national ID", port, cookie, dir, "ids.txt", "/api/cases?size=25&nationalId=", seconds, connections));
                results.add(wrk("search by tracking code", port, cookie, dir, "codes.txt", "/api/cases?size=25&trackingCode=", seconds, connections));
                report(cases, connections, results);
            } finally {
                server.stop();
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
        }
    }

    record Result(String name, double p50, double p90, double p99, double rps, long errors) {}

    private static void report(int cases, int connections, List<Result> rs) {
        System.out.printf("%n=== console search latency: %,d cases in PostgreSQL, %d connections (wrk, a second process), pool %d, %d cores ===%n",
                cases, connections, Integer.getInteger("bench.pool", 2 * Runtime.getRuntime().availableProcessors() + 2),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-40s %9s %9s %9s %10s %7s%n", "", "p50 ms", "p90 ms", "p99 ms", "req/s", "errors");
        for (Result r : rs) System.out.printf("%-40s %9.2f %9.2f %9.2f %10.0f %7d%n", r.name(), r.p50(), r.p90(), r.p99(), r.rps(), r.errors());
        Result floor = rs.getFirst();
        for (Result r : rs.subList(1, rs.size())) {
            System.out.printf("%-40s p99 %.1fx the floor, throughput %.2fx the floor; goal p99 <= 50 ms: %s%n", r.name(),
                    r.p99() / floor.p99(), r.rps() / floor.rps(), r.p99() <= 50 ? "MET" : "NOT MET");
        }
    }

    private static String signIn(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "bench").put("password", PASSWORD).encode()))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("sign-in failed: " + r.body());
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static Result wrk(String name, int port, String cookie, Path dir, String valuesFile, String path, int seconds, int connections) throws Exception {
        String lua = """
                local values = {}
                local file = "%s"
                if file ~= "" then for line in io.lines(file) do values[#values + 1] = line end end
                local n = 0
                request = function()
                  n = n + 1
                  local p = "%s"
                  if #values > 0 then p = p .. values[math.random(#values)] end
                  return wrk.format("GET", p, { ["Cookie"] = "%s" })
                end
                done = function(summary, latency, requests)
                  io.write(string.format("BENCH p50=%%f p90=%%f p99=%%f rps=%%f errors=%%d\\n",
                    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
                    summary.requests / (summary.duration / 1e6),
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
                end
                """.formatted(valuesFile == null ? "" : dir.resolve(valuesFile).toString(), path, cookie);
        Path script = dir.resolve("bench-" + Math.abs(name.hashCode()) + ".lua");
        Files.writeString(script, lua);
        // warm-up, then the measured run
        run(List.of("wrk", "-t1", "-c" + connections, "-d3s", "-s", script.toString(), "http://127.0.0.1:" + port));
        String out = run(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s", "-s", script.toString(), "http://127.0.0.1:" + port));
        Matcher m = Pattern.compile("BENCH p50=([\\d.]+) p90=([\\d.]+) p99=([\\d.]+) rps=([\\d.]+) errors=(\\d+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("wrk said: " + out);
        return new Result(name, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)));
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        return out;
    }

    /** COPY in chunks: a third of a million people, ~3 cases each, over the past year; 20 agencies. */
    private static void load(Database db, Jdbc jdbc, TrackingCodeIssuer issuer, int cases) throws Exception {
        long t0 = System.nanoTime();
        System.out.printf("bench: loading %,d cases into schema %s (once)...%n", cases, SCHEMA);
        jdbc.update("delete from case_event");
        jdbc.update("delete from case_record");
        List<Long> agencies = jdbc.list("select id from agency", rs -> rs.getLong(1));
        for (int i = agencies.size(); i < 20; i++) {
            long id = jdbc.inTransaction(c -> jdbc.nextval(c, "agency_seq"));
            jdbc.update("insert into agency (id, name, active, created_at) values (?, ?, true, ?)", id, "دستگاه " + i, Instant.now());
            agencies.add(id);
        }
        Random r = new Random(111);
        String[] people = new String[Math.max(1, cases / 3)];
        for (int i = 0; i < people.length; i++) people[i] = nationalId(r);
        Instant now = Instant.now();
        CaseKind[] kinds = CaseKind.values();
        CaseStatus[] statuses = {CaseStatus.REGISTERED, CaseStatus.REFERRED, CaseStatus.ANSWERED, CaseStatus.CLOSED, CaseStatus.CLOSED};
        try (Connection c = db.dataSource().getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String sql = "copy case_record (id, tracking_code, kind, channel, status, subject_national_id, subject_id_verified, subject_relation, "
                    + "agency_id, summary, deadline_class, due_at, registered_at, registered_by, caller_number, objection_count, updated_at, row_version) from stdin";
            int chunk = 50_000;
            for (int from = 1; from <= cases; from += chunk) {
                StringBuilder sb = new StringBuilder(chunk * 200);
                for (int i = from; i < from + chunk && i <= cases; i++) {
                    Instant reg = now.minusSeconds(r.nextLong(365L * 86_400));
                    DeadlineClass d = DeadlineClass.values()[r.nextInt(4)];
                    sb.append(i).append('\t').append(issuer.codeFor(i).digits()).append('\t').append(kinds[r.nextInt(kinds.length)]).append('\t')
                            .append(r.nextInt(4) == 0 ? Channel.PHONE_MESSAGE : Channel.PHONE_LIVE).append('\t')
                            .append(statuses[r.nextInt(statuses.length)]).append('\t').append(people[r.nextInt(people.length)]).append('\t')
                            .append("t\tSELF\t").append(agencies.get(r.nextInt(agencies.size()))).append('\t')
                            .append("موضوع ").append(i).append('\t').append(d).append('\t').append(reg.plus(d.duration())).append('\t')
                            .append(reg).append("\tbench\t0912").append(1_000_000 + r.nextInt(9_000_000)).append("\t0\t").append(reg).append("\t0\n");
                }
                copy.copyIn(sql, new StringReader(sb.toString()));
            }
        }
        // keep core's own sequences past the loaded rows so later registrations do not collide
        jdbc.run(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("select setval('case_record_seq', " + (cases + 1000) + ")");
                st.execute("select setval('tracking_code_seq', " + (cases + 1000) + ")");
                st.execute("analyze case_record");
            }
            return null;
        });
        System.out.printf("bench: loaded in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static String nationalId(Random r) {
        return ir.line111.core.testing.TestNationalIds.random(r).digits();
    }
}
