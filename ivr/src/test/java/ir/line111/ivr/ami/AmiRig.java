package ir.line111.ivr.ami;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake Asterisk, a Vert.x, an AmiService between them, and every event the service published. */
final class AmiRig implements AutoCloseable {

    static final String QUEUE = DialplanContract.QUEUE_NAME;

    static {
        quietLogs();
    }

    /** Netty and Asterisk-Java debug output drowns the test report; set here so no shared logback file is needed. */
    static void quietLogs() {
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.netty")).setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.reflections")).setLevel(ch.qos.logback.classic.Level.WARN);
    }

    final FakeAmiServer server;
    final Vertx vertx = Vertx.vertx();
    /** What crossed the bus, as the JSON text the codec wrote (read back as objects for the assertions). */
    final List<JsonObject> screenPops = new CopyOnWriteArrayList<>();
    final List<JsonObject> wrapUps = new CopyOnWriteArrayList<>();
    final List<JsonObject> states = new CopyOnWriteArrayList<>();
    final List<JsonObject> abandoned = new CopyOnWriteArrayList<>();
    final List<QueueCallStore.QueueCall> outcomes = new CopyOnWriteArrayList<>();
    final List<ConversationRecordingSink.ConversationRecording> conversations = new CopyOnWriteArrayList<>();
    final List<String> earlierCaseLookups = Collections.synchronizedList(new ArrayList<>());
    AmiService service;
    /** Where the service connects, when not straight to the fake (a relay in between). */
    int viaPort;
    /** Configuration on top of {@link #config(int)}. */
    final Map<String, String> overrides = new java.util.HashMap<>();

    AmiRig(FakeAmiServer.Builder builder) {
        server = builder.credentials("line111", "s3cret-for-tests").queue(QUEUE).start();
        vertx.eventBus().<String>consumer(EventAddresses.SCREEN_POP, m -> screenPops.add(new JsonObject(m.body())));
        vertx.eventBus().<String>consumer(EventAddresses.CALL_WRAP_UP, m -> wrapUps.add(new JsonObject(m.body())));
        vertx.eventBus().<String>consumer(EventAddresses.QUEUE_STATE, m -> states.add(new JsonObject(m.body())));
        vertx.eventBus().<String>consumer(EventAddresses.QUEUE_ABANDONED, m -> abandoned.add(new JsonObject(m.body())));
    }

    AmiRig() {
        this(FakeAmiServer.builder());
    }

    static Line111Config config(int port) {
        return Line111Config.of(Map.of("ami.host", "127.0.0.1", "ami.port", String.valueOf(port),
                "ami.username", "line111", "ami.password", "s3cret-for-tests", "ami.ping-seconds", "1",
                "ami.action-timeout-ms", "700"));
    }

    AmiService start(EarlierCases earlier) {
        QueueCallStore store = new QueueCallStore() {
            @Override public void record(QueueCall call) { outcomes.add(call); }
            @Override public List<QueueCall> callBackList(int limit) { return List.of(); }
            @Override public boolean markCalledBack(String u, String o, java.time.Instant at) { return false; }
            @Override public Totals totalsSince(java.time.Instant since, int t) { return Totals.ZERO; }
        };
        EarlierCases recording = subject -> {
            earlierCaseLookups.add(subject.digits());
            return earlier.find(subject);
        };
        Line111Config config = config(viaPort > 0 ? viaPort : server.port());
        for (Map.Entry<String, String> o : overrides.entrySet()) config = config.with(o.getKey(), o.getValue());
        service = new AmiService(config, vertx,
                new AmiService.Dependencies(recording, conversations::add, store, Clock.systemUTC()));
        service.start();
        return service;
    }

    AmiService start() {
        return start(EarlierCases.NONE);
    }

    JsonObject lastState() {
        return states.isEmpty() ? null : states.getLast();
    }

    @Override
    public void close() {
        if (service != null) service.stop();
        server.close();
        vertx.close();
    }
}
