package ir.line111.fakeasterisk.agi;

import ir.line111.fakeasterisk.agi.CallTranscript.Exchange;
import ir.line111.fakeasterisk.agi.CallTranscript.Recording;
import ir.line111.fakeasterisk.agi.CallerScript.HangUp;
import ir.line111.fakeasterisk.agi.CallerScript.Reaction;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One call on one socket: sends the environment, then answers commands until the server closes.
 * Replies follow res_agi.c of Asterisk 22 and the captured traces byte for byte; time is virtual
 * (a prompt "plays" instantly, endpos and RECORD FILE results are computed from lengths).
 */
final class CallSession {
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    private static final String UNKNOWN = "510 Invalid or unknown command";
    private static final int STATE_UP = 6;
    private static final Set<String> KNOWN_APPS = Set.of(
            "answer", "background", "playback", "noop", "wait", "waitexten", "set", "mset", "senddtmf", "hangup",
            "mixmonitor", "stopmixmonitor", "queue", "dial", "goto", "gotoif", "gosub", "gosubif", "return", "record",
            "read", "saydigits", "saynumber", "sayalpha", "verbose", "log", "musiconhold", "startmusiconhold",
            "stopmusiconhold", "progress", "ringing", "busy", "congestion", "echo", "milliwatt", "system", "execif",
            "userevent", "agi", "playtones", "stopplaytones", "dumpchan", "macro", "transfer", "pickup", "chanspy");

    private static final List<String> SOUND_EXTENSIONS = List.of("wav", "sln", "ulaw", "alaw", "gsm", "g722", "WAV");
    private final FakeCall cfg;
    private final List<MutableRule> rules = new ArrayList<>();
    private final ChannelVariables variables;
    private final Map<String, String> database = new HashMap<>();
    private final Map<String, Long> lengthCache = new HashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();
    private final List<String> spoken = new ArrayList<>();
    private final List<Recording> recordings = new ArrayList<>();
    private final List<String> atClose = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder consumed = new StringBuilder();
    private ResAgiReader commands;
    private final String channel;
    private final long sequence;
    private final String uniqueId;
    private boolean alive = true;
    private boolean failure;
    private boolean closed;
    private boolean serverClosed;
    private CallEnd end;
    private int commandCount;
    private List<String> sent;
    /** How long the current command would take on a real line, for {@link FakeCall#timeScale(double)}. */
    private long simulatedMs;
    private long lastWriteNanos;
    private InputStream in;
    private Socket socket;
    private OutputStream out;

    private static final class MutableRule {
        final CallerScript.Rule rule;
        int left;

        MutableRule(CallerScript.Rule rule) {
            this.rule = rule;
            this.left = rule.times();
        }
    }

    CallSession(FakeCall cfg, long sequence) {
        this.cfg = cfg;
        this.sequence = sequence;
        this.uniqueId = cfg.effectiveUniqueId();
        cfg.callerScript.rules().forEach(r -> rules.add(new MutableRule(r)));
        channel = cfg.effectiveChannel(sequence);
        variables = new ChannelVariables(cfg, channel, uniqueId, () -> alive);
    }

