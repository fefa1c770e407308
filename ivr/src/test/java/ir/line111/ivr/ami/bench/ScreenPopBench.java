package ir.line111.ivr.ami.bench;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.fakeasterisk.ami.AmiMessage;
import ir.line111.fakeasterisk.ami.AmiModel;
import ir.line111.fakeasterisk.ami.AsteriskEvents;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.ami.AmiService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./line111 bench ami}: time from an AgentConnect written onto the AMI socket to the screen-pop
 * a WebSocket client receives, N events at R per second (default 10,000 at 200/s).
 *
 * <p>Side by side in the same run, a bare AMI socket reader logged in as a second manager session sees
 * the very same bytes: its latency is the floor (loopback TCP and the fake's write), so the ratio shows
 * what Asterisk-Java, the queue monitor, the event bus and the WebSocket add.
 *
 * <p>The console's WebSocket server is not on main yet: a Vert.x HTTP server here forwards
 * {@code EventAddresses.SCREEN_POP} to every connected WebSocket, as the console will.
 */
public final class ScreenPopBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        quiet();
        String queue = DialplanContract.QUEUE_NAME;
        String operator = "PJSIP/1001";
        long now = Instant.now().getEpochSecond();
        Vertx vertx = Vertx.vertx();
        FakeAmiServer server = FakeAmiServer.builder().credentials("bench", "bench-secret").queue(queue)
                .staticMember(queue, operator, "operator-1", now).start();

        // The console stand-in: every screen-pop on the bus goes to every WebSocket.
        Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
        HttpServer http = vertx.createHttpServer().webSocketHandler(ws -> {
            sockets.add(ws);
            ws.closeHandler(v -> {
                sockets.remove(ws);
                System.out.println("server side WebSocket closed: " + ws.closeStatusCode() + " " + ws.closeReason());
            });
            ws.exceptionHandler(e -> System.out.println("server side WebSocket error: " + e));
        });
        http.listen(0, "127.0.0.1").await();
        AtomicInteger published = new AtomicInteger();
        vertx.eventBus().<String>consumer(EventAddresses.SCREEN_POP, m -> {
            published.incrementAndGet();
            String text = m.body();
            for (ServerWebSocket ws : sockets) ws.writeTextMessage(text);
        });

        AmiService ami = new AmiService(Line111Config.of(Map.of("ami.host", "127.0.0.1",
                "ami.port", String.valueOf(server.port()), "ami.username", "bench", "ami.password", "bench-secret",
                "ami.ping-seconds", "20")), vertx, AmiService.Dependencies.none());
        ami.start();
        while (!ami.snapshot().known()) Thread.sleep(20);

        long[] sentAt = new long[n];
        long[] popAt = new long[n];
        long[] rawAt = new long[n];
        AtomicInteger pops = new AtomicInteger();
        AtomicInteger raws = new AtomicInteger();

        // The client is the JDK's own, on its own threads, as a browser would be: not on Vert.x's event loops.
        java.net.http.WebSocket client = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + http.actualPort() + "/"), new java.net.http.WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                        long t = System.nanoTime();
                        partial.append(data);
                        if (last) {
                            String callId = new JsonObject(partial.toString()).getString("callId");
                            partial.setLength(0);
                            if (callId != null && callId.startsWith("bench-")) {
                                popAt[Integer.parseInt(callId.substring(6))] = t;
                                pops.incrementAndGet();
                            }
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
                        System.out.println("bench WebSocket client closed by the server: " + code + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(java.net.http.WebSocket ws, Throwable error) {
                        System.out.println("bench WebSocket client error: " + error);
                    }
                }).join();
        while (sockets.isEmpty()) Thread.sleep(10);

        Thread raw = Thread.ofPlatform().daemon().name("raw-ami-reader").start(() -> rawReader(server.port(), rawAt, raws));
        while (server.successfulLogins() < 2) Thread.sleep(10);

        // Pre-build every call's events so the paced loop only writes. The first calls warm the JIT up at
        // the same pace and are not measured (call ids "warm-…", unique ids outside the measured range).
        int warm = Math.min(2000, Math.max(200, n / 5));
        int total = warm + n;
        AmiModel.Member member = new AmiModel.Member(operator, "operator-1");
        Set<String> none = Set.of();
        AmiMessage[][] before = new AmiMessage[total][];
        AmiMessage[] connect = new AmiMessage[total];
        AmiMessage[] leave = new AmiMessage[total];
        AmiMessage[][] after = new AmiMessage[total][];
        for (int j = 0; j < total; j++) {
            boolean measured = j >= warm;
            int i = measured ? j - warm : j;
            String uid = now + "." + (measured ? 1000 + i : 2_000_000 + i);
            String callId = (measured ? "bench-" : "warm-") + i;
            AmiModel.Channel caller = new AmiModel.Channel("Local/0912" + j + "@line111-inbound-" + String.format("%08x", j) + ";1",
                    uid, uid, "0912" + (1_000_000 + j), "Caller", "line111-queue", "s");
            AmiModel.Channel agent = new AmiModel.Channel("Local/1001@agents-" + String.format("%08x", j) + ";1",
                    now + "." + (5_000_000 + j), uid, caller.callerNum, "Caller", "agents", "s");
            // As a real queue call: the IVR's variables (VarSet, as AGI SET VARIABLE makes them) and the queue
            // join one slot ahead, QueueCallerLeave just before AgentConnect (Asterisk's order), the hang-up after.
            before[j] = new AmiMessage[] {
                    AsteriskEvents.varSet(caller, DialplanContract.VAR_CALL_ID, callId, none),
                    AsteriskEvents.varSet(caller, DialplanContract.VAR_NATIONAL_ID, "0499370899", none),
                    AsteriskEvents.queueCallerJoin(caller, queue, 1, 1, none)};
            leave[j] = AsteriskEvents.queueCallerLeave(caller, queue, 1, 0, none);
            connect[j] = AsteriskEvents.agentConnect(caller, agent, queue, member, 0, 0, none);
            after[j] = new AmiMessage[] {AsteriskEvents.hangup(caller, 16, "Normal Clearing", none)};
        }

        out("ami bench: %,d AgentConnect events at %d/s (%.0f s, after %,d unmeasured warm-up calls; with VarSet, join,"
                + " leave and hang-up around each, %d AMI events/s in all), load average before: %s%n", n, rate,
                n / (double) rate, warm, rate * 6, loadAverage());
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int j = 0; j < total; j++) {
            long target = start + j * period;
            long wait;
            while ((wait = target - System.nanoTime()) > 0) LockSupport.parkNanos(Math.min(wait, 200_000));
            if (j == 0) for (AmiMessage m : before[0]) server.emit(m);
            if (j + 1 < total) for (AmiMessage m : before[j + 1]) server.emit(m);
            server.emit(leave[j]);
            if (j >= warm) sentAt[j - warm] = System.nanoTime();
            server.emit(connect[j]);
            for (AmiMessage m : after[j]) server.emit(m);
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while ((pops.get() < n || raws.get() < n) && System.nanoTime() < deadline) Thread.sleep(20);

        report("bare AMI socket read (floor)", sentAt, rawAt);
        report("screen-pop on the WebSocket", sentAt, popAt);
        double[] floor = percentiles(sentAt, rawAt);
        double[] pop = percentiles(sentAt, popAt);
        out("ratio pop/floor: p50 %.1fx, p99 %.1fx%n", pop[0] / floor[0], pop[1] / floor[1]);
        out("goal p99 <= 50 ms: %s (p99 %.2f ms)%n", pop[1] <= 50 ? "met" : "NOT met", pop[1]);
        out("load average after: %s (%d cores)%n", loadAverage(), Runtime.getRuntime().availableProcessors());
        out("published on the event bus: %,d; WebSockets open: %d%n", published.get(), sockets.size());
        out("received: %,d of %,d screen-pops, %,d of %,d on the bare socket%n", pops.get(), n, raws.get(), n);

        save();
        ami.stop();
        client.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
        server.close();
        vertx.close().await();
        System.exit(pops.get() == n ? 0 : 1);
    }

    private static final StringBuilder RESULTS = new StringBuilder();

    /** Prints a result line and keeps it for bench-results/ami.txt. */
    private static void out(String format, Object... args) {
        String line = String.format(format, args);
        System.out.print(line);
        RESULTS.append(line);
    }

    private static void save() {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("line111.repo.root", ".")).resolve("bench-results");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("ami.txt"), "# " + Instant.now() + "\n" + RESULTS);
        } catch (java.io.IOException e) {
            System.out.println("could not write bench-results/ami.txt: " + e.getMessage());
        }
    }

    private static void report(String what, long[] sent, long[] got) {
        double[] p = percentiles(sent, got);
        out("%-32s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms%n", what, p[0], p[1], p[2]);
    }

    /** p50, p99, max in milliseconds over the events that arrived. */
    private static double[] percentiles(long[] sent, long[] got) {
        long[] d = new long[sent.length];
        int k = 0;
        for (int i = 0; i < sent.length; i++) if (got[i] != 0) d[k++] = got[i] - sent[i];
        if (k == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        long[] s = Arrays.copyOf(d, k);
        Arrays.sort(s);
        return new double[] {s[(int) (0.50 * (k - 1))] / 1e6, s[(int) Math.ceil(0.99 * (k - 1))] / 1e6, s[k - 1] / 1e6};
    }

    /** A second manager session reading raw lines: notes when each AgentConnect's Uniqueid line arrives. */
    private static void rawReader(int port, long[] at, AtomicInteger count) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write("Action: Login\r\nUsername: bench\r\nSecret: bench-secret\r\nEvents: on\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            boolean inConnect = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("Event: AgentConnect")) inConnect = true;
                else if (line.isEmpty()) inConnect = false;
                else if (inConnect && line.startsWith("Uniqueid: ")) {
                    long t = System.nanoTime();
                    String uid = line.substring(10);
                    int i = Integer.parseInt(uid.substring(uid.indexOf('.') + 1)) - 1000;
                    if (i >= 0 && i < at.length && at[i] == 0) {
                        at[i] = t;
                        count.incrementAndGet();
                    }
                }
            }
        } catch (Exception e) {
            // the bench is over
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void quiet() {
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        // Asterisk-Java warns about "slow" events whenever the machine is busy; that output would skew the run.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.asteriskjava")).setLevel(ch.qos.logback.classic.Level.ERROR);
    }
}
