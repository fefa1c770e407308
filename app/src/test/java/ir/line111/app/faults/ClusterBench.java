package ir.line111.app.faults;

import io.vertx.core.json.JsonObject;
import ir.line111.app.Backend;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.users.Role;
import ir.line111.core.persistence.Database;
import ir.line111.core.testing.TestDatabases;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./line111 bench cluster [calls] [pops]}: side by side in one run, on one PostgreSQL,
 * <ul>
 *   <li>CPU per FastAGI call (the message flow) of a node in a child JVM, alone and then as a member of
 *       a two-node cluster (the other member in this JVM), read from the child's own CPU time;</li>
 *   <li>AgentConnect on the fake AMI to the screen-pop on an operator's WebSocket: on the node that
 *       holds AMI, and on the other node of a cluster (through the clustered event bus), p50/p99.</li>
 * </ul>
 * Goals (issue 17): cluster CPU per call at most 1.2 times the single node's; cross-node pop p99 at most 50 ms.
 */
public final class ClusterBench {
    static final String KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    static final String DEVICE = "PJSIP/3001";
    static final String PASSWORD = "a-long-bench-password";

    private final Path dir;
    private final Database pg;
    private final String name = "bench" + UUID.randomUUID().toString().substring(0, 6);

    private ClusterBench(Path dir, Database pg) {
        this.dir = dir;
        this.pg = pg;
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int pops = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Files.createTempDirectory("line111-cluster-bench");
        try (Database pg = TestDatabases.postgres(4)) {
            ClusterBench bench = new ClusterBench(dir, pg);
            // Per-event log lines to a console would be measured too: warnings only, here and in the child.
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            bench.pops(Math.max(100, pops / 2), true);   // warm-up of both paths (JIT), not counted
            double[] local = bench.pops(pops, false);
            double[] cross = bench.pops(pops, true);
            System.out.printf("screen-pop     same node   p50 %6.2f ms p99 %6.2f ms%n", pct(local, 50), pct(local, 99));
            System.out.printf("screen-pop     cross-node  p50 %6.2f ms p99 %6.2f ms   ratio p50 %.2f p99 %.2f (goal p99 <= 50 ms: %s)%n",
                    pct(cross, 50), pct(cross, 99), pct(cross, 50) / pct(local, 50), pct(cross, 99) / pct(local, 99),
                    pct(cross, 99) <= 50 ? "met" : "NOT met");
            double single = bench.cpuPerCall(calls, false);
            double clustered = bench.cpuPerCall(calls, true);
            System.out.printf("CPU per call   single node %7.2f ms   cluster node %7.2f ms   ratio %.2f (goal <= 1.2: %s)%n",
                    single, clustered, clustered / single, clustered / single <= 1.2 ? "met" : "NOT met");
        }
        System.exit(0);
    }

    /** CPU milliseconds of the child node per message call, after a warm-up of a fifth as many calls. */
    double cpuPerCall(int calls, boolean cluster) throws Exception {
        int[] ports = {freePort(), freePort()};
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        Backend peer = cluster ? Backend.start(Line111Config.of(config("peer-" + calls, cluster, ports[1], members, null)), quiet()) : null;
        Map<String, String> env = new HashMap<>();
        config("cpu-" + cluster, cluster, ports[0], members, null).forEach((k, v) -> env.put(Line111Config.envName(k), v));
        ChildBackend node = ChildBackend.start(dir.resolve("work-" + cluster), env, Duration.ofSeconds(120));
        try {
            Path speech = FaultCalls.speech(dir.resolve("speech.wav"));
            for (int i = 0; i < Math.max(10, calls / 5); i++) call(node.agiPort(), speech);
            long before = node.cpuNanos();
            for (int i = 0; i < calls; i++) call(node.agiPort(), speech);
            return (node.cpuNanos() - before) / 1e6 / calls;
        } finally {
            node.kill9();
            if (peer != null) peer.close();
        }
    }

