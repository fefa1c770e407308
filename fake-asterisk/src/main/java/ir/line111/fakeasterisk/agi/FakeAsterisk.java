package ir.line111.fakeasterisk.agi;

/**
 * Plays Asterisk 22's side of FastAGI: connects to a FastAGI server, sends a call's agi_ environment
 * and answers each command as Asterisk does, following a scripted caller.
 *
 * <pre>{@code
 * CallTranscript t = FakeAsterisk.call("127.0.0.1", port, "line111")
 *     .callerId("09121234567")
 *     .script(CallerScript.builder().onPrompt("main-menu").press("1").onRecord().say(wav).build())
 *     .run();
 * }</pre>
 */
public final class FakeAsterisk {
    private FakeAsterisk() {}

    /** A call to {@code agi://host:port/script}; configure it, then {@link FakeCall#run()} or {@link FakeCall#start()}. */
    public static FakeCall call(String host, int port, String script) {
        return new FakeCall(host, port, script);
    }
}
