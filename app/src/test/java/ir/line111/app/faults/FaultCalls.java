package ir.line111.app.faults;

import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.fakeasterisk.agi.FakeCall;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A caller who leaves a message, for the fault tests: the script, and the code the caller heard. */
final class FaultCalls {
    private static final AtomicInteger CALLS = new AtomicInteger();

    private FaultCalls() {}

    /** Main menu 1, an ID said (kept unverified without a model), own matter, a message, keep it, hear the code, done. */
    static CallerScript leaveMessage(Path speech) {
        return CallerScript.builder()
                .onPrompt("main-menu").press("1")
                .onRecordAfter("say-national-id").say(speech)
                .onPrompt("whose-matter").press("1")
                .onPrompt("mode-menu").press("2")
                .onRecordAfter("record-message").say(speech).press("#")
                .onPrompt("message-menu").press("1")
                .onPrompt("hear-again-menu").press("2")
                .build();
    }

    /** A call with a unique id (Asterisk's are unique; the fake's are per second). */
    static FakeCall call(int agiPort) {
        int n = CALLS.incrementAndGet();
        return FakeAsterisk.call("127.0.0.1", agiPort, "line111").callerId("0912" + String.format("%07d", n))
                .uniqueId(System.currentTimeMillis() / 1000 + "." + n).readTimeout(Duration.ofSeconds(30));
    }

    /** Whether an AGI command plays the prompt (STREAM FILE, or one part of an EXEC Playback a&b&c). */
    static boolean plays(String commandLine, String prompt) {
        return Pattern.compile("/" + Pattern.quote(prompt) + "(?=[\\s&\"]|$)").matcher(commandLine).find();
    }

    /** The code the caller heard in full once (nine digits after "your-code-is"), if any. */
    static Optional<String> codeHeard(CallTranscript t) {
        List<String> p = t.promptNames();
        int at = p.indexOf("your-code-is");
        if (at < 0 || p.size() < at + 10) return Optional.empty();
        List<String> digits = p.subList(at + 1, at + 10);
        if (!digits.stream().allMatch(d -> d.matches("digit-\\d"))) return Optional.empty();
        return Optional.of(digits.stream().map(d -> d.substring("digit-".length())).collect(Collectors.joining()));
    }

    static String callId(CallTranscript t) {
        return t.environment().get("agi_uniqueid");
    }

    /** Two seconds of a tone: something to say into RECORD FILE. */
    static Path speech(Path file) throws IOException {
        int rate = 8000;
        int n = rate * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + n * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(n * 2);
        for (int i = 0; i < n; i++) b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
        return file;
    }
}