    /** AgentConnect to screen-pop, ms; with {@code cross} the operator's WebSocket is on the node that does not hold AMI. */
    double[] pops(int n, boolean cross) throws Exception {
        try (FakeAmiServer ami = FakeAmiServer.builder().credentials("line111", "bench-secret").queue(DialplanContract.QUEUE_NAME).start()) {
            int[] ports = {freePort(), freePort()};
            String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
            Backend holder = Backend.start(Line111Config.of(config("pop-a-" + cross, cross, ports[0], members, ami)), quiet());
            Backend other = null;
            try {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(holder.ami()::connected);
                if (cross) other = Backend.start(Line111Config.of(config("pop-b", true, ports[1], members, ami)), quiet());
                Backend desk = cross ? other : holder;
                if (desk.core().users().find("op").isEmpty()) desk.core().users().add("op", "Op", Set.of(Role.OPERATOR), PASSWORD.toCharArray());
                return measurePops(n, ami, "http://127.0.0.1:" + desk.consolePort());
            } finally {
                if (other != null) other.close();
                holder.close();
            }
        }
    }

    private static double[] measurePops(int n, FakeAmiServer ami, String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "op").put("password", PASSWORD).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = in.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String csrf = new JsonObject(in.body()).getString("csrfToken");
        for (String action : new String[] {"login", "ready"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/desk/presence")).header("Content-Type", "application/json")
                    .header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("action", action).put("device", DEVICE).encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(action + ": " + r.body());
        }
        BlockingQueue<Long> popped = new LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch hello = new java.util.concurrent.CountDownLatch(1);
        WebSocket ws = http.newWebSocketBuilder().header("Origin", base).header("Cookie", cookie)
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String type = new JsonObject(partial.toString()).getString("type");
                            if ("screen-pop".equals(type)) popped.add(System.nanoTime());
                            if ("hello".equals(type)) hello.countDown();
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).join();
        // The socket counts once the console has said hello (it has the session and the operator's device).
        if (!hello.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("no hello on the console's WebSocket");
        int warm = Math.max(20, n / 10);
        double[] ms = new double[n];
        for (int i = 0; i < warm + n; i++) {
            FakeAmiServer.QueueCall c = ami.call(DialplanContract.QUEUE_NAME, "0912" + String.format("%07d", i))
                    .join(Map.of(DialplanContract.VAR_CALL_ID, "bench-" + i), false);
            long t0 = System.nanoTime();
            c.connect(DEVICE);
            Long t1 = popped.poll(10, TimeUnit.SECONDS);
            if (t1 == null) throw new IllegalStateException("no screen-pop for call " + i);
            if (i >= warm) ms[i - warm] = (t1 - t0) / 1e6;
            c.complete();
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        Arrays.sort(ms);
        return ms;
    }

    private Map<String, String> config(String id, boolean cluster, int port, String members, FakeAmiServer ami) {
        Map<String, String> c = new HashMap<>();
        c.put("data.dir", dir.resolve(id).toString());
        c.put("db.url", pg.safeUrl());
        c.put("db.user", "postgres");
        c.put("db.pool.max", "8");
        c.put("agi.port", "0");
        c.put("console.port", "0");
        c.put("users.bcrypt-cost", "4");
        c.put("tracking.key", KEY);
        c.put("cluster.enabled", Boolean.toString(cluster));
        c.put("cluster.name", name);
        c.put("cluster.port", Integer.toString(port));
        c.put("cluster.port-count", "1");
        c.put("cluster.members", members);
        if (ami != null) {
            c.put("ami.port", Integer.toString(ami.port()));
            c.put("ami.username", "line111");
            c.put("ami.password", "bench-secret");
        }
        return c;
    }

    private static void call(int agiPort, Path speech) {
        if (FaultCalls.codeHeard(FaultCalls.call(agiPort).script(FaultCalls.leaveMessage(speech)).run()).isEmpty()) {
            throw new IllegalStateException("a call heard no code");
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
