package ir.line111.app.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.app.Backend;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.domain.users.Role;
import ir.line111.core.persistence.Database;
import ir.line111.core.testing.ExpectedLogs;
import ir.line111.core.testing.TestDatabases;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two backend nodes in cluster mode (each its own Vert.x and Hazelcast member on loopback ports) on one
 * PostgreSQL, with the fake AMI: a call the AMI-holding node sees pops up on an operator whose
 * WebSocket is on the other node; the holder (a child process) dies by kill -9 and the other node
 * holds AMI within 10 s with the queue as the fake PBX has it; calls go on on both nodes; the operator's session, opened on the dead node, still works;
 * 100,000 codes issued across the nodes are all distinct.
 */
class ClusterFailoverTest {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(ExpectedLogs.EVERYTHING);

    static final String DEVICE = "PJSIP/2001";
    static final String PASSWORD = "a-long-operator-password";
    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir Path dir;
    Database pg;
    FakeAmiServer asterisk;
    ChildBackend a;
    final List<Backend> nodes = java.util.Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (a != null) a.kill9();
        for (Backend b : nodes) b.close();
        if (asterisk != null) asterisk.close();
        if (pg != null) pg.close();
    }

    @Test
    void popsCrossNodesAndAmiSessionsAndCallsSurviveTheHoldersDeath() throws Exception {
        pg = TestDatabases.postgres(2);
        asterisk = FakeAmiServer.builder().credentials("line111", "cluster-ami-secret").queue(DialplanContract.QUEUE_NAME).start();
        int[] ports = {freePort(), freePort()};
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        // A is a child process (so that it can die by kill -9), B is in this JVM; A comes first and holds AMI.
        Map<String, String> env = new HashMap<>();
        config("a", ports[0], members, name).forEach((k, v) -> env.put(Line111Config.envName(k), v));
        a = ChildBackend.start(dir.resolve("a-work"), env, Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(15)).until(() -> asterisk.successfulLogins() == 1);
        Backend b = node("b", ports[1], members, name);
        assertThat(b.node().hazelcast().getCluster().getMembers()).hasSize(2);
        assertThat(b.ami().holdsAmi()).as("one AMI holder at a time").isFalse();

        // The operator signs in on A and works on B: the session is the cluster's, not a node's.
        b.core().users().add("sara", "Sara", Set.of(Role.OPERATOR), PASSWORD.toCharArray());
        HttpClient http = HttpClient.newHttpClient();
        String baseA = "http://127.0.0.1:" + a.consolePort();
        String baseB = "http://127.0.0.1:" + b.consolePort();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(baseA + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "sara").put("password", PASSWORD).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String csrf = new JsonObject(signIn.body()).getString("csrfToken");
        for (String action : new String[] {"login", "ready"}) {
            HttpResponse<String> r = post(http, baseB + "/api/desk/presence", cookie, csrf, new JsonObject().put("action", action).put("device", DEVICE));
            assertThat(r.statusCode()).as(action + " through B: " + r.body()).isEqualTo(200);
        }
        assertThat(asterisk.actions("QueueAdd").getLast().action().get("Interface")).isEqualTo(DEVICE);

        BlockingQueue<JsonObject> onB = new LinkedBlockingQueue<>();
        WebSocket ws = socket(http, baseB, cookie, onB);
        assertThat(next(onB, "hello", m -> true)).isNotNull();

        FakeAmiServer.QueueCall first = asterisk.call(DialplanContract.QUEUE_NAME, "09121110001")
                .join(Map.of(DialplanContract.VAR_CALL_ID, "cluster-call-1"), false);
        first.connect(DEVICE);
        JsonObject pop = next(onB, "screen-pop", m -> "cluster-call-1".equals(m.getJsonObject("data").getString("callId")));
        assertThat(pop).as("A's screen-pop on the operator's WebSocket on B").isNotNull();
        assertThat(pop.getJsonObject("data").getString("callerNumber")).isEqualTo("09121110001");
        first.complete();
        assertThat(next(onB, "wrap-up", m -> "cluster-call-1".equals(m.getJsonObject("data").getString("callId")))).isNotNull();

        Path speech = FaultCalls.speech(dir.resolve("speech.wav"));
        Set<String> heard = new HashSet<>();
        heard.add(message(a.agiPort(), speech));
        heard.add(message(b.agiPort(), speech));

        // A dies by kill -9: no goodbye to the cluster, the AMI socket cut by the kernel.
        long died = System.nanoTime();
        a.kill9();
        CompletableFuture<String> duringTakeover = CompletableFuture.supplyAsync(() -> message(b.agiPort(), speech));
        await().atMost(Duration.ofSeconds(10)).until(() -> b.ami().holdsAmi() && b.ami().connected() && b.ami().snapshot().known());
        long tookOverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - died);
        assertThat(tookOverMs).as("takeover time").isLessThan(10_000);
        heard.add(duringTakeover.get(30, TimeUnit.SECONDS));

        // The queue B re-synced is the PBX's: the operator logged in and ready, nobody waiting.
        assertThat(b.ami().snapshot().operatorsLoggedIn()).isEqualTo(1);
        assertThat(b.ami().snapshot().operatorsAvailable()).isEqualTo(1);
        assertThat(b.ami().snapshot().callersWaiting()).isZero();
        JsonObject state = next(onB, "queue-state", m -> m.getJsonObject("data").getBoolean("known", false));
        assertThat(state).as("B's own queue state on the operator's socket").isNotNull();
        JsonArray membersNow = state.getJsonObject("data").getJsonArray("members");
        assertThat(membersNow).as("the one operator the PBX has").hasSize(1);

        // The session opened on the dead node still works on B, and B still pops calls.
        assertThat(http.send(HttpRequest.newBuilder(URI.create(baseB + "/api/me")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        FakeAmiServer.QueueCall second = asterisk.call(DialplanContract.QUEUE_NAME, "09121110002")
                .join(Map.of(DialplanContract.VAR_CALL_ID, "cluster-call-2"), false);
        second.connect(DEVICE);
        assertThat(next(onB, "screen-pop", m -> "cluster-call-2".equals(m.getJsonObject("data").getString("callId")))).isNotNull();
        second.complete();
        heard.add(message(b.agiPort(), speech));
        assertThat(heard).as("codes heard on both nodes").hasSize(4);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void aHundredThousandCodesAcrossNodesNeverTwice() throws Exception {
        pg = TestDatabases.postgres(2);
        int[] ports = {freePort(), freePort()};
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        // Started side by side: a node's start is mostly its own (database, recordings, listeners).
        CompletableFuture<Backend> first = CompletableFuture.supplyAsync(() -> node("a", ports[0], members, name));
        Backend two = node("b", ports[1], members, name);
        Backend one = first.get(120, TimeUnit.SECONDS);
        List<CompletableFuture<List<String>>> runs = new ArrayList<>();
        for (Backend n : List.of(one, two)) {
            for (int t = 0; t < 2; t++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    List<String> codes = new ArrayList<>(25_000);
                    for (int i = 0; i < 25_000; i++) codes.add(n.core().trackingCodes().issue().digits());
                    return codes;
                }));
            }
        }
        Set<String> all = new HashSet<>();
        int issued = 0;
        for (CompletableFuture<List<String>> r : runs) {
            List<String> codes = r.get(60, TimeUnit.SECONDS);
            issued += codes.size();
            all.addAll(codes);
        }
        // The codes each node keeps for a database outage come from the same sequence.
        await().atMost(Duration.ofSeconds(20)).until(() -> one.intake().codesLeft() == 3 && two.intake().codesLeft() == 3);
        for (Backend n : List.of(one, two)) {
            for (String c : reserved(n)) {
                issued++;
                all.add(c);
            }
        }
        assertThat(issued).isEqualTo(100_006);
        assertThat(all).as("distinct codes").hasSize(issued);
        assertThat(all).allMatch(c -> TrackingCode.parse(c) instanceof TrackingCode.Parsed.Valid);
    }

    private Backend node(String id, int port, String members, String name) {
        Backend b = Backend.start(Line111Config.of(config(id, port, members, name)), new PrintStream(OutputStream.nullOutputStream()));
        nodes.add(b);
        return b;
    }

    private Map<String, String> config(String id, int port, String members, String name) {
        Map<String, String> c = nodeConfig(dir, pg, id, port, members, name);
        if (asterisk != null) {
            c.put("ami.port", Integer.toString(asterisk.port()));
            c.put("ami.username", "line111");
            c.put("ami.password", "cluster-ami-secret");
        }
        return c;
    }

    /** A cluster node on loopback over the test's PostgreSQL: the keys every cluster test sets. */
    static Map<String, String> nodeConfig(Path dir, Database pg, String id, int port, String members, String name) {
        Map<String, String> c = new HashMap<>();
        c.put("data.dir", dir.resolve(id).toString());
        c.put("db.url", pg.safeUrl());
        c.put("db.user", "postgres");
        c.put("db.pool.max", "4");
        c.put("agi.port", "0");
        c.put("console.port", "0");
        c.put("users.bcrypt-cost", "4");
        c.put("tracking.key", KEY);
        c.put("ivr.reserve.codes", "3");
        c.put("cluster.enabled", "true");
        c.put("cluster.name", name);
        c.put("cluster.port", Integer.toString(port));
        c.put("cluster.port-count", "1");
        c.put("cluster.members", members);
        c.put("cluster.member-timeout-seconds", "3");
        return c;
    }

    private static List<String> reserved(Backend b) throws Exception {
        Path file = b.core().config().path("data.dir").resolve("intake/reserved-codes.txt");
        return java.nio.file.Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String message(int agiPort, Path speech) {
        CallTranscript t = FaultCalls.call(agiPort).script(FaultCalls.leaveMessage(speech)).run();
        return FaultCalls.codeHeard(t).orElseThrow(() -> new AssertionError("no code heard:\n" + t.format()));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String cookie, String csrf, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static WebSocket socket(HttpClient http, String base, String cookie, BlockingQueue<JsonObject> into) {
        return http.newWebSocketBuilder().header("Origin", base).header("Cookie", cookie)
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            into.add(new JsonObject(partial.toString()));
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).join();
    }

    private static JsonObject next(BlockingQueue<JsonObject> q, String type, java.util.function.Predicate<JsonObject> which)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonObject m = q.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())), TimeUnit.MILLISECONDS);
            if (m != null && type.equals(m.getString("type")) && which.test(m)) return m;
        }
        return null;
    }
}
