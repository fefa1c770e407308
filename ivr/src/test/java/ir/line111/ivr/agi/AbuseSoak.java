package ir.line111.ivr.agi;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.fakeasterisk.agi.MalformedEnvironment;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.ami.AmiService;
import ir.line111.ivr.flow.CallFault;
import ir.line111.ivr.prompts.PromptCatalogue;
import ir.line111.ivr.testing.IvrHarness;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./line111 soak abuse [stalled] [ami-events] [fuzz-sessions]}: the figures of issue 12's abuse
 * run, again: stalled FastAGI sockets (slowloris) against real calls, an AMI flood against the queue
 * adapter, and fuzzed AGI arguments and environments. Log volume is measured as production would
 * write it (its pattern and levels). Not part of the test run.
 */
public final class AbuseSoak {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%X{callId:--}] %logger{24} - %msg%n%ex";
    static final CountingAppender LOG = new CountingAppender();
    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws Exception {
        int stalled = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 250_000;
        int fuzz = args.length > 2 ? Integer.parseInt(args[2]) : 610;
        productionLogging();
        System.out.printf("line111 soak abuse: %d stalled sockets, %d AMI events, %d fuzzed AGI sessions (%s)%n",
                stalled, events, fuzz, Instant.now());
        slowloris(stalled);
        amiFlood(events);
        agiFuzz(fuzz);
        System.exit(0);
    }

    // ------------------------------------------------------------------ slowloris

    static void slowloris(int n) throws Exception {
        Path dir = Files.createTempDirectory("soak-agi");
        try (IvrHarness ivr = new IvrHarness(dir)) {
            long heap0 = heapAfterGc();
            long log0 = LOG.lines.get(), bytes0 = LOG.bytes.get();
            byte[] partial = "agi_network: yes\nagi_network_script: line111\nagi_request: agi://127.0.0.1/line111\n"
                    .getBytes(StandardCharsets.US_ASCII);
            List<Socket> sockets = new ArrayList<>(n);
            long t0 = System.nanoTime();
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), ivr.server.port());
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                sockets.add(s);
                s.connect(at, 10_000);
                s.getOutputStream().write(partial);
            }
            while (ivr.server.connectingNow() < n && System.nanoTime() - t0 < 60_000_000_000L) Thread.sleep(10);
            long opened = System.nanoTime();
            long heapStalled = heapAfterGc();
            long[] calls = new long[20];
            int served = 0;
            for (int i = 0; i < calls.length; i++) {
                long c0 = System.nanoTime();
                CallTranscript t = ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build());
                calls[i] = System.nanoTime() - c0;
                if (t.promptNames().contains("main-menu")) served++;
            }
            int stillStalled = ivr.server.connectingNow();
            while (ivr.server.connectingNow() > 0 && System.nanoTime() - opened < 60_000_000_000L) Thread.sleep(10);
            long closedAfter = System.nanoTime() - opened;
            int closedByServer = 0;
            for (Socket s : sockets) {
                s.setSoTimeout(1000);
                try {
                    if (s.getInputStream().read() < 0) closedByServer++;
                } catch (java.net.SocketTimeoutException e) {
                    // still open: not closed by the server
                } catch (IOException e) {
                    // reset: closed too
                    closedByServer++;
                }
                s.close();
            }
            Arrays.sort(calls);
            System.out.println();
            System.out.println("== slowloris (agi.environment-timeout-ms 3000, agi.max-calls 2000)");
            System.out.printf("stalled sockets held open        %d (still waiting while the calls ran: %d)%n", n, stillStalled);
            System.out.printf("real calls served normally       %d of %d, refused %d%n", served, calls.length, ivr.server.refusedCalls());
            System.out.printf("real call (answer..hang-up)      p50 %.1f ms, max %.1f ms (bound: 1000 ms)%n", calls[calls.length / 2] / 1e6, calls[calls.length - 1] / 1e6);
            System.out.printf("stalled sockets closed by server %d, all within %.1f s of being stalled%n", closedByServer, closedAfter / 1e9);
            System.out.printf("heap: idle %d MB, with %d stalled %d MB (%.1f KB each)%n", heap0 >> 20, n, heapStalled >> 20,
                    (heapStalled - heap0) / 1024.0 / n);
            System.out.printf("log: %d lines, %d bytes for %d stalled sockets%n", LOG.lines.get() - log0, LOG.bytes.get() - bytes0, n);
        }
    }

    // ------------------------------------------------------------------ AMI flood

    static void amiFlood(int n) throws Exception {
        String queue = DialplanContract.QUEUE_NAME;
        String operator = "PJSIP/1001";
        Vertx vertx = Vertx.vertx();
        FakeAmiServer server = FakeAmiServer.builder().credentials("soak", "soak-secret").queue(queue)
                .staticMember(queue, operator, "operator-1", Instant.now().getEpochSecond()).start();
        CountDownLatch popped = new CountDownLatch(1);
        vertx.eventBus().<String>consumer(EventAddresses.SCREEN_POP, m -> {
            if ("after-flood".equals(new JsonObject(m.body()).getString("callId"))) popped.countDown();
        });
        AmiService ami = new AmiService(Line111Config.of(Map.of("ami.host", "127.0.0.1", "ami.port", String.valueOf(server.port()),
                "ami.username", "soak", "ami.password", "soak-secret")), vertx, AmiService.Dependencies.none());
        ami.start();
        while (!ami.snapshot().known()) Thread.sleep(20);
        long heap0 = heapAfterGc();
        long log0 = LOG.lines.get(), bytes0 = LOG.bytes.get();
        AtomicLong peak = new AtomicLong(MEMORY.getHeapMemoryUsage().getUsed());
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        int batch = 1000;
        for (int i = 0; i < n; i += batch) server.emitRaw(floodBatch(i, Math.min(batch, n - i), queue, operator));
        long written = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        server.call(queue, "09121234567").join(Map.of(DialplanContract.VAR_CALL_ID, "after-flood"), false).connect(operator);
        boolean pop = popped.await(60, TimeUnit.SECONDS);
        long afterFlood = System.nanoTime() - t1;
        sampler.interrupt();
        long heap1 = heapAfterGc();
        System.out.println();
        System.out.println("== AMI flood (ami.event-queue 10000)");
        System.out.printf("events written                   %d in %.1f s (%.0f events/s; 90%% queue member updates, the rest unused events and BridgeEnter without an id)%n",
                n, written / 1e9, n / (written / 1e9));
        System.out.printf("dropped and counted              %d, most waiting at once %d, malformed messages %d%n",
                ami.droppedEvents(), ami.eventQueueHighWater(), ami.malformedMessages());
        System.out.printf("link                             %s, logins %d (1 = never dropped)%n", ami.connected() ? "connected" : "DOWN", server.successfulLogins());
        System.out.printf("screen-pop after the flood       %s, %.0f ms after the last event was written%n", pop ? "yes" : "NO", afterFlood / 1e6);
        System.out.printf("heap: before %d MB, peak %d MB, after %d MB%n", heap0 >> 20, peak.get() >> 20, heap1 >> 20);
        System.out.printf("log: %d lines, %d bytes for %d events%n", LOG.lines.get() - log0, LOG.bytes.get() - bytes0, n);
        ami.stop();
        server.close();
        vertx.close();
    }

    static String floodBatch(int from, int count, String queue, String operator) {
        StringBuilder b = new StringBuilder(count * 220);
        for (int i = from; i < from + count; i++) {
            switch (i % 20) {
                case 17 -> b.append("Event: Newexten\r\nPrivilege: dialplan,all\r\nChannel: PJSIP/x-").append(i)
                        .append("\r\nUniqueid: 9.").append(i).append("\r\nApplication: NoOp\r\nAppData: soak\r\n\r\n");
                case 18 -> b.append("Event: VarSet\r\nPrivilege: dialplan,all\r\nChannel: PJSIP/x-").append(i)
                        .append("\r\nUniqueid: 9.").append(i).append("\r\nVariable: RTPAUDIOQOS\r\nValue: ssrc=").append(i).append("\r\n\r\n");
                case 19 -> b.append("Event: BridgeEnter\r\nPrivilege: call,all\r\nChannel: PJSIP/x-").append(i)
                        .append("\r\nUniqueid: 9.").append(i).append("\r\n\r\n");
                default -> b.append("Event: QueueMemberStatus\r\nPrivilege: agent,all\r\nQueue: ").append(queue)
                        .append("\r\nMemberName: operator-1\r\nInterface: ").append(operator)
                        .append("\r\nMembership: static\r\nPenalty: 0\r\nCallsTaken: ").append(i % 7)
                        .append("\r\nStatus: 1\r\nPaused: 0\r\nInCall: 0\r\n\r\n");
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ AGI fuzz

    static void agiFuzz(int sessions) throws Exception {
        Random random = new Random(111);
        PromptCatalogue catalogue = PromptCatalogue.load();
        long[] commands = {0};
        List<String> violations = new ArrayList<>();
        long log0 = LOG.lines.get();
        java.util.concurrent.atomic.AtomicReference<List<String>> values = new java.util.concurrent.atomic.AtomicReference<>();
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        AgiScript script = (request, channel) -> {
            AgiCaller caller = new AgiCaller(channel, catalogue);
            List<String> v = values.get();
            for (int k = 0; k < v.size(); k++) {
                try {
                    caller.setVariable("FUZZ_" + k, v.get(k));
                    sent.add("FUZZ_" + k);
                } catch (CallFault tooLong) {
                    // refused as one command too long for Asterisk's buffer: nothing was sent
                }
                caller.variable("V" + v.get(k).substring(0, Math.min(8, v.get(k).length())));
            }
            caller.play(List.of("main-menu"), v.getFirst().substring(0, Math.min(3, v.getFirst().length())));
        };
        BoundedAgiServer server = new BoundedAgiServer((request, channel) -> script, InetAddress.getLoopbackAddress(), 0, 10,
                new AgiLimits(Duration.ofSeconds(3), Duration.ofSeconds(10), 100));
        Thread acceptor = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                server.bindFailed();
            }
        });
        int port = server.awaitBound();
        for (int i = 0; i < sessions; i++) {
            List<String> v = new ArrayList<>();
            for (int k = 0; k < 8; k++) v.add(hostile(random));
            values.set(v);
            sent.clear();
            CallTranscript t = FakeAsterisk.call("127.0.0.1", port, "fuzz").readTimeout(Duration.ofSeconds(10))
                    .script(CallerScript.silent()).run();
            List<String> ours = t.commands().stream().filter(c -> !c.contains("AJ_AGISTATUS")).toList();
            commands[0] += ours.size();
            int expected = sent.size() + v.size() + 1;
            if (ours.size() != expected) violations.add("session " + i + ": " + ours.size() + " command lines for " + expected + " commands");
            if (t.variablesSet().keySet().stream().anyMatch(n -> !n.startsWith("FUZZ_") && !n.equals("AJ_AGISTATUS"))) {
                violations.add("session " + i + ": injected " + t.variablesSet().keySet());
            }
            for (String name : sent) {
                String want = sanitized(v.get(Integer.parseInt(name.substring(5))));
                if (!want.equals(t.variablesSet().get(name))) violations.add("session " + i + ": " + name + " arrived changed");
            }
        }
        server.stopAccepting();
        acceptor.join(5000);
        // Broken environments and hostile environment values against the real IVR.
        Path dir = Files.createTempDirectory("soak-fuzz");
        int envSessions = 0, served = 0;
        try (IvrHarness ivr = new IvrHarness(dir)) {
            for (MalformedEnvironment kind : MalformedEnvironment.values()) {
                ivr.call("line111").malformedEnvironment(kind).run();
                envSessions++;
            }
            for (int i = 0; i < 60; i++) {
                ivr.call("line111").uniqueId(hostile(random)).callerId(hostile(random)).channel(hostile(random)).run();
                envSessions++;
            }
            served = ivr.entry(CallerScript.builder().onPrompt("main-menu").press("9").always().build()).promptNames().contains("main-menu") ? 1 : 0;
        }
        System.out.println();
        System.out.println("== AGI fuzz (every control character 0x00-0x1F and 0x7F, quotes, backslashes, long values)");
        System.out.printf("argument sessions                %d, %d command lines, %d violations (split or injected commands, changed values)%n",
                sessions, commands[0], violations.size());
        violations.stream().limit(5).forEach(v -> System.out.println("  " + v));
        System.out.printf("environment sessions             %d broken or hostile; a normal call afterwards %s%n", envSessions, served == 1 ? "served" : "NOT SERVED");
        System.out.printf("log: %d lines in all for the fuzz%n", LOG.lines.get() - log0);
    }

    static String hostile(Random r) {
        int len = r.nextInt(10) == 0 ? 1500 + r.nextInt(1500) : 1 + r.nextInt(40);
        StringBuilder b = new StringBuilder(len);
        String specials = "\"\\ \t&;,|$(){}[]'`";
        for (int i = 0; i < len; i++) {
            int pick = r.nextInt(10);
            if (pick < 3) b.append((char) (r.nextInt(10) == 0 ? 0x7f : r.nextInt(0x20)));
            else if (pick < 5) b.append(specials.charAt(r.nextInt(specials.length())));
            else if (pick < 6) b.append((char) (0x0600 + r.nextInt(0x100)));
            else b.append((char) ('!' + r.nextInt(94)));
        }
        return b.toString();
    }

    static String sanitized(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (char c : v.toCharArray()) b.append(c < 0x20 || c == 0x7f ? '?' : c);
        return b.toString();
    }

    // ------------------------------------------------------------------ measuring

    static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Production's levels and pattern; the lines are counted, not printed. */
    static void productionLogging() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.INFO);
        for (String quiet : List.of("org.hibernate", "com.zaxxer.hikari", "io.netty", "org.asteriskjava", "org.flywaydb",
                "ir.line111.core.persistence")) {
            ctx.getLogger(quiet).setLevel(Level.WARN);
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(ctx);
        layout.setPattern(PATTERN);
        layout.start();
        LOG.layout = layout;
        LOG.setContext(ctx);
        LOG.start();
        root.addAppender(LOG);
    }

    static final class CountingAppender extends AppenderBase<ILoggingEvent> {
        final AtomicLong lines = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        PatternLayout layout;

        @Override
        protected void append(ILoggingEvent e) {
            lines.incrementAndGet();
            bytes.addAndGet(layout.doLayout(e).getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
