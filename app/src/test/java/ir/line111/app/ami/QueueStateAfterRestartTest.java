package ir.line111.app.ami;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleServer;
import ir.line111.app.wiring.EdgeMetrics;
import ir.line111.console.ports.HealthCheck;
import ir.line111.core.CoreServices;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.users.Role;
import ir.line111.fakeasterisk.ami.AmiModel;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.ami.AmiService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backend restart while Asterisk keeps its queue: the AMI adapter re-syncs before the console listens
 * and the queue stays idle, yet the console knows the queue at once, and the operator's presence (and
 * wrap-up time) is what Asterisk says, not what the console remembered.
 */
class QueueStateAfterRestartTest {

    static final String Q = DialplanContract.QUEUE_NAME;
    static final String DEVICE = "PJSIP/1001";
    static final String PASSWORD = "a-long-operator-password";

    @TempDir Path dataDir;
    FakeAmiServer asterisk;
    CoreServices core;
    Vertx vertx;
    AmiService ami;
    ConsoleServer console;
    final HttpClient http = HttpClient.newHttpClient();
    String base, cookie, csrf;

    @BeforeEach
    void asteriskStillHasTheOperatorPaused() {
        asterisk = FakeAmiServer.builder().credentials("line111", "restart-secret").queue(Q).start();
        asterisk.inModel(m -> {
            AmiModel.Member mem = new AmiModel.Member(DEVICE, "maryam");
            mem.paused = true;
            mem.pausedReason = "lunch";
            mem.wrapuptime = 25;
            return m.queue(Q).members.put(DEVICE, mem);
        });
    }

    @AfterEach
    void stop() {
        if (console != null) console.stop();
        if (ami != null) ami.stop();
        if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
        if (core != null) core.close();
        if (asterisk != null) asterisk.close();
    }

    void startAdapterThenConsole() throws Exception {
        Line111Config config = Line111Config.of(Map.of(
                "data.dir", dataDir.toString(),
                "db.url", "jdbc:h2:file:" + dataDir.resolve("line111"),
                "console.port", "0",
                "ami.port", String.valueOf(asterisk.port()),
                "ami.username", "line111",
                "ami.password", "restart-secret"));
        core = CoreServices.open(config);
        core.users().add("maryam", "Maryam", Set.of(Role.OPERATOR), PASSWORD.toCharArray());
        vertx = Vertx.vertx();
        ami = new AmiService(config, vertx, AmiService.Dependencies.none());
        ami.start();
        // The re-sync is over before the console exists: nothing will publish again while the queue is idle.
        await().atMost(Duration.ofSeconds(10)).until(() -> ami.snapshot().known());
        console = new ConsoleServer(config, vertx, ir.line111.app.wiring.ConsoleWiring.dependencies(core, core.caseRegistry(),
                null, List.of(HealthCheck.of("pbx", false, () -> EdgeMetrics.pbxHealth(true, ami))), null, Clock.systemUTC()));
        console.start();
        base = "http://127.0.0.1:" + console.port();
        HttpResponse<String> signIn = post("/api/session", new JsonObject().put("username", "maryam").put("password", PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(200);
        cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        csrf = new JsonObject(signIn.body()).getString("csrfToken");
    }

    @Test
    void theQueueIsKnownAtOnceAndPresenceIsAsterisks() throws Exception {
        startAdapterThenConsole();

        JsonObject queue = get("/api/queue");
        assertThat(queue.getBoolean("known")).as("known without waiting for a queue change: " + queue).isTrue();
        JsonArray members = queue.getJsonArray("members");
        assertThat(members).hasSize(1);
        assertThat(members.getJsonObject(0).getString("state")).isEqualTo("PAUSED");

        JsonObject presence = get("/api/desk/presence");
        assertThat(presence.getString("state")).as("Asterisk has maryam in the queue, paused").isEqualTo("PAUSED");
        assertThat(presence.getString("reason")).isEqualTo("lunch");

        // She is in the queue, so "ready" is the way on (log-in would be refused: already there).
        HttpResponse<String> ready = post("/api/desk/presence", new JsonObject().put("action", "ready").put("device", DEVICE));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("/api/desk/presence").getString("state")).isEqualTo("READY"));
    }

    @Test
    void healthNamesWhatAmiShowedOfThePbxAndWhatItCannotShow() throws Exception {
        startAdapterThenConsole();
        FakeAmiServer.QueueCall call = asterisk.call(Q, "09121234567")
                .join(Map.of(DialplanContract.VAR_CALL_ID, "restart-call-3"), false);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pbx().getString("detail"))
                .contains("queueApplication: a caller joined the queue (Queue) at"));
        JsonObject pbx = pbx();
        assertThat(pbx.getString("status")).isEqualTo("UP");
        assertThat(pbx.getString("detail"))
                .contains("queue: " + Q + " present (QueueStatus)")
                .contains("members: 1 in " + Q)
                .contains("mixMonitor: not seen since start")
                .contains("notVerifiable: loaded modules").contains("asterisk-conf/bin/check-pbx");
        call.hangup();

        // A queue Asterisk does not have is named as such.
        asterisk.inModel(m -> m.queues.remove(Q));
        asterisk.dropConnections();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonObject p = pbx();
            assertThat(p.getString("status")).isEqualTo("DOWN");
            assertThat(p.getString("detail")).contains(Q + " MISSING");
        });
    }

    private JsonObject pbx() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body()).getJsonObject("checks").getJsonObject("pbx");
    }

    @Test
    void theWrapUpTimeIsTheOneAsteriskReports() throws Exception {
        asterisk.inModel(m -> m.queue(Q).members.get(DEVICE).paused = false);
        startAdapterThenConsole();
        FakeAmiServer.QueueCall call = asterisk.call(Q, "09121234567")
                .join(Map.of(DialplanContract.VAR_CALL_ID, "restart-call-1"), false);
        call.connect(DEVICE);
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/api/desk/presence").getString("state").equals("ON_CALL"));
        call.complete();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonObject p = get("/api/desk/presence");
            assertThat(p.getString("state")).isEqualTo("WRAP_UP");
            assertThat(p.getInteger("wrapUpSeconds")).as("the member's Wrapuptime over AMI, not console.wrap-up-seconds").isEqualTo(25);
            assertThat(p.getString("wrapUpSource")).isEqualTo("asterisk");
        });
    }

    @Test
    void withoutAsterisksWordTheConfiguredWrapUpTimeStandsIn() throws Exception {
        asterisk.inModel(m -> {
            AmiModel.Member mem = m.queue(Q).members.get(DEVICE);
            mem.paused = false;
            mem.wrapuptime = 0;
            return mem;
        });
        startAdapterThenConsole();
        FakeAmiServer.QueueCall call = asterisk.call(Q, "09121234567")
                .join(Map.of(DialplanContract.VAR_CALL_ID, "restart-call-2"), false);
        call.connect(DEVICE);
        call.complete();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonObject p = get("/api/desk/presence");
            assertThat(p.getString("state")).isEqualTo("WRAP_UP");
            assertThat(p.getInteger("wrapUpSeconds")).as("queues.conf's 15, the built-in of console.wrap-up-seconds").isEqualTo(15);
            assertThat(p.getString("wrapUpSource")).isEqualTo("config");
        });
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private HttpResponse<String> post(String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (cookie != null) b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
