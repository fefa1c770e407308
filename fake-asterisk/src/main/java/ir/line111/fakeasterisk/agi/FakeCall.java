package ir.line111.fakeasterisk.agi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated call, configured fluently. Defaults follow the traces: a channel that is up,
 * language en, AGI 22.10.1 environment, HANGUPCAUSE 0 after a hang-up, every prompt present and
 * 2 s long unless told otherwise.
 */
public final class FakeCall {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /**
     * Asterisk's uniqueid is {@code <epoch of the channel>.<counter>}, the counter process-wide and never
     * reused. Two fake processes (two {@code line111 call}s) started in the same second must not give the
     * same id either: each process's counter starts in its own range, taken from its pid.
     */
    private static final AtomicLong UNIQUE_COUNTER = new AtomicLong(ProcessHandle.current().pid() % 100_000 * 100_000);

    final String host;
    final int port;
    final String script;
    String requestUrl;
    String channel;
    String language = "en";
    String uniqueId;
    String callerId = "unknown";
    String callerIdName = "unknown";
    String context = "line111-inbound";
    String extension = "111";
    String priority = "2";
    String accountCode = "";
    String dnid = "unknown";
    String rdnis = "unknown";
    String threadId;
    final List<String> args = new ArrayList<>();
    final Map<String, String> variables = new LinkedHashMap<>();
    CallerScript callerScript = CallerScript.silent();
    int hangupCause = 0;
    final Set<String> missingSounds = new HashSet<>();
    final Map<String, Long> promptLengths = new HashMap<>();
    long defaultPromptLength = 16000;
    Path soundsDir;
    Path recordingRoot;
    Path redirectRecordings;
    Duration connectTimeout = Duration.ofSeconds(2);
    Duration readTimeout = Duration.ofSeconds(30);
    MalformedEnvironment malformedEnvironment;
    double timeScale;
    java.util.function.Consumer<CallTranscript.Exchange> listener = e -> { };

    FakeCall(String host, int port, String script) {
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.script = Objects.requireNonNull(script);
    }

    /** The caller's number (agi_callerid). */
    public FakeCall callerId(String number) {
        this.callerId = number;
        return this;
    }

    public FakeCall callerIdName(String name) {
        this.callerIdName = name;
        return this;
    }

    public FakeCall uniqueId(String uniqueId) {
        this.uniqueId = uniqueId;
        return this;
    }

    /** The channel name, e.g. "PJSIP/trunk-00000001"; agi_type is the part before '/'. */
    public FakeCall channel(String channel) {
        this.channel = channel;
        return this;
    }

    public FakeCall language(String language) {
        this.language = language;
        return this;
    }

    public FakeCall context(String context) {
        this.context = context;
        return this;
    }

    public FakeCall extension(String extension) {
        this.extension = extension;
        return this;
    }

    public FakeCall priority(int priority) {
        this.priority = Integer.toString(priority);
        return this;
    }

    public FakeCall accountCode(String accountCode) {
        this.accountCode = accountCode;
        return this;
    }

    public FakeCall dnid(String dnid) {
        this.dnid = dnid;
        return this;
    }

    public FakeCall threadId(String threadId) {
        this.threadId = threadId;
        return this;
    }

    /** agi_request as the dialplan wrote it (default agi://host:port/script); agi_network_script follows it. */
    public FakeCall requestUrl(String url) {
        this.requestUrl = url;
        return this;
    }

    /** AGI() arguments, sent as agi_arg_1..N. */
    public FakeCall args(String... args) {
        this.args.addAll(List.of(args));
        return this;
    }

    /** A channel variable set before AGI() (never in the environment; GET VARIABLE reads it). */
    public FakeCall variable(String name, String value) {
        this.variables.put(name, value);
        return this;
    }

    public FakeCall script(CallerScript script) {
        this.callerScript = Objects.requireNonNull(script);
        return this;
    }

    /** HANGUPCAUSE after the caller hangs up (0 on the traces' Local channels, 16 on a SIP line). */
    public FakeCall hangupCause(int cause) {
        this.hangupCause = cause;
        return this;
    }

    /** Sound files Asterisk cannot find: STREAM FILE answers result=-1 endpos=0, SAY NUMBER -1, AGISTATUS=FAILURE. */
    public FakeCall missingSounds(String... names) {
        this.missingSounds.addAll(List.of(names));
        return this;
    }

    /** A prompt's length in 8 kHz samples (what endpos reports when it plays to the end). */
    public FakeCall promptLength(String name, long samples) {
        this.promptLengths.put(name, samples);
        return this;
    }

    /** Length of prompts with no known length (default 16000 samples = 2 s). */
    public FakeCall defaultPromptLength(long samples) {
        this.defaultPromptLength = samples;
        return this;
    }

