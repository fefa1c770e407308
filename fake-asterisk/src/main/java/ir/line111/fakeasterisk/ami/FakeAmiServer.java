package ir.line111.fakeasterisk.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Asterisk's side of the Manager Interface over TCP, answering as Asterisk 22.10.1 does in the traces:
 * banner, Challenge and MD5 or plain Login, list actions with EventList completions, queue actions
 * with their side events, errors with Asterisk's own messages. Tests script queue calls through
 * {@link #call}, drop connections, take the whole "Asterisk" down and back, freeze a connection
 * (a half-open socket), inject garbage, and read back every action received.
 *
 * <p>Listens on 127.0.0.1, port 0 unless told; a restart comes back on the same port.
 */
public final class FakeAmiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeAmiServer.class);
    public static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
    public static final String VERSION_LINE =
            "Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-22 19:41:53 UTC";

    /** An action as received, with the number of the connection it came on (1 for the first). */
    public record Received(int connection, AmiMessage action) {
        public String name() { return action.get("Action"); }
    }

    private final String username;
    private final String secret;
    private final Duration failedLoginDelay;
    private final Set<String> chanVars;
    private final Set<String> refused;
    private final long startedAtSeconds = Instant.now().getEpochSecond();
    private final ReentrantLock lock = new ReentrantLock();
    private final AmiModel model = new AmiModel();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger channelSeq = new AtomicInteger();
    private final AtomicInteger uniqueSeq = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile int port;
    private volatile boolean booting;

    private FakeAmiServer(Builder b) {
        this.username = b.username;
        this.secret = b.secret;
        this.failedLoginDelay = b.failedLoginDelay;
        this.chanVars = Set.copyOf(new LinkedHashSet<>(b.chanVars));
        this.refused = Set.copyOf(b.refused);
        this.port = b.port;
        b.setup.forEach(s -> s.accept(model));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String username = "line111";
        private String secret = "fake-secret";
        private Duration failedLoginDelay = Duration.ofSeconds(1);
        private final List<String> chanVars = new ArrayList<>();
        private final List<Consumer<AmiModel>> setup = new ArrayList<>();
        private final Set<String> refused = new java.util.HashSet<>();
        private int port;

        /** As a manager.conf user without the write class for these actions: "Permission denied". */
        public Builder refuse(String... actions) {
            for (String a : actions) refused.add(a.toLowerCase());
            return this;
        }

        public Builder credentials(String username, String secret) {
            this.username = username;
            this.secret = secret;
            return this;
        }

        /** Asterisk waits 1 s before refusing a login (traced); tests may shorten it. */
        public Builder failedLoginDelay(Duration d) {
            this.failedLoginDelay = d;
            return this;
        }

        /** As manager.conf {@code channelvars=}: these variables come as ChanVariable on every channel event. */
        public Builder channelVariablesInEvents(String... names) {
            chanVars.addAll(List.of(names));
            return this;
        }

        public Builder queue(String name) {
            setup.add(m -> m.queue(name));
            return this;
        }

        /** A static member from queues.conf ({@code member => iface,penalty,name}). */
        public Builder staticMember(String queue, String iface, String name, long loginTime) {
            setup.add(m -> {
                AmiModel.Member mem = new AmiModel.Member(iface, name);
                mem.membership = "static";
                mem.loginTime = loginTime;
                m.queue(queue).members.put(iface, mem);
            });
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The rig the traces were captured on: user ivrctl, its queues in Asterisk's listing order. */
        public Builder traceRig() {
            credentials("ivrctl", "ivrctl-secret");
            queue("trace-empty-leavewhenempty").queue("trace-empty-default").queue("testq")
                    .staticMember("testq", "Local/agent@agents/n", "AgentLocal", 1795378542L)
                    .queue("trace-noanswer")
                    .staticMember("trace-noanswer", "Local/ringforever@agents-trace/n", "RingForever", 1795378542L)
                    .queue("trace-empty-joinempty-no");
            return this;
        }

        public FakeAmiServer build() {
            return new FakeAmiServer(this);
        }

        public FakeAmiServer start() {
            FakeAmiServer s = build();
            s.start();
            return s;
        }
    }

    // ---------------------------------------------------------------- lifecycle

    public FakeAmiServer start() {
        // Coming back on the same port can briefly fail while the old listener's socket is released.
        IOException last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                port = ss.getLocalPort();
                server = ss;
                Thread.ofVirtual().name("fake-ami-accept-" + port).start(() -> acceptLoop(ss));
                return this;
            } catch (IOException e) {
                last = e;
                if (port == 0) break;
                sleepQuietly(50);
            }
        }
        throw new IllegalStateException("fake AMI cannot listen on 127.0.0.1:" + port + ": " + last, last);
    }

    public int port() {
        return port;
    }

    public String username() { return username; }

    public String secret() { return secret; }

    /** Closes every client connection at once (RST), as a crash or a cut cable would; keeps listening. */
    public void dropConnections() {
        for (Session s : sessions) s.abort();
    }

    /** Asterisk is gone: no listener, no connections (refused until {@link #comeBack}). */
    public void goDown() {
        closeListener();
        dropConnections();
    }

    /** A clean stop as after SIGTERM: Shutdown event, the FIN about 15 ms later, then no listener. */
    public void shutdown(boolean restart) {
        emit(AsteriskEvents.shutdown(restart));
        sleepQuietly(15);
        closeListener();
        for (Session s : sessions) s.close();
    }

    /** Listens again on the same port. Logins are accepted before FullyBooted, as after a real restart. */
    public void comeBack() {
        booting = true;
        start();
        Thread.ofVirtual().start(() -> {
            sleepQuietly(150);
            booting = false;
            emit(AsteriskEvents.fullyBootedBroadcast());
        });
    }

    /**
     * The connections open now stay open but nothing more is read or answered on them: a half-open socket
     * as the client sees it when the far side vanished without a FIN. New connections work normally.
     */
    public void freezeOpenConnections() {
        for (Session s : sessions) s.frozen = true;
    }

    @Override
    public void close() {
        closeListener();
        for (Session s : sessions) s.abort();
    }

    private void closeListener() {
        ServerSocket ss = server;
        server = null;
        if (ss != null) {
            try {
                ss.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---------------------------------------------------------------- observation

    public List<Received> actions() {
        return List.copyOf(received);
    }

    public List<Received> actions(String name) {
        return received.stream().filter(r -> name.equalsIgnoreCase(r.name())).toList();
    }

    public int connectionsAccepted() {
        return connections.get();
    }

    public int successfulLogins() {
        return logins.get();
    }

    public int openSessions() {
        return (int) sessions.stream().filter(s -> !s.closed).count();
    }

    /** Reads or changes the truth under the server's lock, without telling any client (as during an outage). */
    public <T> T inModel(java.util.function.Function<AmiModel, T> f) {
        lock.lock();
        try {
            return f.apply(model);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- events

    /** Sends an event to every logged-in connection that asked for events. */
    public void emit(AmiMessage event) {
        String wire = event.render();
        for (Session s : sessions) if (s.authenticated && s.eventsOn) s.write(wire);
    }

    /** Raw bytes to every logged-in connection: for malformed input. */
    public void emitRaw(String bytes) {
        for (Session s : sessions) if (s.authenticated) s.write(bytes);
    }

    public void replay(List<AmiMessage> events) {
        for (AmiMessage e : events) emit(e);
    }

    /** Emits events and changes the truth atomically, so a concurrent QueueStatus sees one or the other. */
    private void change(Consumer<List<AmiMessage>> body) {
        List<AmiMessage> out = new ArrayList<>();
        lock.lock();
        try {
            body.accept(out);
            for (AmiMessage e : out) emit(e);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- scripted queue calls

    /** A caller on the queue leg, from joining the queue to hanging up. */
    public final class QueueCall {
        public final AmiModel.Channel channel;
        public final String queue;
        private AmiModel.Channel agentChannel;
        private AmiModel.Member member;
        private final long joinedAt = System.currentTimeMillis();
        private long connectedAt;
        private int originalPosition;

        QueueCall(AmiModel.Channel channel, String queue) {
            this.channel = channel;
            this.queue = queue;
        }

        public String uniqueId() { return channel.uniqueId; }

        private long waited() { return Math.max(0, (System.currentTimeMillis() - joinedAt) / 1000); }

        /** The dialplan sets variables (AGI SET VARIABLE), then Queue() adds the caller: VarSet…, QueueCallerJoin. */
        public QueueCall join(Map<String, String> variables, boolean silently) {
            Consumer<List<AmiMessage>> body = out -> {
                model.channels.put(channel.uniqueId, channel);
                for (var v : variables.entrySet()) {
                    channel.vars.put(v.getKey(), v.getValue());
                    out.add(AsteriskEvents.varSet(channel, v.getKey(), v.getValue(), chanVars));
                }
                channel.application = "Queue";
                channel.applicationData = queue + ",,,,60";
                channel.priority = 4;
                AmiModel.Queue q = model.queue(queue);
                q.entries.add(channel);
                originalPosition = q.entries.size();
                out.add(AsteriskEvents.queueCallerJoin(channel, queue, q.entries.size(), q.entries.size(), chanVars));
            };
            if (silently) inModel(m -> { body.accept(new ArrayList<>()); return null; });
            else change(body);
            return this;
        }

        /** The member answers: MixMonitorStart, QueueCallerLeave, AgentConnect, QueueMemberStatus (InCall 1). */
        public QueueCall connect(String memberInterface) {
            change(out -> {
                AmiModel.Queue q = model.queue(queue);
                member = q.members.get(memberInterface);
                if (member == null) throw new IllegalStateException("no member " + memberInterface + " in " + queue);
                int pos = q.entries.indexOf(channel) + 1;
                q.entries.remove(channel);
                String n = String.format("%08x", channelSeq.incrementAndGet());
                agentChannel = new AmiModel.Channel("Local/" + memberInterface.replace("Local/", "").replace("/n", "")
                        + "-" + n + ";1", nextUniqueId(), channel.linkedId, channel.callerNum, channel.callerName,
                        "agents", "s");
                model.channels.put(agentChannel.uniqueId, agentChannel);
                String bridge = java.util.UUID.randomUUID().toString();
                channel.bridgeId = bridge;
                agentChannel.bridgeId = bridge;
                connectedAt = System.currentTimeMillis();
                out.add(AsteriskEvents.mixMonitorStart(channel, chanVars));
                out.add(AsteriskEvents.queueCallerLeave(channel, queue, Math.max(pos, 1), q.entries.size(), chanVars));
                out.add(AsteriskEvents.agentConnect(channel, agentChannel, queue, member, waited(), 0, chanVars));
                member.inCall = 1;
                member.status = AmiModel.INUSE;
                out.add(AsteriskEvents.queueMember("QueueMemberStatus", queue, member));
            });
            return this;
        }

        /** The operator hangs up: AgentComplete, Hangup ×2, QueueMemberStatus back to not in use. */
        public QueueCall complete() {
            change(out -> {
                long talk = Math.max(0, (System.currentTimeMillis() - connectedAt) / 1000);
                out.add(AsteriskEvents.hangup(agentChannel, 16, "Normal Clearing", chanVars));
                out.add(AsteriskEvents.agentComplete(channel, agentChannel, queue, member,
                        Math.max(0, (connectedAt - joinedAt) / 1000), talk, "agent", chanVars));
                model.channels.remove(agentChannel.uniqueId);
                model.channels.remove(channel.uniqueId);
                member.inCall = 0;
                member.status = AmiModel.NOT_INUSE;
                member.callsTaken++;
                member.lastCall = Instant.now().getEpochSecond();
                model.queue(queue).completed++;
                out.add(AsteriskEvents.queueMember("QueueMemberStatus", queue, member));
                out.add(AsteriskEvents.hangup(channel, 16, "Normal Clearing", chanVars));
            });
            return this;
        }

        /** The caller hangs up while waiting: ABANDONED=TRUE, QueueCallerAbandon, QueueCallerLeave, Hangup. */
        public QueueCall abandon(boolean silently) {
            Consumer<List<AmiMessage>> body = out -> {
                AmiModel.Queue q = model.queue(queue);
                int pos = q.entries.indexOf(channel) + 1;
                q.entries.remove(channel);
                q.abandoned++;
                model.channels.remove(channel.uniqueId);
                out.add(AsteriskEvents.varSet(channel, "ABANDONED", "TRUE", chanVars));
                out.add(AsteriskEvents.queueCallerAbandon(channel, queue, pos, originalPosition, waited(), chanVars));
                out.add(AsteriskEvents.queueCallerLeave(channel, queue, pos, q.entries.size(), chanVars));
                out.add(AsteriskEvents.hangup(channel, 16, "Normal Clearing", chanVars));
            };
            if (silently) inModel(m -> { body.accept(new ArrayList<>()); return null; });
            else change(body);
            return this;
        }

        /**
         * Queue() gives up without the caller hanging up (timeout, leave-empty): Asterisk still says
         * QueueCallerAbandon; only QUEUESTATUS tells them apart. The dialplan then carries on.
         */
        public QueueCall leaveWithStatus(String queueStatus) {
            change(out -> {
                AmiModel.Queue q = model.queue(queue);
                int pos = q.entries.indexOf(channel) + 1;
                q.entries.remove(channel);
                q.abandoned++;
                out.add(AsteriskEvents.varSet(channel, "ABANDONED", "TRUE", chanVars));
                out.add(AsteriskEvents.queueCallerAbandon(channel, queue, pos, originalPosition, waited(), chanVars));
                out.add(AsteriskEvents.queueCallerLeave(channel, queue, pos, q.entries.size(), chanVars));
                channel.vars.put("QUEUESTATUS", queueStatus);
                out.add(AsteriskEvents.varSet(channel, "QUEUESTATUS", queueStatus, chanVars));
            });
            return this;
        }

        public QueueCall hangup() {
            change(out -> {
                model.channels.remove(channel.uniqueId);
                out.add(AsteriskEvents.hangup(channel, 16, "Normal Clearing", chanVars));
            });
            return this;
        }
    }

    /** A new caller channel for a queue, not yet joined. */
    public QueueCall call(String queue, String callerNumber) {
        String n = String.format("%08x", channelSeq.incrementAndGet());
        String uid = nextUniqueId();
        AmiModel.Channel c = new AmiModel.Channel("Local/" + callerNumber + "@line111-inbound-" + n + ";1", uid, uid,
                callerNumber, "Caller " + callerNumber, "line111-queue", "s");
        return new QueueCall(c, queue);
    }

    private String nextUniqueId() {
        return startedAtSeconds + "." + uniqueSeq.getAndIncrement();
    }

    /** Changes a member's device state (e.g. the phone goes unavailable) and says so, as Asterisk does. */
    public void memberDeviceState(String queue, String iface, int status, boolean silently) {
        Consumer<List<AmiMessage>> body = out -> {
            AmiModel.Member m = model.queue(queue).members.get(iface);
            if (m == null) return;
            m.status = status;
            out.add(AsteriskEvents.queueMember("QueueMemberStatus", queue, m));
        };
        if (silently) inModel(m -> { body.accept(new ArrayList<>()); return null; });
        else change(body);
    }

    // ---------------------------------------------------------------- connection handling

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                Session session = new Session(s, connections.incrementAndGet());
                sessions.add(session);
                Thread.ofVirtual().name("fake-ami-session-" + session.number).start(session::run);
            } catch (IOException e) {
                if (!ss.isClosed()) log.warn("fake AMI accept failed: {}", e.getMessage());
            }
        }
    }

    private final class Session {
        final Socket socket;
        final int number;
        final OutputStream out;
        final String sessionId = "0x" + Long.toHexString(0x7f0000000000L + ThreadLocalRandom.current().nextLong(1L << 32));
        final String sessionTv = eventTv();
        volatile boolean authenticated;
        volatile boolean eventsOn = true;
        volatile boolean closed;
        volatile boolean frozen;
        String challenge;

        Session(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.number = number;
            this.out = socket.getOutputStream();
        }

        void run() {
            try (socket) {
                write(BANNER);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                List<AmiMessage.Header> cur = new ArrayList<>();
                String line;
                while (!closed && (line = in.readLine()) != null) {
                    while (frozen && !closed) sleepQuietly(20);
                    if (line.isEmpty()) {
                        if (cur.isEmpty()) continue;
                        AmiMessage action = new AmiMessage(cur);
                        cur = new ArrayList<>();
                        received.add(new Received(number, action));
                        if (!handle(action)) break;
                        continue;
                    }
                    int colon = line.indexOf(':');
                    if (colon < 0) continue; // Asterisk ignores a header line without a colon
                    cur.add(new AmiMessage.Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
                }
            } catch (IOException e) {
                // the client went away or we aborted: both end the session
            } finally {
                closed = true;
                sessions.remove(this);
            }
        }

        void write(String s) {
            if (closed || frozen) return; // a half-open peer: bytes go nowhere
            synchronized (this) {
                try {
                    out.write(s.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                }
            }
        }

        void abort() {
            closed = true;
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        /** Answers one action; false to close the connection afterwards. */
        boolean handle(AmiMessage a) {
            String action = a.get("Action");
            String id = a.get("ActionID");
            if (action == null) {
                respond(error(id, "Missing action in request"));
                return true;
            }
            String act = action.toLowerCase();
            if (!authenticated && !act.equals("login") && !act.equals("challenge") && !act.equals("logoff")) {
                respond(error(id, "Permission denied"));
                return true;
            }
            if (refused.contains(act)) {
                respond(error(id, "Permission denied"));
                return true;
            }
            switch (act) {
                case "challenge" -> {
                    if (!"md5".equalsIgnoreCase(a.get("AuthType"))) {
                        respond(error(id, "Must specify AuthType"));
                    } else {
                        if (challenge == null) challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, Integer.MAX_VALUE));
                        respond(success(id).with("Challenge", challenge));
                    }
                }
                case "login" -> {
                    return login(a, id);
                }
                case "logoff" -> {
                    respond(AmiMessage.of("Response", "Goodbye").withId(id).with("Message", "Thanks for all the fish."));
                    return false;
                }
                case "ping" -> respond(success(id).with("Ping", "Pong").with("Timestamp", AsteriskEvents.timestamp()));
                case "coresettings" -> respond(coreSettings(id));
                case "command" -> respond(command(a, id));
                case "queuestatus" -> queueStatus(a, id);
                case "queuesummary" -> queueSummary(a, id);
                case "coreshowchannels" -> coreShowChannels(id);
                case "queueadd" -> queueAdd(a, id);
                case "queuepause" -> queuePause(a, id);
                case "queueremove" -> queueRemove(a, id);
                case "getvar" -> getVar(a, id);
                case "hangup" -> hangupAction(a, id);
                case "stopmixmonitor" -> stopMixMonitor(a, id);
                // The fake places no calls: only Originate's validation answers are modelled.
                case "originate" -> respond(error(id, a.get("Channel") == null || a.get("Channel").isEmpty()
                        ? "Channel not specified" : "Extension does not exist."));
                default -> {
                    respond(error(id, "Invalid/unknown command: " + action
                            + ". Use Action: ListCommands to show available commands."));
                    emitTo(requestBadFormat(action));
                }
            }
            return true;
        }

        boolean login(AmiMessage a, String id) {
            if (authenticated) {
                respond(success(id).with("Message", "Already authenticated"));
                return true;
            }
            boolean ok = username.equals(a.get("Username"));
            if (ok) {
                if ("md5".equalsIgnoreCase(a.get("AuthType"))) {
                    ok = challenge != null && md5(challenge + secret).equalsIgnoreCase(String.valueOf(a.get("Key")));
                } else {
                    ok = secret.equals(a.get("Secret"));
                }
            }
            if (!ok) {
                sleepQuietly(failedLoginDelay.toMillis());
                respond(error(id, "Authentication failed"));
                return false;
            }
            String events = a.get("Events");
            eventsOn = events == null || !events.equalsIgnoreCase("off");
            respond(success(id).with("Message", "Authentication accepted"));
            authenticated = true;
            logins.incrementAndGet();
            if (eventsOn) {
                long up = Instant.now().getEpochSecond() - startedAtSeconds;
                if (!booting) {
                    write(AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", String.valueOf(up),
                            "LastReload", String.valueOf(up), "Status", "Fully Booted").render());
                }
                write(successfulAuth().render());
            }
            return true;
        }

        void emitTo(AmiMessage event) {
            if (eventsOn) write(event.render());
        }

        void respond(AmiMessage m) {
            write(m.render());
        }

        private AmiMessage securityHead(String event, String severity) {
            return AmiMessage.of("Event", event, "Privilege", "security,all", "Timestamp", AsteriskEvents.timestamp(),
                    "EventTV", eventTv(), "Severity", severity, "Service", "AMI", "EventVersion", "1");
        }

        AmiMessage successfulAuth() {
            return securityHead("SuccessfulAuth", "Informational").with("AccountID", username)
                    .with("SessionID", sessionId).with("LocalAddress", "IPV4/TCP/127.0.0.1/" + port)
                    .with("RemoteAddress", "IPV4/TCP/127.0.0.1/" + socket.getPort()).with("UsingPassword", "0")
                    .with("SessionTV", sessionTv);
        }

        AmiMessage requestBadFormat(String action) {
            return securityHead("RequestBadFormat", "Error").with("SessionID", sessionId)
                    .with("LocalAddress", "IPV4/TCP/127.0.0.1/" + port)
                    .with("RemoteAddress", "IPV4/TCP/127.0.0.1/" + socket.getPort())
                    .with("RequestType", "Action: " + action).with("SessionTV", sessionTv).with("AccountID", username);
        }

        // --- list actions: response with EventList start, items (ActionID last), Complete with ListItems

        void queueStatus(AmiMessage a, String id) {
            String onlyQueue = a.get("Queue");
            String onlyMember = a.get("Member");
            List<AmiMessage> items = new ArrayList<>();
            lock.lock();
            try {
                long now = Instant.now().getEpochSecond();
                for (AmiModel.Queue q : model.queues.values()) {
                    if (onlyQueue != null && !onlyQueue.isEmpty() && !onlyQueue.equals(q.name)) continue;
                    items.add(AmiMessage.of("Event", "QueueParams", "Queue", q.name, "Max", s(q.max), "Strategy", q.strategy,
                            "Calls", s(q.entries.size()), "Holdtime", s(q.holdtime), "TalkTime", s(q.talktime),
                            "Completed", s(q.completed), "Abandoned", s(q.abandoned), "ServiceLevel", s(q.serviceLevel),
                            "ServicelevelPerf", "0.0", "ServicelevelPerf2", "0.0", "Weight", s(q.weight)).withId(id));
                    for (AmiModel.Member m : q.members.values()) {
                        if (onlyMember != null && !onlyMember.isEmpty() && !onlyMember.equals(m.iface) && !onlyMember.equals(m.name)) continue;
                        items.add(AmiMessage.of("Event", "QueueMember", "Queue", q.name, "Name", m.name, "Location", m.iface,
                                "StateInterface", m.stateInterface, "Membership", m.membership, "Penalty", s(m.penalty),
                                "CallsTaken", s(m.callsTaken), "LastCall", s(m.lastCall), "LastPause", s(m.lastPause),
                                "LoginTime", s(m.loginTime), "InCall", s(m.inCall), "Status", s(m.status),
                                "Paused", m.paused ? "1" : "0", "PausedReason", m.pausedReason,
                                "Wrapuptime", s(m.wrapuptime)).withId(id));
                    }
                    int pos = 0;
                    for (AmiModel.Channel c : q.entries) {
                        pos++;
                        items.add(AmiMessage.of("Event", "QueueEntry", "Queue", q.name, "Position", s(pos), "Channel", c.name,
                                "Uniqueid", c.uniqueId, "CallerIDNum", c.callerNum, "CallerIDName", c.callerName,
                                "ConnectedLineNum", c.callerNum, "ConnectedLineName", c.callerName,
                                "Wait", s(Math.max(0, now - c.createdAtMillis / 1000)), "Priority", "0").withId(id));
                    }
                }
            } finally {
                lock.unlock();
            }
            list(id, "Queue status will follow", items, "QueueStatusComplete");
        }

        void queueSummary(AmiMessage a, String id) {
            String onlyQueue = a.get("Queue");
            List<AmiMessage> items = new ArrayList<>();
            lock.lock();
            try {
                long now = Instant.now().getEpochSecond();
                for (AmiModel.Queue q : model.queues.values()) {
                    if (onlyQueue != null && !onlyQueue.isEmpty() && !onlyQueue.equals(q.name)) continue;
                    long longest = q.entries.stream().mapToLong(c -> Math.max(0, now - c.createdAtMillis / 1000)).max().orElse(0);
                    items.add(AmiMessage.of("Event", "QueueSummary", "Queue", q.name, "LoggedIn", s(q.loggedIn()),
                            "Available", s(q.available()), "Callers", s(q.entries.size()), "HoldTime", s(q.holdtime),
                            "TalkTime", s(q.talktime), "LongestHoldTime", s(longest)).withId(id));
                }
            } finally {
                lock.unlock();
            }
            list(id, "Queue summary will follow", items, "QueueSummaryComplete");
        }

        void coreShowChannels(String id) {
            List<AmiMessage> items = new ArrayList<>();
            lock.lock();
            try {
                long now = System.currentTimeMillis();
                for (AmiModel.Channel c : model.channels.values()) {
                    long secs = Math.max(0, (now - c.createdAtMillis) / 1000);
                    AmiMessage m = AmiMessage.of("Event", "CoreShowChannel").withId(id);
                    m = append(m, "Channel", c.name, "ChannelState", s(c.state), "ChannelStateDesc", c.stateDesc(),
                            "CallerIDNum", c.callerNum, "CallerIDName", c.callerName, "ConnectedLineNum", c.callerNum,
                            "ConnectedLineName", c.callerName, "Language", "en", "AccountCode", "", "Context", c.context,
                            "Exten", c.exten, "Priority", s(c.priority), "Uniqueid", c.uniqueId, "Linkedid", c.linkedId,
                            "Application", c.application, "ApplicationData", c.applicationData,
                            "Duration", String.format("%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60),
                            "BridgeId", c.bridgeId);
                    items.add(m);
                }
            } finally {
                lock.unlock();
            }
            list(id, "Channels will follow", items, "CoreShowChannelsComplete");
        }

        void list(String id, String message, List<AmiMessage> items, String completeEvent) {
            StringBuilder sb = new StringBuilder();
            sb.append(success(id).with("EventList", "start").with("Message", message).render());
            for (AmiMessage m : items) sb.append(m.render());
            sb.append(AmiMessage.of("Event", completeEvent).withId(id).with("EventList", "Complete")
                    .with("ListItems", s(items.size())).render());
            write(sb.toString());
        }

        // --- queue member actions, with Asterisk's messages and side events

        void queueAdd(AmiMessage a, String id) {
            String queue = a.get("Queue"), iface = a.get("Interface");
            if (queue == null || queue.isEmpty()) { respond(error(id, "'Queue' not specified.")); return; }
            if (iface == null || iface.isEmpty()) { respond(error(id, "'Interface' not specified.")); return; }
            change(out -> {
                AmiModel.Queue q = model.queues.get(queue);
                if (q == null) { respond(error(id, "Unable to add interface to queue: No such queue")); return; }
                if (q.members.containsKey(iface)) { respond(error(id, "Unable to add interface: Already there")); return; }
                String name = a.get("MemberName");
                AmiModel.Member m = new AmiModel.Member(iface, name == null || name.isEmpty() ? iface : name);
                String si = a.get("StateInterface");
                if (si != null && !si.isEmpty()) {
                    m.stateInterface = si;
                    m.status = si.startsWith("Custom:") ? AmiModel.UNKNOWN : AmiModel.NOT_INUSE;
                }
                m.penalty = parseInt(a.get("Penalty"));
                m.paused = truthy(a.get("Paused"));
                m.loginTime = Instant.now().getEpochSecond();
                if (m.paused) {
                    m.lastPause = m.loginTime;
                    String reason = a.get("Reason");
                    m.pausedReason = reason == null ? "" : reason;
                }
                q.members.put(iface, m);
                respond(success(id).with("Message", "Added interface to queue"));
                out.add(AsteriskEvents.deviceStateChange("Queue:" + queue + "_pause_" + iface, m.paused ? "INUSE" : "NOT_INUSE"));
                out.add(AsteriskEvents.queueMember("QueueMemberAdded", queue, m));
                out.add(AsteriskEvents.deviceStateChange("Queue:" + queue + "_avail", q.available() > 0 ? "NOT_INUSE" : "INUSE"));
            });
        }

        void queuePause(AmiMessage a, String id) {
            String iface = a.get("Interface"), paused = a.get("Paused"), queue = a.get("Queue");
            if (iface == null || iface.isEmpty() || paused == null || paused.isEmpty()) {
                respond(error(id, "Need 'Interface' and 'Paused' parameters."));
                return;
            }
            boolean p = truthy(paused);
            String reason = a.get("Reason");
            change(out -> {
                boolean found = false;
                for (AmiModel.Queue q : model.queues.values()) {
                    if (queue != null && !queue.isEmpty() && !queue.equals(q.name)) continue;
                    AmiModel.Member m = q.members.get(iface);
                    if (m == null) continue;
                    found = true;
                    m.paused = p;
                    m.pausedReason = p && reason != null ? reason : "";
                    if (p) m.lastPause = Instant.now().getEpochSecond();
                    out.add(AsteriskEvents.deviceStateChange("Queue:" + q.name + "_pause_" + iface, p ? "INUSE" : "NOT_INUSE"));
                    out.add(AsteriskEvents.queueMember("QueueMemberPause", q.name, m));
                }
                if (!found) respond(error(id, "Interface not found"));
                else respond(success(id).with("Message", p ? "Interface paused successfully" : "Interface unpaused successfully"));
            });
        }

        void queueRemove(AmiMessage a, String id) {
            String queue = a.get("Queue"), iface = a.get("Interface");
            if (queue == null || queue.isEmpty() || iface == null || iface.isEmpty()) {
                respond(error(id, "Need 'Queue' and 'Interface' parameters."));
                return;
            }
            change(out -> {
                AmiModel.Queue q = model.queues.get(queue);
                if (q == null) { respond(error(id, "Unable to remove interface from queue: No such queue")); return; }
                AmiModel.Member m = q.members.get(iface);
                if (m == null) { respond(error(id, "Unable to remove interface: Not there")); return; }
                if ("static".equals(m.membership)) { respond(error(id, "Member not dynamic")); return; }
                q.members.remove(iface);
                respond(success(id).with("Message", "Removed interface from queue"));
                out.add(AsteriskEvents.queueMember("QueueMemberRemoved", queue, m));
            });
        }

        void getVar(AmiMessage a, String id) {
            String variable = a.get("Variable"), channel = a.get("Channel");
            if (variable == null || variable.isEmpty()) { respond(error(id, "No variable specified")); return; }
            String value = inModel(m -> {
                if (channel == null || channel.isEmpty()) return "";
                AmiModel.Channel c = m.channelByName(channel);
                return c == null ? null : c.vars.getOrDefault(variable, "");
            });
            if (value == null) respond(error(id, "No such channel"));
            else respond(success(id).with("Variable", variable).with("Value", value));
        }

        void hangupAction(AmiMessage a, String id) {
            String channel = a.get("Channel");
            if (channel == null || channel.isEmpty()) { respond(error(id, "No channel specified")); return; }
            AmiModel.Channel c = inModel(m -> m.channelByName(channel));
            if (c == null) { respond(error(id, "No such channel")); return; }
            respond(success(id).with("Message", "Channel Hungup"));
            change(out -> {
                model.channels.remove(c.uniqueId);
                for (AmiModel.Queue q : model.queues.values()) q.entries.remove(c);
                out.add(AsteriskEvents.hangup(c, 16, "Normal Clearing", chanVars));
            });
        }

        void stopMixMonitor(AmiMessage a, String id) {
            String channel = a.get("Channel");
            AmiModel.Channel c = channel == null ? null : inModel(m -> m.channelByName(channel));
            if (c == null) { respond(error(id, "No such channel")); return; }
            respond(success(id));
            emit(AsteriskEvents.mixMonitorStop(c, chanVars));
        }
    }

    // ---------------------------------------------------------------- wire helpers

    private static AmiMessage success(String id) {
        return AmiMessage.of("Response", "Success").withId(id);
    }

    private static AmiMessage error(String id, String message) {
        return AmiMessage.of("Response", "Error").withId(id).with("Message", message);
    }

    /**
     * CoreSettings is not in the traces; the layout follows Asterisk 22's manager.c. Asterisk-Java asks
     * for it after every login to learn the version.
     */
    private AmiMessage coreSettings(String id) {
        return success(id).with("AMIversion", "11.0.0").with("AsteriskVersion", "22.10.1").with("SystemName", "")
                .with("CoreMaxCalls", "0").with("CoreMaxLoadAvg", "0.000000").with("CoreRunUser", "")
                .with("CoreRunGroup", "").with("CoreMaxFilehandles", "0").with("CoreRealTimeEnabled", "No")
                .with("CoreCDRenabled", "No").with("CoreHTTPenabled", "No").with("SoundsSearchCustomDir", "No");
    }

    private AmiMessage command(AmiMessage a, String id) {
        String cmd = String.valueOf(a.get("Command")).strip();
        String output = cmd.equals("core show version") ? VERSION_LINE
                : "No such command '" + cmd + "' (type 'core show help " + cmd + "' for other possible commands)";
        return success(id).with("Message", "Command output follows").with("Output", output);
    }

    private static AmiMessage append(AmiMessage m, String... kv) {
        List<AmiMessage.Header> h = new ArrayList<>(m.headers());
        for (int i = 0; i < kv.length; i += 2) h.add(new AmiMessage.Header(kv[i], kv[i + 1]));
        return new AmiMessage(h);
    }

    private static String s(long v) {
        return Long.toString(v);
    }

    private static int parseInt(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean truthy(String s) {
        return s != null && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes") || s.equals("1") || s.equalsIgnoreCase("on"));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String eventTv() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
