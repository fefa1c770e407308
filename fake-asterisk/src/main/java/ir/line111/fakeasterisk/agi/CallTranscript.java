package ir.line111.fakeasterisk.agi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that happened in one simulated call: the environment sent, every command received with
 * the lines sent back, and summaries a flow test asserts on (prompts played, variables set, recordings
 * written, keys consumed, how the call ended).
 */
public final class CallTranscript {

    /**
     * A command and every line the fake sent after it (its reply, and any HANGUP notification).
     *
     * @param serverTime how long the FastAGI server took to send this command after the fake's previous
     *                   write (the environment or the last reply): the latency the controller adds
     * @param lineTime   how long the command takes on a real line (prompt and recording lengths,
     *                   timeouts); the fake waits that long times {@link FakeCall#timeScale(double)}
     */
    public record Exchange(AgiCommand command, List<String> sent, java.time.Duration serverTime,
                           java.time.Duration lineTime) {
        public Exchange {
            sent = List.copyOf(sent);
        }

        /** The first reply line, e.g. "200 result=0 endpos=16000", or "" when nothing was sent. */
        public String reply() {
            return sent.stream().filter(l -> !l.equals("HANGUP")).findFirst().orElse("");
        }
    }

    /** A RECORD FILE the fake answered: where it wrote, how many 8 kHz samples, and the reply. */
    public record Recording(Path file, String format, long samples, String reply) {
        /** Seconds of audio in the file. */
        public double seconds() {
            return samples / 8000.0;
        }
    }

    private final Map<String, String> environment;
    private final List<Exchange> exchanges;
    private final List<String> prompts;
    private final Map<String, String> variablesSet;
    private final List<Recording> recordings;
    private final String keysConsumed;
    private final List<String> spoken;
    private final CallEnd end;
    private final String agiStatus;
    private final List<String> afterEnd;
    private final boolean serverClosed;

    CallTranscript(Map<String, String> environment, List<Exchange> exchanges, List<String> prompts,
                   Map<String, String> variablesSet, List<Recording> recordings, String keysConsumed,
                   List<String> spoken, CallEnd end, String agiStatus, List<String> afterEnd, boolean serverClosed) {
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.exchanges = List.copyOf(exchanges);
        this.prompts = List.copyOf(prompts);
        this.variablesSet = Collections.unmodifiableMap(new LinkedHashMap<>(variablesSet));
        this.recordings = List.copyOf(recordings);
        this.keysConsumed = keysConsumed;
        this.spoken = List.copyOf(spoken);
        this.end = end;
        this.agiStatus = agiStatus;
        this.afterEnd = List.copyOf(afterEnd);
        this.serverClosed = serverClosed;
    }

    /** The agi_ environment sent, in order. */
    public Map<String, String> environment() {
        return environment;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    /** The latency the server added before each command, in order (see {@link Exchange#serverTime()}). */
    public List<java.time.Duration> serverTimes() {
        return exchanges.stream().map(Exchange::serverTime).toList();
    }

    /** The command lines received, in order. */
    public List<String> commands() {
        return exchanges.stream().map(e -> e.command().line()).toList();
    }

    /** Sound files actually played to the live caller, in order (as named in the commands, e.g. "line111/main-menu"). */
    public List<String> prompts() {
        return prompts;
    }

    /** {@link #prompts()} with directories removed ("main-menu"). */
    public List<String> promptNames() {
        return prompts.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
    }

    /** Whether a prompt matching the name (see {@link CallerScript.Trigger.Prompt}) was played. */
    public boolean played(String name) {
        return prompts.stream().anyMatch(p -> Prompts.nameMatches(p, name));
    }

    /** Variables set by SET VARIABLE (or EXEC Set), last value wins, in first-set order. */
    public Map<String, String> variablesSet() {
        return variablesSet;
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variablesSet.get(name));
    }

    public List<Recording> recordings() {
        return recordings;
    }

    /** Keys the IVR actually received, in order. */
    public String keysConsumed() {
        return keysConsumed;
    }

    /** Arguments of SAY DIGITS / SAY NUMBER / SAY ALPHA… commands played to the caller, as "DIGITS 1234". */
    public List<String> spoken() {
        return spoken;
    }

    public CallEnd end() {
        return end;
    }

    /** What AGISTATUS the dialplan would see: SUCCESS, FAILURE or HANGUP. */
    public String agiStatus() {
        return agiStatus;
    }

    public boolean callerHungUp() {
        return end instanceof CallEnd.CallerHungUp;
    }

    /**
     * Whether the FastAGI server closed the connection (the script ended). False when the fake gave up
     * (read timeout) or closed it itself: after a hang-up, a server that never closes leaks a socket.
     */
    public boolean serverClosed() {
        return serverClosed;
    }

    /** Lines sent after the server closed its side (Asterisk's final HANGUP). */
    public List<String> sentAtClose() {
        return afterEnd;
    }

    /** A human-readable transcript: "> " lines from Asterisk, "< " lines from the server. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("call ").append(environment.getOrDefault("agi_uniqueid", "?"))
                .append(" from ").append(environment.getOrDefault("agi_callerid", "?"))
                .append(" to ").append(environment.getOrDefault("agi_request", "?")).append('\n');
        for (Exchange e : exchanges) {
            sb.append(String.format("%3d < %s%n", e.command().number(), e.command().line()));
            for (String line : e.sent()) {
                sb.append("    > ").append(line).append('\n');
            }
        }
        for (String line : afterEnd) {
            sb.append("    > ").append(line).append('\n');
        }
        sb.append("prompts:    ").append(promptNames()).append('\n');
        sb.append("keys:       ").append(keysConsumed.isEmpty() ? "(none)" : keysConsumed).append('\n');
        if (!variablesSet.isEmpty()) {
            sb.append("variables:  ").append(variablesSet).append('\n');
        }
        for (Recording r : recordings) {
            sb.append(String.format("recording:  %s (%.2f s) %s%n", r.file(), r.seconds(), r.reply()));
        }
        sb.append("ended:      ").append(end).append(", AGISTATUS=").append(agiStatus).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    static List<String> linesOf(List<Exchange> exchanges) {
        List<String> out = new ArrayList<>();
        exchanges.forEach(e -> out.addAll(e.sent()));
        return out;
    }
}
