package ir.line111.ivr.ami;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Console presence requests become QueueAdd / QueuePause / QueueRemove; Asterisk's errors come back in words. */
class AmiPresenceTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(AmiLink.class, PresenceHandler.class);

    static final String DEVICE = "PJSIP/1003";
    private AmiRig rig;

    @BeforeEach
    void up() {
        rig = new AmiRig();
        rig.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
    }

    @AfterEach
    void down() {
        rig.close();
    }

    private JsonObject ask(String action, String reason) {
        JsonObject req = new JsonObject().put("action", action).put("operator", "maryam").put("device", DEVICE);
        if (reason != null) req.put("reason", reason);
        return rig.vertx.eventBus().<JsonObject>request(EventAddresses.PRESENCE, req).await().body();
    }

    private ReplyException refused(JsonObject req) {
        Throwable t = catchThrowable(() -> rig.vertx.eventBus().request(EventAddresses.PRESENCE, req).await());
        if (t instanceof CompletionException ce) t = ce.getCause();
        assertThat(t).isInstanceOf(ReplyException.class);
        return (ReplyException) t;
    }

    @Test
    void loginReadyPauseLogoutSendTheQueueActions() {
        JsonObject r = ask("login", null);
        assertThat(r.getBoolean("ok")).isTrue();
        assertThat(r.getString("state")).isEqualTo("PAUSED");
        FakeAmiServer.Received add = rig.server.actions("QueueAdd").getLast();
        assertThat(add.action().get("Queue")).isEqualTo(AmiRig.QUEUE);
        assertThat(add.action().get("Interface")).isEqualTo(DEVICE);
        assertThat(add.action().get("MemberName")).isEqualTo("maryam");
        assertThat(add.action().get("Paused")).isEqualToIgnoringCase("true");
        await().atMost(Duration.ofSeconds(5)).until(() -> rig.service.snapshot().operatorsLoggedIn() == 1);
        assertThat(rig.service.snapshot().operatorsAvailable()).as("logged in but not yet ready").isZero();

        assertThat(ask("ready", null).getString("state")).isEqualTo("READY");
        FakeAmiServer.Received ready = rig.server.actions("QueuePause").getLast();
        assertThat(ready.action().get("Paused")).isEqualToIgnoringCase("false");
        assertThat(ready.action().get("Interface")).isEqualTo(DEVICE);
        assertThat(ready.action().get("Queue")).isEqualTo(AmiRig.QUEUE);
        await().atMost(Duration.ofSeconds(5)).until(() -> rig.service.snapshot().operatorsAvailable() == 1);

        ask("pause", "lunch break");
        FakeAmiServer.Received pause = rig.server.actions("QueuePause").getLast();
        assertThat(pause.action().get("Paused")).isEqualToIgnoringCase("true");
        assertThat(pause.action().get("Reason")).isEqualTo("lunch break");
        await().atMost(Duration.ofSeconds(5)).until(() -> rig.lastState() != null
                && rig.lastState().getJsonArray("members").size() == 1
                && "lunch break".equals(rig.lastState().getJsonArray("members").getJsonObject(0).getString("reason")));
        assertThat(rig.lastState().getJsonArray("members").getJsonObject(0).getString("state")).isEqualTo("PAUSED");

        assertThat(ask("logout", null).getString("state")).isEqualTo("LOGGED_OUT");
        FakeAmiServer.Received remove = rig.server.actions("QueueRemove").getLast();
        assertThat(remove.action().get("Interface")).isEqualTo(DEVICE);
        await().atMost(Duration.ofSeconds(5)).until(() -> rig.service.snapshot().operatorsLoggedIn() == 0);
    }

    @Test
    void asteriskErrorsComeBackAsClearMessages() {
        ReplyException notIn = refused(new JsonObject().put("action", "ready").put("operator", "maryam").put("device", DEVICE));
        assertThat(notIn.failureCode()).isEqualTo(PresenceHandler.REFUSED);
        assertThat(notIn.getMessage()).isEqualTo("maryam (" + DEVICE + ") is not logged in to queue " + AmiRig.QUEUE + "; log in first");

        ReplyException logoutTwice = refused(new JsonObject().put("action", "logout").put("operator", "maryam").put("device", DEVICE));
        assertThat(logoutTwice.getMessage()).isEqualTo("maryam (" + DEVICE + ") is not logged in to queue " + AmiRig.QUEUE);

        ask("login", null);
        ReplyException twice = refused(new JsonObject().put("action", "login").put("operator", "maryam").put("device", DEVICE));
        assertThat(twice.getMessage()).isEqualTo("maryam (" + DEVICE + ") is already logged in to queue " + AmiRig.QUEUE);
    }

    @Test
    void badRequestsAreRefusedBeforeAsteriskIsAsked() {
        int before = rig.server.actions().size();
        assertThat(refused(new JsonObject().put("action", "dance").put("device", DEVICE)).getMessage())
                .contains("unknown presence action 'dance'");
        assertThat(refused(new JsonObject().put("action", "pause").put("operator", "maryam")).failureCode())
                .isEqualTo(PresenceHandler.BAD_REQUEST);
        assertThat(refused(new JsonObject().put("action", "login").put("device", DEVICE)).getMessage())
                .contains("operator");
        assertThat(rig.server.actions().size()).isEqualTo(before);
    }

    @Test
    void whileAsteriskIsDownTheReplySaysSo() {
        rig.server.goDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.service.connected());
        ReplyException down = refused(new JsonObject().put("action", "login").put("operator", "maryam").put("device", DEVICE));
        assertThat(down.failureCode()).isEqualTo(PresenceHandler.UNAVAILABLE);
        assertThat(down.getMessage()).contains("Asterisk is not connected");
    }
}
