package ir.line111.console;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.console.support.Events;
import ir.line111.core.domain.events.EarlierCase;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.events.OperatorState;
import ir.line111.core.domain.events.QueueState;
import ir.line111.core.domain.identity.NationalId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The WebSocket: its handshake checks, and events from the bus reaching exactly the right browsers. */
class LiveEventsTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.console.live");

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    static int handshakeStatus(Throwable t) {
        Throwable c = t instanceof CompletionException ? t.getCause() : t;
        return c instanceof WebSocketHandshakeException h ? h.getResponse().statusCode() : -1;
    }

    @Test
    void theHandshakeNeedsTheConsolesOriginAndASession() {
        Browser op = fx.signedIn("operator");
        assertThatThrownBy(() -> op.websocket("http://evil.example")).satisfies(t -> assertThat(handshakeStatus(t)).isEqualTo(403));
        assertThatThrownBy(() -> op.websocket(null)).satisfies(t -> assertThat(handshakeStatus(t)).isEqualTo(403));
        assertThatThrownBy(() -> op.websocket("http://127.0.0.1:1")).satisfies(t -> assertThat(handshakeStatus(t)).isEqualTo(403));
        assertThatThrownBy(() -> fx.browser().websocket(fx.origin())).satisfies(t -> assertThat(handshakeStatus(t)).isEqualTo(401));
    }

    @Test
    void aScreenPopReachesTheOperatorTheCallConnectedToAndNobodyElse() throws Exception {
        Browser op1 = fx.signedIn("operator");
        Browser op2 = fx.signedIn("operator2");
        Browser sup = fx.signedIn("supervisor");
        Browser tr = fx.signedIn("transcriber");
        Browser.Socket s1 = op1.websocket(fx.origin());
        Browser.Socket s2 = op2.websocket(fx.origin());
        Browser.Socket ss = sup.websocket(fx.origin());
        Browser.Socket st = tr.websocket(fx.origin());
        assertThat(s1.next("hello", 5).getJsonObject("data").getString("username")).isEqualTo("operator");
        for (Browser.Socket s : new Browser.Socket[]{s2, ss, st}) assertThat(s.next("hello", 5)).isNotNull();

        long clip = fx.recordings.add(ir.line111.core.domain.recordings.RecordingKind.SPOKEN_ID,
                java.nio.file.Files.write(fx.store.resolve("pop.wav"), ConsoleFixture.wav(800)), null);
        fx.vertx.eventBus().publish(EventAddresses.SCREEN_POP, Events.pop("1700000000.7", "PJSIP/op1", null, "09121234567",
                NationalId.of("0499370899"), false, clip, List.of()));
        JsonObject got = s1.next("screen-pop", 5);
        assertThat(got).isNotNull();
        assertThat(got.getJsonObject("data").getString("nationalId")).isEqualTo("0499370899");
        assertThat(got.getJsonObject("data").getString("callId")).isEqualTo("1700000000.7");
        // the popped operator may now play the spoken-ID clip although it belongs to no case yet
        assertThat(op1.bytes("/api/recordings/" + clip + "/audio", null).statusCode()).isEqualTo(200);
        assertThat(op2.bytes("/api/recordings/" + clip + "/audio", null).statusCode()).isEqualTo(404);

        // queue state goes to operators and supervisors, national IDs masked; not to transcribers
        fx.vertx.eventBus().publish(EventAddresses.QUEUE_STATE, Events.state(
                List.of(Events.caller("c1", null, 1, 42, NationalId.of("0499370899"))),
                List.of(Events.member("PJSIP/op1", null, OperatorState.ON_CALL, false, "x", 0)), 60, null, null));
        JsonObject q = ss.next("queue-state", 5);
        assertThat(q).isNotNull();
        while (q.getJsonObject("data").getJsonArray("callers", new JsonArray()).isEmpty()) q = ss.next("queue-state", 5);
        JsonObject caller = q.getJsonObject("data").getJsonArray("callers").getJsonObject(0);
        assertThat(caller.getString("nationalIdMasked")).isEqualTo("049****899");
        assertThat(caller.containsKey("nationalId")).isFalse();
        assertThat(s2.next("queue-state", 5)).isNotNull();
        assertThat(sup.get("/api/queue").json().getInteger("estimatedWaitSeconds")).isEqualTo(60);

        fx.vertx.eventBus().publish(EventAddresses.QUEUE_ABANDONED, Events.abandoned("ab-1", "09125550000", 95));
        assertThat(s2.next("queue-abandoned", 5)).isNotNull();
        await().untilAsserted(() -> assertThat(op2.get("/api/desk/abandoned").json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("callerNumber"))).contains("09125550000"));

        fx.vertx.eventBus().publish(EventAddresses.CALL_WRAP_UP, Events.wrapUp("1700000000.7", "PJSIP/op1", 120));
        assertThat(s1.next("wrap-up", 5)).isNotNull();
        assertThat(ss.next("wrap-up", 5)).isNotNull();

        // nobody else got the screen-pop, the transcriber got nothing but its hello
        assertThat(s2.messages.stream().map(m -> m.getString("type"))).doesNotContain("screen-pop");
        assertThat(ss.messages.stream().map(m -> m.getString("type"))).doesNotContain("screen-pop");
        assertThat(st.messages.stream().map(m -> m.getString("type"))).isEmpty();
        s1.ws.sendText("{\"type\":\"ping\"}", true);
        assertThat(s1.next("pong", 5)).isNotNull();
    }

    @Test
    void theAmiAdaptersTypedEventsArriveAsTheyCrossedTheBusWithoutRenaming() throws Exception {
        // the subject's earlier case, as the AMI adapter looked it up and sent it with the screen-pop
        var id = ir.line111.core.testing.TestNationalIds.random();
        var earlier = fx.liveCase(id);
        Browser op = fx.signedIn("operator2");
        Browser sup = fx.signedIn("supervisor");
        Browser.Socket so = op.websocket(fx.origin());
        Browser.Socket ss = sup.websocket(fx.origin());
        assertThat(so.next("hello", 5)).isNotNull();
        assertThat(ss.next("hello", 5)).isNotNull();
        // as QueueMonitor publishes it: member interface, name = the console user
        fx.vertx.eventBus().publish(EventAddresses.SCREEN_POP, Events.pop("amicall-1", "PJSIP/1002", "operator2", "0912", id, true,
                null, List.of(EarlierCase.of(earlier, java.time.Instant.now()))));
        JsonObject pop = so.next("screen-pop", 5);
        assertThat(pop).isNotNull();
        assertThat(pop.getJsonObject("data").getJsonArray("earlierCases").stream().map(o -> ((JsonObject) o).getString("trackingCode")))
                .containsExactly(earlier.trackingCode().digits());
        fx.vertx.eventBus().publish(EventAddresses.QUEUE_STATE, Events.state(List.of(),
                List.of(Events.member("PJSIP/1002", "operator2", OperatorState.PAUSED, true, "LUNCH", 4)), 30, 0.75,
                new QueueState.Today(java.time.LocalDate.now(), 20, 8, 6, 2, 0.75)));
        JsonObject q;
        do {
            q = ss.next("queue-state", 5);
        } while (q != null && q.getJsonObject("data").getInteger("estimatedWaitSeconds", 0) != 30);
        assertThat(q).isNotNull();
        JsonObject m = q.getJsonObject("data").getJsonArray("members").getJsonObject(0);
        assertThat(m.getString("operator")).isEqualTo("PJSIP/1002");
        assertThat(m.getString("state")).isEqualTo("PAUSED");
        assertThat(m.getString("reason")).isEqualTo("LUNCH");
        assertThat(m.getString("username")).isEqualTo("operator2");
        assertThat(q.getJsonObject("data").getDouble("serviceLevel")).isEqualTo(0.75);
        assertThat(q.getJsonObject("data").getBoolean("known")).isTrue();
        JsonObject rest = sup.get("/api/queue").json();
        assertThat(rest.getJsonObject("today").getInteger("answered")).isEqualTo(8);
        assertThat(rest.getJsonObject("today").containsKey("offered")).isTrue();
        var audit = sup.get("/api/admin/audit?username=operator2").json().getJsonArray("items");
        assertThat(audit.stream().map(o -> ((JsonObject) o).getString("detail"))).contains("screen-pop amicall-1");
    }

    @Test
    void aMessageThatIsNotTheCodecsEventIsDroppedAndSaid() throws Exception {
        Browser op = fx.signedIn("operator");
        Browser.Socket s = op.websocket(fx.origin());
        assertThat(s.next("hello", 5)).isNotNull();
        fx.vertx.eventBus().publish(EventAddresses.SCREEN_POP, new JsonObject().put("callId", "old-shape").put("operator", "PJSIP/op1"));
        fx.vertx.eventBus().publish(EventAddresses.SCREEN_POP, "{\"callId\":\"x\",\"nationalId\":\"1234567890\"}");
        await().untilAsserted(() -> assertThat(logs.warnings()).anyMatch(l -> l.contains("not the codec's JSON text"))
                .anyMatch(l -> l.contains("not a ScreenPop:")));
        // the refused ID is not in the log, only its mask
        assertThat(logs.warnings()).noneMatch(l -> l.contains("1234567890"));
        assertThat(s.messages.stream().map(x -> x.getString("type"))).doesNotContain("screen-pop");
    }

    @Test
    void anExpiredSessionsSocketIsToldAndClosed() throws Exception {
        Browser tr = fx.signedIn("transcriber2");
        Browser.Socket s = tr.websocket(fx.origin());
        assertThat(s.next("hello", 5)).isNotNull();
        fx.clock.advance(java.time.Duration.ofMinutes(31));
        try {
            s.ws.sendText("{\"type\":\"ping\"}", true);
            assertThat(s.next("session-expired", 5)).isNotNull();
            assertThat(s.next("pong", 1)).isNull();
        } finally {
            fx.clock.advance(java.time.Duration.ofMinutes(-31));
        }
    }

    @Test
    void theDeskFollowsTheCallFromScreenPopToWrapUp() throws Exception {
        Browser op = fx.signedIn("operator2");
        Browser.Socket s = op.websocket(fx.origin());
        assertThat(s.next("hello", 5)).isNotNull();
        fx.vertx.eventBus().publish(EventAddresses.SCREEN_POP, Events.pop("desk-1", "PJSIP/op2", null, null, null, false, null, List.of()));
        assertThat(s.next("screen-pop", 5)).isNotNull();
        var consumer = fx.vertx.eventBus().<JsonObject>consumer(EventAddresses.PRESENCE, m -> m.reply(new JsonObject().put("ok", true)));
        try {
            await().until(consumer::isRegistered);
            assertThat(op.post("/api/desk/presence", new JsonObject().put("action", "login")).status()).isEqualTo(200);
            fx.vertx.eventBus().publish(EventAddresses.SCREEN_POP, Events.pop("desk-2", "PJSIP/op2", null, null, null, false, null, List.of()));
            assertThat(s.next("screen-pop", 5)).isNotNull();
            assertThat(op.get("/api/desk/presence").json().getString("state")).isEqualTo("ON_CALL");
            fx.vertx.eventBus().publish(EventAddresses.CALL_WRAP_UP, Events.wrapUp("desk-2", "PJSIP/op2", 30));
            assertThat(s.next("wrap-up", 5)).isNotNull();
            JsonObject p = op.get("/api/desk/presence").json();
            assertThat(p.getString("state")).isEqualTo("WRAP_UP");
            assertThat(p.getString("callId")).isEqualTo("desk-2");
        } finally {
            consumer.unregister();
        }
    }

    @Test
    void presenceIsAskedOfTheAmiAdapterAndWithoutOneTheOperatorIsTold() {
        Browser op = fx.signedIn("operator");
        var none = op.post("/api/desk/presence", new JsonObject().put("action", "ready"));
        assertThat(none.status()).isEqualTo(503);
        assertThat(none.error()).isEqualTo("ami_unavailable");
        var consumer = fx.vertx.eventBus().<JsonObject>consumer(EventAddresses.PRESENCE, m -> {
            JsonObject req = m.body();
            if ("pause".equals(req.getString("action")) && req.getString("reason") == null) m.fail(400, "reason needed");
            else if ("logout".equals(req.getString("action"))) m.fail(409, "Asterisk said no");
            else m.reply(new JsonObject().put("ok", true).put("operator", req.getString("operator")).put("device", req.getString("device")));
        });
        try {
            await().until(consumer::isRegistered);
            var login = op.post("/api/desk/presence", new JsonObject().put("action", "login"));
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            assertThat(login.json().getString("state")).as("log-in adds the device paused").isEqualTo("PAUSED");
            assertThat(op.post("/api/desk/presence", new JsonObject().put("action", "ready")).json().getString("state")).isEqualTo("READY");
            assertThat(login.json().getString("device")).isEqualTo("PJSIP/op1");
            var pause = op.post("/api/desk/presence", new JsonObject().put("action", "pause").put("reason", "LUNCH"));
            assertThat(pause.json().getString("state")).isEqualTo("PAUSED");
            assertThat(op.get("/api/desk/presence").json().getString("reason")).isEqualTo("LUNCH");
            assertThat(op.post("/api/desk/presence", new JsonObject().put("action", "pause")).status()).isEqualTo(400);
            assertThat(op.post("/api/desk/presence", new JsonObject().put("action", "explode")).status()).isEqualTo(400);
            assertThat(op.post("/api/desk/presence", new JsonObject().put("action", "logout")).status()).isEqualTo(409);
        } finally {
            consumer.unregister();
        }
    }

    /** After a restart the console knows nobody: Asterisk's queue says who is in it and who is paused. */
    @Test
    void presenceIsWhatTheQueueSaysButNeverUndoesALaterChange() {
        try (ConsoleFixture own = ConsoleFixture.h2()) {
            Browser op = own.signedIn("operator");
            java.time.Instant now = own.clock.instant();
            own.vertx.eventBus().publish(EventAddresses.QUEUE_STATE, queueWithOp1(now, true));
            await().untilAsserted(() -> assertThat(op.get("/api/desk/presence").json().getString("state")).isEqualTo("PAUSED"));
            assertThat(op.get("/api/desk/presence").json().getString("reason")).isEqualTo("LUNCH");

            var consumer = own.vertx.eventBus().<JsonObject>consumer(EventAddresses.PRESENCE, m -> m.reply(new JsonObject().put("ok", true)));
            try {
                await().until(consumer::isRegistered);
                own.clock.advance(java.time.Duration.ofSeconds(10));
                assertThat(op.post("/api/desk/presence", new JsonObject().put("action", "ready")).json().getString("state")).isEqualTo("READY");
            } finally {
                consumer.unregister();
            }
            // A snapshot taken before the operator's "ready" arrives late: it does not undo it.
            java.time.Instant stale = now.plusSeconds(5);
            own.vertx.eventBus().publish(EventAddresses.QUEUE_STATE, queueWithOp1(stale, true));
            await().until(() -> stale.toString().equals(op.get("/api/queue").json().getString("at")));
            assertThat(op.get("/api/desk/presence").json().getString("state")).isEqualTo("READY");

            // A later one without the member: Asterisk no longer has her in the queue.
            own.vertx.eventBus().publish(EventAddresses.QUEUE_STATE, Events.state(now.plusSeconds(20), List.of()));
            await().untilAsserted(() -> assertThat(op.get("/api/desk/presence").json().getString("state")).isEqualTo("LOGGED_OUT"));
        }
    }

    private static String queueWithOp1(java.time.Instant at, boolean paused) {
        return Events.state(at, List.of(Events.member("PJSIP/op1", "operator", paused ? OperatorState.PAUSED : OperatorState.READY,
                paused, paused ? "LUNCH" : null, 0)));
    }
}
