package ir.line111.fakeasterisk.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller's rules, hang-ups at every moment, and the garbled-Asterisk modes, through a real socket. */
class CallerBehaviourTest {

    @TempDir
    Path tmp;

    /** Runs the commands against the fake and returns what it sent after the environment, and the transcript. */
    record Run(String replies, CallTranscript transcript) {
        List<String> lines() {
            return replies.isEmpty() ? List.of() : List.of(replies.split("\n", -1)).subList(0, replies.split("\n", -1).length - 1);
        }
    }

    private Run run(List<String> commands, Consumer<FakeCall> setup) throws Exception {
        try (ScriptedAgiServer server = new ScriptedAgiServer(commands)) {
            FakeCall call = FakeAsterisk.call("127.0.0.1", server.port(), "line111").redirectRecordings(tmp);
            setup.accept(call);
            CallTranscript t = call.run();
            String all = server.received();
            int envEnd = all.indexOf("\n\n");
            return new Run(envEnd < 0 ? all : all.substring(envEnd + 2), t);
        }
    }

    private Path tone(int samples) throws IOException {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (5000 * Math.sin(i * 0.2));
        }
        Path p = tmp.resolve("tone-" + samples + ".wav");
        try (OutputStream out = Files.newOutputStream(p)) {
            Wav.writeWav(out, Wav.pcm(s, samples));
        }
        return p;
    }

    @Test
    void theEnvironmentFollowsAsterisk22() throws Exception {
        Run r = run(List.of(), c -> c.callerId("09121234567").callerIdName("Ali").args("fa", "").uniqueId("1700000000.7")
                .channel("PJSIP/trunk-00000007"));
        assertThat(r.transcript().environment().keySet()).startsWith("agi_network", "agi_network_script", "agi_request")
                .endsWith("agi_threadid", "agi_arg_1", "agi_arg_2");
        assertThat(r.transcript().environment()).containsEntry("agi_network_script", "line111")
                .containsEntry("agi_type", "PJSIP").containsEntry("agi_callerid", "09121234567")
                .containsEntry("agi_arg_2", "");
        assertThat(r.lines()).containsExactly("HANGUP");
        assertThat(r.transcript().end()).isEqualTo(new CallEnd.ReturnedToDialplan());
        assertThat(r.transcript().serverClosed()).isTrue();
    }

    @Test
    void keysPressedDuringAPromptThatCannotBeInterruptedWaitForTheNextRead() throws Exception {
        Run r = run(List.of("STREAM FILE line111/main-menu \"\"", "WAIT FOR DIGIT 5000", "WAIT FOR DIGIT 5000"),
                c -> c.script(CallerScript.builder().onPrompt("main-menu").press("1").build()));
        assertThat(r.lines()).containsExactly("200 result=0 endpos=16000", "200 result=49", "200 result=0", "HANGUP");
    }

    @Test
    void anEscapeDigitStopsThePromptOneSecondIn() throws Exception {
        Run r = run(List.of("STREAM FILE line111/main-menu \"12\"", "GET OPTION line111/confirm-menu \"12\" 3000"),
                c -> c.promptLength("main-menu", 40000).script(CallerScript.builder()
                        .onPrompt("main-menu").press("2")
                        .onPrompt("confirm-menu").press("1").at(Duration.ofSeconds(5)).build()));
        assertThat(r.lines()).containsExactly("200 result=50 endpos=8000", "200 result=49 endpos=16000", "HANGUP");
    }

    @Test
    void getDataEndsAtHashAtMaxDigitsOrByTimeout() throws Exception {
        Run r = run(List.of("GET DATA line111/enter-tracking-code 5000 9", "GET DATA line111/key-national-id 5000 10",
                        "GET DATA line111/main-menu 3000 1", "WAIT FOR DIGIT 100", "GET DATA line111/x 2000 4"),
                c -> c.script(CallerScript.builder()
                        .onPrompt("enter-tracking-code").press("1234#")
                        .onPrompt("key-national-id").press("0499370899#")
                        .onPrompt("main-menu").press("12")
                        .build()));
        assertThat(r.lines()).containsExactly("200 result=1234", "200 result=0499370899", "200 result=1",
                "200 result=50", "200 result= (timeout)", "HANGUP");
        assertThat(r.transcript().keysConsumed()).isEqualTo("1234#049937089912");
    }

    @Test
    void rulesFireOnceInOrderUnlessToldOtherwise() throws Exception {
        Run r = run(List.of("GET DATA m 3000 1", "GET DATA m 3000 1", "GET DATA m 3000 1", "GET DATA m 3000 1"),
                c -> c.script(CallerScript.builder().onPrompt("m").press("9").times(2).onPrompt("m").press("1")
                        .build()));
        assertThat(r.lines()).containsExactly("200 result=9", "200 result=9", "200 result=1", "200 result= (timeout)",
                "HANGUP");
        Run always = run(List.of("WAIT FOR DIGIT 1", "WAIT FOR DIGIT 1", "WAIT FOR DIGIT 1"),
                c -> c.script(CallerScript.builder().onInput().press("5").always().build()));
        assertThat(always.lines()).containsExactly("200 result=53", "200 result=53", "200 result=53", "HANGUP");
    }

    @Test
    void recordingsAreWrittenAfterTheRightPrompt() throws Exception {
        Path id = tone(20000);
        Path message = tone(30000);
        Path dir = tmp.resolve("rec");
        Files.createDirectories(dir);
        Run r = run(List.of("STREAM FILE line111/say-national-id \"\"", "RECORD FILE " + dir + "/nid wav \"#\" 10000 beep s=2",
                        "STREAM FILE line111/record-message \"\"", "RECORD FILE " + dir + "/msg wav \"#\" 60000 beep s=3"),
                c -> c.script(CallerScript.builder()
                        .onRecordAfter("record-message").say(message).press("#")
                        .onRecordAfter("say-national-id").say(id)
                        .build()));
        // 20000 samples = 2.5 s, then 2 s of silence: stopped after 4.5 s of 10, 1 s of silence kept
        assertThat(r.lines()).containsExactly("200 result=0 endpos=16000", "200 result=5500 (timeout) endpos=28000",
                "200 result=0 endpos=16000", "200 result=35 (dtmf) endpos=28400", "HANGUP");
        assertThat(r.transcript().recordings()).extracting(CallTranscript.Recording::samples)
                .containsExactly(28000L, 28400L);
        assertThat(Files.size(tmp.resolve(dir.toString().substring(1)).resolve("msg.wav"))).isEqualTo(44 + 2 * 28400);
    }

    @Test
    void aRecordingInAFolderThatDoesNotExistFailsAsInAsterisk() throws Exception {
        Path voice = tone(4000);
        Run r = run(List.of("RECORD FILE /no/such/folder/x wav \"#\" 1000", "RECORD FILE x nosuchformat \"#\" 1000",
                "RECORD FILE x ulaw \"#\" 1000"), c -> c.redirectRecordings(null).recordingRoot(tmp)
                .script(CallerScript.builder().onCommandNumber(3).say(voice).build()));
        assertThat(r.lines()).containsExactly("200 result=-1 (writefile)", "200 result=-1 (writefile)",
                "200 result=0 (timeout) endpos=4000", "HANGUP");
        assertThat(r.transcript().agiStatus()).isEqualTo("FAILURE");
        assertThat(tmp.resolve("x.ulaw")).hasSize(4000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(List.of("RECORD FILE x gsm \"#\" 1000"), c -> { }))
                .hasMessageContaining("cannot write 'gsm'");
    }

    @Test
    void hangUpBeforeACommand() throws Exception {
        Run r = run(List.of("ANSWER", "STREAM FILE line111/welcome \"\"", "GET VARIABLE CHANNEL"),
                c -> c.channel("PJSIP/x-1").script(CallerScript.builder().hangUpBefore("STREAM FILE").build()));
        assertThat(r.lines()).containsExactly("200 result=0", "HANGUP",
                "511 Command Not Permitted on a dead channel or intercept routine", "200 result=1 (PJSIP/x-1)", "HANGUP");
        assertThat(r.transcript().end()).isEqualTo(
                new CallEnd.CallerHungUp(2, "STREAM FILE line111/welcome \"\"", CallerScript.HangUp.BEFORE));
        assertThat(r.transcript().prompts()).isEmpty();
    }

    @Test
    void hangUpDuringEachWaitingCommand() throws Exception {
        for (var c : List.of(
                List.of("GET DATA line111/main-menu 5000 1", "200 result=-1"),
                List.of("GET OPTION line111/confirm-menu \"12\" 3000", "200 result=-1 endpos=8000"),
                List.of("SAY DIGITS 123 \"\"", "200 result=-1"),
                List.of("EXEC Playback line111/goodbye", "200 result=-1"),
                List.of("SET VARIABLE A b", "200 result=1"))) {
            Run r = run(List.of(c.get(0), "ANSWER"),
                    f -> f.script(CallerScript.builder().onCommandNumber(1).hangUp().build()));
            assertThat(r.lines()).as(c.get(0)).containsExactly(c.get(1), "HANGUP",
                    "511 Command Not Permitted on a dead channel or intercept routine", "HANGUP");
            assertThat(r.transcript().agiStatus()).isEqualTo("HANGUP");
        }
    }

    @Test
    void hangUpAfterTheNthCommandAndWhenAPromptIsPlayed() throws Exception {
        Run r = run(List.of("ANSWER", "NOOP", "STREAM FILE line111/welcome \"\"", "NOOP"),
                c -> c.script(CallerScript.builder().hangUpAfterCommands(2).build()));
        assertThat(r.lines()).containsExactly("200 result=0", "200 result=0", "HANGUP",
                "511 Command Not Permitted on a dead channel or intercept routine", "200 result=0", "HANGUP");
        Run played = run(List.of("STREAM FILE line111/welcome \"\"", "STREAM FILE line111/goodbye \"\""),
                c -> c.script(CallerScript.builder().hangUpWhenPlayed("goodbye").build()));
        assertThat(played.lines()).containsExactly("200 result=0 endpos=16000", "200 result=-1 endpos=8000", "HANGUP", "HANGUP");
    }

    @Test
    void scriptHangupThenDeadChannel() throws Exception {
        Run r = run(List.of("HANGUP", "STREAM FILE x \"\"", "SET VARIABLE A 1", "DATABASE PUT f k v"), c -> { });
        assertThat(r.lines()).containsExactly("200 result=1", "HANGUP",
                "511 Command Not Permitted on a dead channel or intercept routine", "200 result=1", "200 result=1", "HANGUP");
        assertThat(r.transcript().end()).isEqualTo(new CallEnd.ScriptHungUp(1));
    }

    @Test
    void protocolErrors() throws Exception {
        Run r = run(List.of("FOO", "", "stream file", "answer", "GET VARIABLE", "SAY NUMBER 42 \"\""),
                c -> c.missingSounds("digits/40"));
        assertThat(r.lines()).containsExactly("510 Invalid or unknown command", "510 Invalid or unknown command",
                "520-Invalid command syntax.  Proper usage follows:", AgiCommandTable.byName("STREAM FILE").usage(),
                "520 End of proper usage.", "200 result=0",
                "520-Invalid command syntax.  Proper usage follows:", AgiCommandTable.byName("GET VARIABLE").usage(),
                "520 End of proper usage.", "200 result=-1", "HANGUP");
        assertThat(r.transcript().agiStatus()).isEqualTo("FAILURE");
    }

    @Test
    void variablesAndFunctions() throws Exception {
        Run r = run(List.of("SET VARIABLE LINE111_NEXT QUEUE", "EXEC Set LINE111_CALL_ID=42",
                        "GET FULL VARIABLE \"${LINE111_NEXT}/${LINE111_CALL_ID}/${CALLERID(num)}/${UNSET}\"",
                        "GET VARIABLE CALLERID(all)", "EXEC Queue line111-operators"),
                c -> c.callerId("09121234567").callerIdName("Ali Rezaei"));
        assertThat(r.lines()).containsExactly("200 result=1", "200 result=0", "200 result=1 (QUEUE/42/09121234567/)",
                "200 result=1 (\"Ali Rezaei\" <09121234567>)", "200 result=0", "HANGUP");
        assertThat(r.transcript().variablesSet()).containsExactly(
                java.util.Map.entry("LINE111_NEXT", "QUEUE"), java.util.Map.entry("LINE111_CALL_ID", "42"));
    }

    @Test
    void garbledReplyAndClosedSocket() throws Exception {
        Run r = run(List.of("ANSWER", "STREAM FILE line111/welcome \"\"", "NOOP"),
                c -> c.script(CallerScript.builder().onCommand("ANSWER").reply("999 what?")
                        .onPrompt("welcome").closeConnection("200 resu").build()));
        assertThat(r.replies()).isEqualTo("999 what?\n200 resu");
        assertThat(r.transcript().end()).isEqualTo(new CallEnd.ClosedByFake(2));
    }

    @Test
    void malformedEnvironments() throws Exception {
        for (MalformedEnvironment m : MalformedEnvironment.values()) {
            try (ScriptedAgiServer server = new ScriptedAgiServer(List.of("ANSWER"))) {
                CallTranscript t = FakeAsterisk.call("127.0.0.1", server.port(), "line111").malformedEnvironment(m).run();
                String received = server.received();
                switch (m) {
                    case EMPTY -> assertThat(received).isEqualTo("\n200 result=0\nHANGUP\n");
                    case MISSING_REQUEST -> assertThat(received).doesNotContain("agi_request").endsWith("\n\n200 result=0\nHANGUP\n");
                    case GARBAGE_LINES -> assertThat(received).contains("this line has no colon\n").endsWith("\n\n200 result=0\nHANGUP\n");
                    case TRUNCATED_THEN_CLOSE -> {
                        assertThat(received).doesNotContain("\n\n").doesNotContain("200 result");
                        assertThat(t.end()).isEqualTo(new CallEnd.ClosedByFake(0));
                    }
                }
            }
        }
    }

    @Test
    void noServerAndASilentServer() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CallTranscript refused = FakeAsterisk.call("127.0.0.1", closedPort, "line111").run();
        assertThat(refused.end()).isInstanceOf(CallEnd.ConnectionFailed.class);
        assertThat(refused.agiStatus()).isEqualTo("FAILURE");

        // agi-unreachable.log: a server that accepts and closes at once leaves AGISTATUS=SUCCESS
        try (ServerSocket closing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    closing.accept().close();
                } catch (IOException ignored) {
                    // the test fails on the assertion below
                }
            });
            CallTranscript t = FakeAsterisk.call("127.0.0.1", closing.getLocalPort(), "line111").run();
            assertThat(t.agiStatus()).isEqualTo("SUCCESS");
            assertThat(t.exchanges()).isEmpty();
        }

        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CallTranscript t = FakeAsterisk.call("127.0.0.1", silent.getLocalPort(), "line111")
                    .readTimeout(Duration.ofMillis(300)).run();
            assertThat(t.end()).isInstanceOf(CallEnd.ConnectionLost.class);
            assertThat(t.serverClosed()).isFalse();
        }
    }

    @Test
    void parseArgsAsAsterisk() {
        assertThat(AgiCommand.parseArgs("STREAM FILE x \"\"")).containsExactly("STREAM", "FILE", "x", "");
        assertThat(AgiCommand.parseArgs("VERBOSE \"a b\" 1")).containsExactly("VERBOSE", "a b", "1");
        assertThat(AgiCommand.parseArgs("SET VARIABLE X \"say \\\"hi\\\"\"")).containsExactly("SET", "VARIABLE", "X", "say \"hi\"");
        assertThat(AgiCommand.parseArgs("  NOOP   x  ")).containsExactly("NOOP", "x");
        assertThat(AgiCommand.parseArgs("")).isEmpty();
        assertThat(AgiCommand.parse(1, "get full variable ${X}").verb()).isEqualTo("GET FULL VARIABLE");
    }

    @Test
    void timeScaleMakesCommandsTakeTheirLineTime() throws Exception {
        List<CallTranscript.Exchange> live = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        Run r = run(List.of("STREAM FILE line111/welcome \"\"", "WAIT FOR DIGIT 2000", "NOOP"),
                c -> c.promptLength("welcome", 16000).timeScale(0.05).listener(live::add));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        // 2 s of prompt + 2 s of waiting, at 1/20 speed
        assertThat(tookMs).isGreaterThanOrEqualTo(200);
        assertThat(r.transcript().exchanges()).extracting(CallTranscript.Exchange::lineTime)
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO);
        assertThat(live).hasSize(3);
        assertThat(r.transcript().serverTimes()).hasSize(3).allSatisfy(d -> assertThat(d).isPositive());
    }

    @Test
    void anOverlongLineIsCutWhereAsteriskCutsIt() throws Exception {
        String longValue = "x".repeat(3000);
        Run r = run(List.of("SET VARIABLE LONG " + longValue, "SET VARIABLE PERSIAN \"سلام دنیا\"", "GET VARIABLE PERSIAN"), c -> { });
        // 2047 bytes make the first command; the remaining x's are an unknown command
        assertThat(r.lines()).containsExactly("200 result=1", "510 Invalid or unknown command", "200 result=1",
                "200 result=1 (سلام دنیا)", "HANGUP");
        assertThat(r.transcript().variable("LONG")).hasValueSatisfying(v -> assertThat(v).hasSize(2047 - "SET VARIABLE LONG ".length()));
    }
}