    /** A folder of sound files (name + ".wav"): lengths come from them, and a name not there is missing. */
    public FakeCall soundsDir(Path dir) {
        this.soundsDir = dir;
        return this;
    }

    /** Where relative RECORD FILE paths go (Asterisk would use its spool; default: the working directory). */
    public FakeCall recordingRoot(Path dir) {
        this.recordingRoot = dir;
        return this;
    }

    /**
     * Writes every recording under this folder instead of where the command says (an absolute
     * /var/spool/x becomes dir/var/spool/x), creating folders; the replies are unchanged.
     */
    public FakeCall redirectRecordings(Path dir) {
        this.redirectRecordings = dir;
        return this;
    }

    public FakeCall connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** How long to wait for the server's next command before giving up (default 30 s). */
    public FakeCall readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    /**
     * Makes commands take their real-line time (prompt lengths, timeouts, speech) times {@code scale}:
     * 0 (the default) answers at once, 1 is real time. Calls that last, for load tests and demos.
     */
    public FakeCall timeScale(double scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("timeScale must be >= 0");
        }
        this.timeScale = scale;
        return this;
    }

    /** Called on the call's thread after each command was answered (e.g. to print a call as it happens). */
    public FakeCall listener(java.util.function.Consumer<CallTranscript.Exchange> listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    /** Garbled Asterisk: send a broken environment. */
    public FakeCall malformedEnvironment(MalformedEnvironment kind) {
        this.malformedEnvironment = kind;
        return this;
    }

    /**
     * Places the call and returns when it is over. Never throws for network trouble: see {@link CallTranscript#end()}.
     * A FakeCall may be run many times; each run is a new call (its own unique id and channel unless set).
     */
    public CallTranscript run() {
        return new CallSession(this, SEQUENCE.getAndIncrement()).run();
    }

    /** Places the call on a new virtual thread. */
    public CompletableFuture<CallTranscript> start() {
        CompletableFuture<CallTranscript> f = new CompletableFuture<>();
        Thread.ofVirtual().name("fake-call").start(() -> complete(f));
        return f;
    }

    /** Places the call on the given executor. */
    public CompletableFuture<CallTranscript> start(Executor executor) {
        CompletableFuture<CallTranscript> f = new CompletableFuture<>();
        executor.execute(() -> complete(f));
        return f;
    }

    private void complete(CompletableFuture<CallTranscript> f) {
        try {
            f.complete(run());
        } catch (Throwable t) {
            f.completeExceptionally(t);
        }
    }

    String effectiveRequest() {
        return requestUrl != null ? requestUrl : "agi://" + host + ":" + port + "/" + script;
    }

    String effectiveChannel(long sequence) {
        return channel != null ? channel : String.format("PJSIP/line111-trunk-%08x", sequence);
    }

    /** A new id on every call: take it once per call. */
    String effectiveUniqueId() {
        return uniqueId != null ? uniqueId : System.currentTimeMillis() / 1000 + "." + UNIQUE_COUNTER.getAndIncrement();
    }

    /** The environment block in Asterisk 22's order. */
    LinkedHashMap<String, String> environment(long sequence, String uniqueId) {
        String request = effectiveRequest();
        String networkScript = request;
        int scheme = request.indexOf("://");
        if (scheme >= 0) {
            int slash = request.indexOf('/', scheme + 3);
            networkScript = slash >= 0 ? request.substring(slash + 1) : "";
        }
        String chan = effectiveChannel(sequence);
        int slash = chan.indexOf('/');
        LinkedHashMap<String, String> env = new LinkedHashMap<>();
        env.put("agi_network", "yes");
        env.put("agi_network_script", networkScript);
        env.put("agi_request", request);
        env.put("agi_channel", chan);
        env.put("agi_language", language);
        env.put("agi_type", slash > 0 ? chan.substring(0, slash) : chan);
        env.put("agi_uniqueid", uniqueId);
        env.put("agi_version", "22.10.1");
        env.put("agi_callerid", callerId);
        env.put("agi_calleridname", callerIdName);
        env.put("agi_callingpres", "0");
        env.put("agi_callingani2", "0");
        env.put("agi_callington", "0");
        env.put("agi_callingtns", "0");
        env.put("agi_dnid", dnid);
        env.put("agi_rdnis", rdnis);
        env.put("agi_context", context);
        env.put("agi_extension", extension);
        env.put("agi_priority", priority);
        env.put("agi_enhanced", "0.0");
        env.put("agi_accountcode", accountCode);
        env.put("agi_threadid", threadId != null ? threadId
                : Long.toString(140_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        for (int i = 0; i < args.size(); i++) {
            env.put("agi_arg_" + (i + 1), args.get(i));
        }
        return env;
    }
}
