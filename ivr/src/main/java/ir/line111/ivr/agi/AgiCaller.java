package ir.line111.ivr.agi;

import ir.line111.ivr.flow.CallFault;
import ir.line111.ivr.flow.Caller;
import ir.line111.ivr.flow.CallerHungUp;
import ir.line111.ivr.prompts.PromptCatalogue;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

import static ir.line111.core.logging.LogValues.bounded;
import java.time.Duration;
import java.util.List;

/**
 * {@link Caller} over one FastAGI channel. Commands are written exactly as Asterisk's own usage
 * shows them (and as the traces in shared/asterisk-traces do), and every reply is checked: -1 and
 * 511 mean the caller is gone, anything but 200 is a fault.
 */
final class AgiCaller implements Caller {
    private static final Logger log = LoggerFactory.getLogger(AgiCaller.class);

    private final AgiChannel channel;
    private final PromptCatalogue catalogue;
    private boolean hungUp;

    AgiCaller(AgiChannel channel, PromptCatalogue catalogue) {
        this.channel = channel;
        this.catalogue = catalogue;
    }

    /**
     * A line built by {@link AgiCommandLine} (Asterisk-Java's builders quote every argument, which the
     * traces never do, and let a newline through).
     */
    private static final class Line extends AbstractAgiCommand {
        private static final long serialVersionUID = 1L;
        private final String text;
        Line(String text) { this.text = text; }
        @Override public String buildCommand() { return text; }
    }

    private AgiReply send(AgiCommandLine line) {
        String command;
        try {
            command = line.build();
        } catch (IllegalArgumentException e) {
            throw new CallFault(e.getMessage() + " (" + verb(line.toString()) + ")", e);
        }
        if (hungUp) throw new CallerHungUp("caller already hung up");
        AgiReply reply;
        try {
            reply = channel.sendCommand(new Line(command));
        } catch (AgiHangupException e) {
            hungUp = true;
            throw new CallerHungUp("channel is dead (" + verb(command) + ")");
        } catch (AgiException e) {
            throw new CallFault("AGI error on " + verb(command) + ": " + bounded(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new CallFault("unreadable reply to " + verb(command) + ": " + bounded(e), e);
        }
        if (reply.getStatus() != AgiReply.SC_SUCCESS) {
            throw new CallFault("unexpected reply to " + verb(command) + ": " + bounded(reply.getFirstLine()), null);
        }
        return reply;
    }

    private static String verb(String command) {
        int i = command.indexOf(' ', command.indexOf(' ') + 1);
        return bounded(i < 0 ? command : command.substring(0, i), 40);
    }

    private int resultCode(AgiReply reply, AgiCommandLine command) {
        String r = reply.getResult();
        try {
            return Integer.parseInt(r);
        } catch (NumberFormatException e) {
            throw new CallFault("unexpected result '" + bounded(r, 40) + "' to " + verb(command.toString()), e);
        }
    }

    private CallerHungUp gone(String during) {
        hungUp = true;
        return new CallerHungUp("caller hung up during " + during);
    }

    @Override
    public void answer() {
        send(AgiCommandLine.of("ANSWER"));
    }

    /**
     * One prompt: STREAM FILE, which the escape digits can interrupt. Several: the ones before the
     * last (read-backs: digits, numbers, dates) in one EXEC Playback of "a&b&c", which cannot be
     * interrupted and costs one round trip instead of one per digit; the last as STREAM FILE.
     */
    @Override
    public char play(List<String> promptKeys, String escapeDigits) {
        if (promptKeys.isEmpty()) return NO_KEY;
        if (promptKeys.size() == 1) return streamFile(promptKeys.getFirst(), escapeDigits);
        boolean lastInterruptible = !escapeDigits.isEmpty();
        List<String> sequence = lastInterruptible ? promptKeys.subList(0, promptKeys.size() - 1) : promptKeys;
        if (sequence.size() == 1) {
            streamFile(sequence.getFirst(), "");
        } else {
            StringBuilder files = new StringBuilder();
            for (String key : sequence) {
                if (!files.isEmpty()) files.append('&');
                files.append(catalogue.sound(key));
            }
            AgiCommandLine cmd = AgiCommandLine.of("EXEC").arg("Playback").arg(files.toString());
            if (resultCode(send(cmd), cmd) == -1) throw gone("prompts " + sequence.getFirst() + "…");
        }
        return lastInterruptible ? streamFile(promptKeys.getLast(), escapeDigits) : NO_KEY;
    }

    private char streamFile(String key, String escapeDigits) {
        AgiCommandLine cmd = AgiCommandLine.of("STREAM FILE").arg(catalogue.sound(key)).quoted(escapeDigits);
        AgiReply reply = send(cmd);
        int code = resultCode(reply, cmd);
        if (code < 0) {
            // -1 with endpos=0 is also what a missing sound file gives; the next command tells them apart.
            if ("0".equals(reply.getAttribute("endpos"))) {
                log.warn("prompt {} did not play (missing sound file, or the caller hung up at once)", key);
                return NO_KEY;
            }
            throw gone("prompt " + key);
        }
        return code > 0 ? (char) code : NO_KEY;
    }

    @Override
    public char waitForKey(Duration timeout) {
        AgiCommandLine cmd = AgiCommandLine.of("WAIT FOR DIGIT").arg(timeout.toMillis());
        int code = resultCode(send(cmd), cmd);
        if (code < 0) throw gone("WAIT FOR DIGIT");
        return code == 0 ? NO_KEY : (char) code;
    }

    @Override
    public String collect(String promptKey, Duration timeout, int maxDigits) {
        AgiReply reply = send(AgiCommandLine.of("GET DATA").arg(catalogue.sound(promptKey)).arg(timeout.toMillis()).arg(maxDigits));
        String r = reply.getResult();
        if ("-1".equals(r)) throw gone("GET DATA");
        return r == null ? "" : r;
    }

    @Override
    public Recorded record(Path basePath, String format, String escapeDigits, Duration maxLength, Duration silence) {
        AgiCommandLine cmd = AgiCommandLine.of("RECORD FILE").arg(basePath.toString()).arg(format).quoted(escapeDigits)
                .arg(maxLength.toMillis()).arg("beep");
        if (!silence.isZero()) cmd.arg("s=" + silence.toSeconds());
        AgiReply reply = send(cmd);
        int code = resultCode(reply, cmd);
        long samples = parseLong(reply.getAttribute("endpos"));
        RecordingEnd end = RecordingEnds.of(code, reply.getExtra(), samples, maxLength, silence);
        if (end == RecordingEnd.HUNG_UP) hungUp = true;
        return new Recorded(end, samples);
    }

    private static long parseLong(String s) {
        if (s == null) return 0;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void setVariable(String name, String value) {
        send(AgiCommandLine.of("SET VARIABLE").arg(name).quoted(value));
    }

    @Override
    public String variable(String name) {
        AgiReply reply = send(AgiCommandLine.of("GET VARIABLE").arg(name));
        return "1".equals(reply.getResult()) ? reply.getExtra() : null;
    }

    @Override
    public void hangUp() {
        try {
            send(AgiCommandLine.of("HANGUP"));
        } catch (CallerHungUp e) {
            // already gone: nothing left to hang up
        }
        hungUp = true;
    }

    boolean hungUp() {
        return hungUp;
    }
}
