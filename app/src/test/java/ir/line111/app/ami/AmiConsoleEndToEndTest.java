package ir.line111.app.ami;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.app.Backend;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.recordings.store.AudioStore;
import ir.line111.core.domain.users.Role;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole backend against the fake AMI server: an operator logs in to the queue through the console
 * API (QueueAdd reaches "Asterisk"), a caller is connected to them, and the screen-pop with the IVR's
 * data arrives on the operator's console WebSocket; the hang-up brings the wrap-up.
 */
class AmiConsoleEndToEndTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    static final ExpectedLogs logs = ExpectedLogs.of("ir.line111.recordings.RecordingsService");

    static final String DEVICE = "PJSIP/1001";
    static final String PASSWORD = "a-long-operator-password";

    @TempDir static Path dataDir;
    static FakeAmiServer asterisk;
    static Backend backend;

    @BeforeAll
    static void start() {
        asterisk = FakeAmiServer.builder().credentials("line111", "e2e-ami-secret").queue(DialplanContract.QUEUE_NAME).start();
        Line111Config config = Line111Config.of(Map.of(
                "data.dir", dataDir.toString(),
                "db.url", "jdbc:h2:file:" + dataDir.resolve("line111"),
                "agi.port", "0",
                "console.port", "0",
                "ami.port", String.valueOf(asterisk.port()),
                "ami.username", "line111",
                "ami.password", "e2e-ami-secret"));
        backend = Backend.start(config, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (backend != null) backend.close();
        if (asterisk != null) asterisk.close();
    }

    @Test
    void operatorLogsInThroughTheConsoleAndTheCallPopsOnTheirWebSocket() throws Exception {
        backend.core().users().add("maryam", "Maryam", Set.of(Role.OPERATOR), PASSWORD.toCharArray());
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + backend.consolePort();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "maryam").put("password", PASSWORD).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String csrf = new JsonObject(signIn.body()).getString("csrfToken");

        await().atMost(Duration.ofSeconds(15)).until(() -> asterisk.successfulLogins() >= 1);
        for (String action : new String[] {"login", "ready"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/desk/presence"))
                    .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("action", action).put("device", DEVICE).encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
        }
        var add = asterisk.actions("QueueAdd").getLast().action();
        assertThat(add.get("Interface")).isEqualTo(DEVICE);
        assertThat(add.get("MemberName")).isEqualTo("maryam");
        assertThat(asterisk.actions("QueuePause").getLast().action().get("Paused")).isEqualToIgnoringCase("false");

        BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().header("Origin", base).header("Cookie", cookie)
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(new JsonObject(partial.toString()));
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).join();
        assertThat(next(received, "hello")).isNotNull();

        // what the IVR leaves before Queue(): the adopted spoken-ID clip, and the MixMonitor file it names
        AudioStore store = new AudioStore(backend.core().database().dataSource(), dataDir.resolve("recordings"), java.time.Clock.systemUTC());
        var spokenPlan = store.plan("e2e-call-1", RecordingKind.SPOKEN_ID);
        Files.write(spokenPlan.file(), wav(16_000));
        long spoken = store.adopt(spokenPlan).id();
        var conversationPlan = store.plan("e2e-call-1", RecordingKind.CONVERSATION);
        Files.write(conversationPlan.file(), wav(80_000));

        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(DialplanContract.VAR_SPOKEN_ID_RECORDING, Long.toString(spoken));
        vars.put(DialplanContract.VAR_CONVERSATION_FILE, conversationPlan.basePath().toString());
        vars.put(DialplanContract.VAR_CALL_ID, "e2e-call-1");
        vars.put(DialplanContract.VAR_NATIONAL_ID, "0499370899");
        vars.put(DialplanContract.VAR_NATIONAL_ID_VERIFIED, "true");
        vars.put(DialplanContract.VAR_DRAFT_CASE, "12");
        FakeAmiServer.QueueCall call = asterisk.call(DialplanContract.QUEUE_NAME, "09121234567").join(vars, false);
        call.connect(DEVICE);

        JsonObject pop = next(received, "screen-pop");
        assertThat(pop).as("screen-pop on the operator's WebSocket").isNotNull();
        JsonObject data = pop.getJsonObject("data");
        assertThat(data.getString("callId")).isEqualTo("e2e-call-1");
        assertThat(data.getString("callerNumber")).isEqualTo("09121234567");
        assertThat(data.getString("nationalId")).isEqualTo("0499370899");
        assertThat(data.getBoolean("nationalIdVerified")).isTrue();
        assertThat(data.getLong("draftCaseId")).isEqualTo(12L);
        assertThat(data.getString("operator")).isEqualTo(DEVICE);

        assertThat(data.getLong("spokenIdRecordingId")).isEqualTo(spoken);

        // the operator registers the case during the call, as the desk page does from the pop
        JsonObject body = new JsonObject().put("kind", "COMPLAINT").put("summary", "آب قطع است").put("callId", data.getString("callId"))
                .put("callerNumber", data.getString("callerNumber")).put("spokenIdRecordingId", spoken)
                .put("subject", new JsonObject().put("nationalId", "0499370899").put("idVerified", true));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long caseId = new JsonObject(created.body()).getLong("id");

        call.complete();
        // the hang-up adopts the conversation and attaches it to the case: the case page lists and plays both
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(new JsonObject(get(http, base + "/api/cases/" + caseId, cookie).body())
                .getJsonArray("recordings").stream().map(o -> ((JsonObject) o).getString("kind")).toList())
                .containsExactlyInAnyOrder("SPOKEN_ID", "CONVERSATION"));
        for (Object o : new JsonObject(get(http, base + "/api/cases/" + caseId, cookie).body()).getJsonArray("recordings")) {
            long rec = ((JsonObject) o).getLong("id");
            assertThat(get(http, base + "/api/recordings/" + rec, cookie).statusCode()).isEqualTo(200);
            assertThat(get(http, base + "/api/recordings/" + rec + "/audio", cookie).statusCode()).isEqualTo(200);
        }
        JsonObject wrapUp = next(received, "wrap-up");
        assertThat(wrapUp).isNotNull();
        assertThat(wrapUp.getJsonObject("data").getString("callId")).isEqualTo("e2e-call-1");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private static HttpResponse<String> get(HttpClient http, String url, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A mono 16-bit 8 kHz WAV of a tone (the store judges speech by energy). */
    private static byte[] wav(int samples) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) b.putShort((short) (8000 * Math.sin(i * 2 * Math.PI * 440 / 8000)));
        return b.array();
    }

    private static JsonObject next(BlockingQueue<JsonObject> q, String type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonObject m = q.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())), TimeUnit.MILLISECONDS);
            if (m != null && type.equals(m.getString("type"))) return m;
        }
        return null;
    }
}