    CallTranscript run() {
        LinkedHashMap<String, String> env = cfg.environment(sequence, uniqueId);
        Socket socket = new Socket();
        this.socket = socket;
        try {
            socket.connect(new InetSocketAddress(cfg.host, cfg.port), (int) cfg.connectTimeout.toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            failure = true;
            end = new CallEnd.ConnectionFailed(e.toString());
            return transcript(env);
        }
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) cfg.readTimeout.toMillis());
            in = new BufferedInputStream(socket.getInputStream(), 2048);
            commands = new ResAgiReader(in);
            out = new BufferedOutputStream(socket.getOutputStream(), 1024);
            sendEnvironment(env);
            while (!closed) {
                String line = readLine();
                if (line == null) {
                    serverClosed = true;
                    // Asterisk (AGISIGHUP default) writes one more HANGUP when the script closes its side.
                    sent = atClose;
                    try {
                        sendLine("HANGUP");
                        out.flush();
                    } catch (IOException ignored) {
                        // a server that closed fully may already have reset the connection
                    }
                    if (end == null) {
                        end = new CallEnd.ReturnedToDialplan();
                    }
                    break;
                }
                handle(line, System.nanoTime() - lastWriteNanos);
            }
        } catch (SocketTimeoutException e) {
            if (end == null) {
                end = new CallEnd.ConnectionLost("no command for " + cfg.readTimeout);
            }
        } catch (IOException e) {
            if (end == null) {
                end = new CallEnd.ConnectionLost(e.toString());
            }
        }
        return transcript(env);
    }

    private CallTranscript transcript(Map<String, String> env) {
        String status = failure ? "FAILURE" : !alive ? "HANGUP" : "SUCCESS";
        return new CallTranscript(env, exchanges, prompts, variables.setByScript(), recordings, consumed.toString(), spoken,
                end, status, atClose, serverClosed);
    }

    private void sendEnvironment(LinkedHashMap<String, String> env) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(1024);
        MalformedEnvironment bad = cfg.malformedEnvironment;
        int n = 0;
        if (bad != MalformedEnvironment.EMPTY) {
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (bad == MalformedEnvironment.MISSING_REQUEST
                        && (e.getKey().equals("agi_request") || e.getKey().equals("agi_network_script"))) {
                    continue;
                }
                if (bad == MalformedEnvironment.TRUNCATED_THEN_CLOSE && n++ >= env.size() / 2) {
                    break;
                }
                b.writeBytes((e.getKey() + ": " + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                if (bad == MalformedEnvironment.GARBAGE_LINES && e.getKey().equals("agi_request")) {
                    b.writeBytes("this line has no colon\n".getBytes(StandardCharsets.UTF_8));
                    b.writeBytes("agi_no_such_key: \u0000value\n".getBytes(StandardCharsets.UTF_8));
                    b.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, ':', ' ', (byte) 0xc3, '\n'});
                }
            }
        }
        if (bad == MalformedEnvironment.TRUNCATED_THEN_CLOSE) {
            out.write(b.toByteArray());
            out.flush();
            end = new CallEnd.ClosedByFake(0);
            closed = true;
            return;
        }
        b.write('\n');
        out.write(b.toByteArray());
        out.flush();
        lastWriteNanos = System.nanoTime();
    }

    /** The server's next command, cut as res_agi cuts it (see {@link ResAgiReader}); null at EOF. */
    private String readLine() throws IOException {
        return commands.readCommand();
    }

    private void sendLine(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        sent.add(line);
    }

    private void handle(String line, long serverNanos) throws IOException {
        AgiCommand c = AgiCommand.parse(++commandCount, line);
        sent = new ArrayList<>(2);
        simulatedMs = 0;
        try {
            Reaction r = alive ? pickReaction(c) : Reaction.nothing();
            if ((r.close() || !r.rawReply().isEmpty()) && r.speech() != null && c.verb().equals("RECORD FILE")) {
                keepRecording(c, r);   // the caller spoke before the line broke or the reply came garbled
            }
            if (r.close()) {
                if (r.reset()) {
                    socket.setSoLinger(true, 0);   // close() then sends RST: "connection reset by peer"
                }
                if (r.partialReply() != null) {
                    out.write(r.partialReply().getBytes(StandardCharsets.UTF_8));
                    sent.add(r.partialReply() + " (then closed)");
                }
                out.flush();
                end = new CallEnd.ClosedByFake(c.number());
                closed = true;
                return;
            }
            if (r.hangUp() == HangUp.BEFORE) {
                callerHangsUp(c, HangUp.BEFORE);
            }
            if (!r.rawReply().isEmpty()) {
                for (String l : r.rawReply()) {
                    sendLine(l);
                }
            } else if (!c.known()) {
                sendLine(UNKNOWN);
            } else if (!alive && !AgiCommandTable.byName(c.verb()).deadOk()) {
                sendLine(DEAD);
            } else {
                execute(c, r);
            }
            if (alive && (r.hangUp() == HangUp.AFTER || r.hangUp() == HangUp.DURING)) {
                // DURING on a command that does not wait on the channel: the hang-up lands right after it.
                callerHangsUp(c, r.hangUp());
            }
            pace();
            out.flush();
            lastWriteNanos = System.nanoTime();
        } finally {
            Exchange e = new Exchange(c, sent, Duration.ofNanos(serverNanos), Duration.ofMillis(simulatedMs));
            exchanges.add(e);
            cfg.listener.accept(e);
        }
    }

    /** Holds the reply back for the command's duration on a real line, scaled. */
    private void pace() {
        if (cfg.timeScale > 0 && simulatedMs > 0) {
            try {
                Thread.sleep(Duration.ofNanos((long) (simulatedMs * 1_000_000L * cfg.timeScale)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Reaction pickReaction(AgiCommand c) {
        MutableRule first = null;
        for (MutableRule m : rules) {
            if (m.left != 0 && m.rule.trigger().matches(c, lastPrompt())) {
                first = m;
                break;
            }
        }
        if (first == null) {
            return Reaction.nothing();
        }
        use(first);
        Reaction r = first.rule.reaction();
        if (r.hangUp() == HangUp.NONE) {
            for (MutableRule m : rules) {
                if (m != first && m.left != 0 && m.rule.reaction().onlyHangUp()
                        && m.rule.trigger().matches(c, lastPrompt())) {
                    use(m);
                    return new Reaction(r.keys(), r.at(), r.speech(), r.speechDelay(), m.rule.reaction().hangUp(),
                            r.rawReply(), r.close(), r.partialReply(), r.reset());
                }
            }
        }
        return r;
    }

    private String lastPrompt() {
        return prompts.isEmpty() ? "" : prompts.getLast();
    }

    private static void use(MutableRule m) {
        if (m.left > 0) {
            m.left--;
        }
    }

    private void callerHangsUp(AgiCommand c, HangUp moment) throws IOException {
        alive = false;
        pending.setLength(0);
        if (end == null) {
            end = new CallEnd.CallerHungUp(c.number(), c.line(), moment);
        }
        sendLine("HANGUP");
    }

    private void usage(AgiCommand c) throws IOException {
        sendLine("520-Invalid command syntax.  Proper usage follows:");
        sendLine(AgiCommandTable.byName(c.verb()).usage());
        sendLine("520 End of proper usage.");
    }

    private void execute(AgiCommand c, Reaction r) throws IOException {
        int argc = c.argc();
        switch (c.verb()) {
            case "ANSWER", "NOOP", "ASYNCAGI BREAK", "TDD MODE", "SEND TEXT", "SEND IMAGE", "RECEIVE CHAR" ->
                    sendLine("200 result=0");
            case "RECEIVE TEXT" -> sendLine("200 result=-1");
            case "HANGUP" -> {
                if (argc == 1 || (argc == 2 && c.arg(1).equals(channel))) {
                    sendLine("200 result=1");
                    alive = false;
                    pending.setLength(0);
                    if (end == null) {
                        end = new CallEnd.ScriptHungUp(c.number());
                    }
                    sendLine("HANGUP");
                } else if (argc == 2) {
                    sendLine("200 result=-1");
                } else {
                    usage(c);
                }
            }
            case "CHANNEL STATUS" -> {
                if (argc == 2) {
                    sendLine("200 result=" + STATE_UP);
                } else if (argc == 3) {
                    sendLine("200 result=" + (c.arg(2).equals(channel) ? STATE_UP : -1));
                } else {
                    usage(c);
                }
            }
            case "STREAM FILE" -> streamFile(c, r);
            case "GET OPTION" -> getOption(c, r);
            case "CONTROL STREAM FILE" -> controlStreamFile(c, r);
            case "GET DATA" -> getData(c, r);
            case "WAIT FOR DIGIT" -> waitForDigit(c, r);
            case "SAY DIGITS", "SAY NUMBER", "SAY ALPHA", "SAY PHONETIC", "SAY DATE", "SAY TIME", "SAY DATETIME" ->
                    say(c, r);
            case "RECORD FILE" -> recordFile(c, r);
            case "SET VARIABLE" -> {
                if (argc != 4) {
                    usage(c);
                } else {
                    variables.set(c.arg(2), c.arg(3));
                    sendLine("200 result=1");
                }
            }
            case "GET VARIABLE" -> {
                if (argc != 3) {
                    usage(c);
                } else {
                    String v = variables.get(c.arg(2));
                    sendLine(v == null ? "200 result=0" : "200 result=1 (" + v + ")");
                }
            }
            case "GET FULL VARIABLE" -> {
                if (argc != 4 && argc != 5) {
                    usage(c);
                } else if (argc == 5 && !c.arg(4).equals(channel)) {
                    sendLine("200 result=0");
                } else {
                    sendLine("200 result=1 (" + variables.substitute(c.arg(3)) + ")");
                }
            }
            case "VERBOSE" -> {
                if (argc < 2) {
                    usage(c);
                } else {
                    sendLine("200 result=1");
                }
            }
            case "EXEC" -> exec(c, r);
            case "DATABASE PUT" -> {
                if (argc != 5) {
                    usage(c);
                } else {
                    database.put(c.arg(2) + "/" + c.arg(3), c.arg(4));
                    sendLine("200 result=1");
                }
            }
            case "DATABASE GET" -> {
                if (argc != 4) {
                    usage(c);
                } else {
                    String v = database.get(c.arg(2) + "/" + c.arg(3));
                    sendLine(v == null ? "200 result=0" : "200 result=1 (" + v + ")");
                }
            }
            case "DATABASE DEL" -> {
                if (argc != 4) {
                    usage(c);
                } else {
                    sendLine("200 result=" + (database.remove(c.arg(2) + "/" + c.arg(3)) != null ? '1' : '0'));
                }
            }
            case "DATABASE DELTREE" -> {
                if (argc < 3 || argc > 4) {
                    usage(c);
                } else {
                    String prefix = c.arg(2) + "/" + (argc == 4 ? c.arg(3) : "");
                    boolean any = database.keySet().removeIf(k -> k.startsWith(prefix));
                    sendLine("200 result=" + (any ? '1' : '0'));
                }
            }
            case "SET MUSIC" -> {
                if (argc < 3) {
                    usage(c);
                } else {
                    sendLine("200 result=0");
                }
            }
            case "SET CALLERID" -> {
                if (c.arg(2) != null) {
                    variables.setCallerId(c.arg(2));
                }
                sendLine("200 result=1");
            }
            case "SET CONTEXT", "SET EXTENSION" -> {
                if (argc != 3) {
                    usage(c);
                } else {
                    sendLine("200 result=0");
                }
            }
            case "SET PRIORITY" -> {
                if (argc != 3 || (leadingInt(c.arg(2)) == null && c.arg(2).isEmpty())) {
                    usage(c);
                } else {
                    sendLine("200 result=0");
                }
            }
            case "SET AUTOHANGUP" -> {
                if (argc != 3 || !c.arg(2).trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+).*")) {
                    usage(c);
                } else {
                    sendLine("200 result=0");
                }
            }
            default -> sendLine("200 result=0"); // SPEECH *: no engine, nothing to do
        }
    }

    // ---- prompts and keys -------------------------------------------------------------------------

    private boolean missing(String file) {
        for (String m : cfg.missingSounds) {
            if (Prompts.nameMatches(file, m)) {
                return true;
            }
        }
        if (cfg.soundsDir == null) {
            return false;
        }
        for (String ext : SOUND_EXTENSIONS) {
            if (Files.isRegularFile(cfg.soundsDir.resolve(file + "." + ext))) {
                return false;
            }
        }
        return true;
    }

    private long length(String file) {
        for (Map.Entry<String, Long> e : cfg.promptLengths.entrySet()) {
            if (Prompts.nameMatches(file, e.getKey())) {
                return e.getValue();
            }
        }
        if (cfg.soundsDir != null) {
            return lengthCache.computeIfAbsent(file, f -> {
                try {
                    return Wav.lengthInSamples(cfg.soundsDir.resolve(f + ".wav"));
                } catch (IOException e) {
                    return cfg.defaultPromptLength;
                }
            });
        }
        return cfg.defaultPromptLength;
    }

    /** Where in a prompt of length {@code len} the rule's moment falls, in samples from its start. */
    private static long atSamples(Reaction r, long len) {
        return r.at() != null ? r.at().toMillis() * 8 : Math.min(8000, len / 2);
    }

    /** Outcome of playing one prompt: interrupted by a key, the caller hung up at a position, or it played to the end. */
    private sealed interface Play {
        record Interrupted(char key, long pos) implements Play {}
        record HungUp(long pos) implements Play {}
        record Finished(long len) implements Play {}
    }

    /**
     * Plays a prompt to the caller. Keys of the rule are pressed during the prompt when they can
     * interrupt it (or when {@code at} says so), otherwise after it, where the next read picks them up.
     */
    private Play play(String file, long offset, String escapes, Reaction r) {
        prompts.add(file);
        return play(length(file), offset, escapes, r);
    }

    private Play play(long len, long offset, String escapes, Reaction r) {
        Play p = playOutcome(len, offset, escapes, r);
        long end = switch (p) {
            case Play.HungUp h -> h.pos();
            case Play.Interrupted i -> i.pos();
            case Play.Finished f -> f.len();
        };
        simulatedMs += Math.max(0, end - offset) / 8;
        return p;
    }

    private Play playOutcome(long len, long offset, String escapes, Reaction r) {
        if (r.hangUp() == HangUp.DURING) {
            return new Play.HungUp(Math.min(len, offset + atSamples(r, len)));
        }
        if (!pending.isEmpty() && escapes.indexOf(pending.charAt(0)) >= 0) {
            // a key typed ahead stops the prompt as soon as it starts
            return new Play.Interrupted(takeKey(), offset);
        }
        if (!r.keys().isEmpty()) {
            char first = r.keys().charAt(0);
            boolean escapable = escapes.indexOf(first) >= 0;
            long at = atSamples(r, len);
            boolean during = r.at() != null ? offset + at < len : escapable;
            if (during && escapable && pending.isEmpty()) {
                consumed.append(first);
                pending.append(r.keys(), 1, r.keys().length());
                return new Play.Interrupted(first, Math.min(len, offset + at));
            }
            // a key pressed during the prompt that is not an escape digit is dropped by Asterisk;
            // keys pressed after it wait for the next read
            pending.append(r.keys(), during ? 1 : 0, r.keys().length());
        }
        return new Play.Finished(len);
    }

    private char takeKey() {
        char k = pending.charAt(0);
        pending.deleteCharAt(0);
        consumed.append(k);
        return k;
    }

    private void streamFile(AgiCommand c, Reaction r) throws IOException {
        int argc = c.argc();
        if (argc < 4 || argc > 5) {
            usage(c);
            return;
        }
        Long offset = argc > 4 ? leadingInt(c.arg(4)) : Long.valueOf(0);
        if (offset == null) {
            usage(c);
            return;
        }
        if (missing(c.arg(2))) {
            failure = true;
            sendLine("200 result=-1 endpos=" + offset);
            return;
        }
        switch (play(c.arg(2), offset, c.arg(3), r)) {
            case Play.Interrupted i -> sendLine("200 result=" + (int) i.key() + " endpos=" + i.pos());
            case Play.HungUp h -> {
                sendLine("200 result=-1 endpos=" + h.pos());
                callerHangsUp(c, HangUp.DURING);
            }
            case Play.Finished f -> sendLine("200 result=0 endpos=" + f.len());
        }
    }

    private void getOption(AgiCommand c, Reaction r) throws IOException {
        int argc = c.argc();
        if (argc < 4 || argc > 5) {
            usage(c);
            return;
        }
        String escapes = c.arg(3);
        if (missing(c.arg(2))) {
            failure = true;
            sendLine("200 result=-1 endpos=0");
            return;
        }
        long len = length(c.arg(2));
        Reaction during = r;
        if (r.hangUp() == HangUp.DURING && r.at() != null && r.at().toMillis() * 8 >= len) {
            during = Reaction.nothing(); // hangs up in the wait after the prompt
        }
        switch (play(c.arg(2), 0, escapes, during)) {
            case Play.Interrupted i -> sendLine("200 result=" + (int) i.key() + " endpos=" + i.pos());
            case Play.HungUp h -> {
                sendLine("200 result=-1 endpos=" + h.pos());
                callerHangsUp(c, HangUp.DURING);
            }
            case Play.Finished f -> {
                if (during != r) {
                    sendLine("200 result=-1 endpos=" + f.len());
                    callerHangsUp(c, HangUp.DURING);
                } else if (pending.isEmpty()) {
                    simulatedMs += Math.max(0, CallSession.atoi(c.arg(4)));
                    sendLine("200 result=0 endpos=" + f.len());
                } else {
                    char k = takeKey();
                    sendLine("200 result=" + (escapes.indexOf(k) >= 0 ? (int) k : 0) + " endpos=" + f.len());
                }
            }
        }
    }

    private void controlStreamFile(AgiCommand c, Reaction r) throws IOException {
        int argc = c.argc();
        if (argc < 5 || argc > 10 || (argc > 5 && leadingInt(c.arg(5)) == null)
                || (argc > 9 && leadingInt(c.arg(9)) == null)) {
            usage(c);
            return;
        }
        if (missing(c.arg(2))) {
            failure = true;
            sendLine("200 result=-1 endpos=0");
            return;
        }
        switch (play(c.arg(2), 0, c.arg(3), r)) {
            case Play.Interrupted i -> sendLine("200 result=" + (int) i.key() + " endpos=" + i.pos() / 8);
            case Play.HungUp h -> {
                sendLine("200 result=-1 endpos=" + h.pos() / 8);
                callerHangsUp(c, HangUp.DURING);
            }
            case Play.Finished f -> sendLine("200 result=0 endpos=" + f.len() / 8);
        }
    }

    private void getData(AgiCommand c, Reaction r) throws IOException {
        if (c.argc() < 3) {
            usage(c);
            return;
        }
        int max = c.argc() >= 5 ? atoi(c.arg(4)) : 1024;
        String file = c.arg(2);
        if (r.hangUp() == HangUp.DURING) {
            prompts.add(file);
            sendLine("200 result=-1");
            callerHangsUp(c, HangUp.DURING);
            return;
        }
        if (missing(file)) {
            failure = true;
            sendLine("200 result=-1");
            return;
        }
        prompts.add(file);
        pending.append(r.keys());
        long timeoutMs = c.argc() >= 4 ? Math.max(0, atoi(c.arg(3))) : 0;
        simulatedMs += pending.isEmpty() ? length(file) / 8 + timeoutMs : 1000 + 250L * pending.length();
        StringBuilder digits = new StringBuilder();
        while (!pending.isEmpty() && (max <= 0 || digits.length() < max)) {
            char k = takeKey();
            if (k == '#') {
                sendLine("200 result=" + digits);
                return;
            }
            digits.append(k);
        }
        if (max > 0 && digits.length() >= max) {
            if (!pending.isEmpty() && pending.charAt(0) == '#') {
                // the caller's closing '#' after a full-length entry comes after GET DATA returned:
                // Asterisk drops keys that arrive while no command runs
                pending.deleteCharAt(0);
            }
            sendLine("200 result=" + digits);
        } else {
            simulatedMs += digits.isEmpty() ? 0 : timeoutMs;
            sendLine("200 result=" + digits + " (timeout)");
        }
    }

    private void waitForDigit(AgiCommand c, Reaction r) throws IOException {
        if (c.argc() != 4 || leadingInt(c.arg(3)) == null) {
            usage(c);
            return;
        }
        if (r.hangUp() == HangUp.DURING) {
            sendLine("200 result=-1");
            callerHangsUp(c, HangUp.DURING);
            return;
        }
        pending.append(r.keys());
        simulatedMs += pending.isEmpty() ? Math.max(0, leadingInt(c.arg(3))) : 300;
        sendLine("200 result=" + (pending.isEmpty() ? 0 : (int) takeKey()));
    }

    private void say(AgiCommand c, Reaction r) throws IOException {
        int argc = c.argc();
        String verb = c.verb();
        boolean ok = switch (verb) {
            case "SAY DIGITS" -> argc == 4 && leadingInt(c.arg(2)) != null;
            case "SAY NUMBER" -> argc >= 4 && argc <= 5 && leadingInt(c.arg(2)) != null;
            case "SAY DATE", "SAY TIME" -> argc == 4 && leadingInt(c.arg(2)) != null;
            case "SAY DATETIME" -> argc >= 4 && leadingInt(c.arg(2)) != null;
            default -> argc >= 4 && argc <= 5; // SAY ALPHA, SAY PHONETIC
        };
        if (!ok) {
            usage(c);
            return;
        }
        List<String> files = switch (verb) {
            case "SAY DIGITS" -> digitFiles(c.arg(2));
            case "SAY NUMBER" -> numberFiles(leadingInt(c.arg(2)));
            default -> List.of();
        };
        for (String f : files) {
            if (missing(f)) {
                sendLine("200 result=-1");
                failure = true;
                return;
            }
        }
        spoken.add(verb.substring(4) + " " + c.arg(2));
        long len = files.isEmpty() ? cfg.defaultPromptLength
                : files.stream().mapToLong(this::length).sum();
        prompts.addAll(files);
        switch (play(len, 0, c.arg(3), r)) {
            case Play.Interrupted i -> sendLine("200 result=" + (int) i.key());
            case Play.HungUp h -> {
                sendLine("200 result=-1");
                callerHangsUp(c, HangUp.DURING);
            }
            case Play.Finished f -> sendLine("200 result=0");
        }
    }

    private static List<String> digitFiles(String s) {
        List<String> out = new ArrayList<>();
        for (char ch : s.toCharArray()) {
            if (ch >= '0' && ch <= '9') {
                out.add("digits/" + ch);
            } else if (ch == '*') {
                out.add("digits/star");
            } else if (ch == '#') {
                out.add("digits/pound");
            } else if (ch == '-') {
                out.add("digits/minus");
            } else if (Character.isLetter(ch)) {
                out.add("letters/" + Character.toLowerCase(ch));
            }
        }
        return out;
    }

    /** The sound files ast_say_number_full uses for English. */
    static List<String> numberFiles(long n) {
        List<String> out = new ArrayList<>();
        if (n < 0) {
            out.add("digits/minus");
            n = -n;
        }
        if (n == 0) {
            out.add("digits/0");
            return out;
        }
        appendNumber(out, n);
        return out;
    }

    private static void appendNumber(List<String> out, long n) {
        if (n >= 1_000_000) {
            appendNumber(out, n / 1_000_000);
            out.add("digits/million");
            n %= 1_000_000;
        }
        if (n >= 1000) {
            appendNumber(out, n / 1000);
            out.add("digits/thousand");
            n %= 1000;
        }
        if (n >= 100) {
            out.add("digits/" + n / 100);
            out.add("digits/hundred");
            n %= 100;
        }
        if (n >= 20) {
            out.add("digits/" + n / 10 * 10);
            n %= 10;
        }
        if (n > 0) {
            out.add("digits/" + n);
        }
    }

    // ---- recording ----------------------------------------------------------------------------------

    private void recordFile(AgiCommand c, Reaction r) throws IOException {
        RecordFile.Outcome o = keepRecording(c, r);
        if (o == null) {
            usage(c);
            return;
        }
        failure |= o.file() == null;
        sendLine(o.reply());
        if (o.hungUp()) {
            callerHangsUp(c, HangUp.DURING);
        }
    }

    /** Writes what the caller said, as Asterisk does even when the reply never reaches the server. */
    private RecordFile.Outcome keepRecording(AgiCommand c, Reaction r) throws IOException {
        RecordFile.Outcome o = RecordFile.run(cfg, c, r);
        if (o == null || o.file() == null) {
            return o;
        }
        simulatedMs += o.simulatedMs();
        if (o.key() != 0) {
            consumed.append(o.key());
            pending.append(r.keys(), 1, r.keys().length());
        }
        recordings.add(new Recording(o.file(), o.format(), o.samples(), o.reply()));
        return o;
    }

    // ---- EXEC ---------------------------------------------------------------------------------------

    private void exec(AgiCommand c, Reaction r) throws IOException {
        if (c.argc() < 2) {
            usage(c);
            return;
        }
        String app = c.arg(1).toLowerCase(Locale.ROOT);
        if (!KNOWN_APPS.contains(app)) {
            sendLine("200 result=-2");
            return;
        }
        String data = c.argc() >= 3 ? c.arg(2) : "";
        switch (app) {
            case "playback", "background" -> {
                List<String> files = Prompts.played(c);
                boolean hungUp = r.hangUp() == HangUp.DURING;
                for (String f : files) {
                    if (!missing(f)) {
                        prompts.add(f);
                        simulatedMs += length(f) / 8;
                    }
                }
                if (!r.keys().isEmpty()) {
                    pending.append(r.keys());
                }
                if (hungUp) {
                    sendLine("200 result=-1");
                    callerHangsUp(c, HangUp.DURING);
                } else {
                    sendLine("200 result=0");
                }
            }
            case "set", "mset" -> {
                for (String assignment : app.equals("set") ? List.of(data) : List.of(data.split(","))) {
                    int eq = assignment.indexOf('=');
                    if (eq > 0) {
                        variables.set(assignment.substring(0, eq), assignment.substring(eq + 1));
                    }
                }
                sendLine("200 result=0");
            }
            case "hangup" -> {
                sendLine("200 result=-1");
                alive = false;
                pending.setLength(0);
                if (end == null) {
                    end = new CallEnd.ScriptHungUp(c.number());
                }
                sendLine("HANGUP");
            }
            default -> {
                if (r.hangUp() == HangUp.DURING) {
                    sendLine("200 result=-1");
                    callerHangsUp(c, HangUp.DURING);
                } else {
                    sendLine("200 result=0");
                }
            }
        }
    }

    // ---- C helpers -----------------------------------------------------------------------------------

    /** sscanf("%d"): optional spaces and sign, then digits; null when there are none. */
    static Long leadingInt(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            return null;
        }
        try {
            return Long.parseLong(s.substring(start, i).replace("+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** atoi: like leadingInt, but 0 when there is no number. */
    static int atoi(String s) {
        Long v = leadingInt(s);
        return v == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
