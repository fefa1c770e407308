package ir.line111.fakeasterisk.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.BaseAgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake against a real Asterisk-Java DefaultAgiServer: what the script sees is what Asterisk would give it. */
class AsteriskJavaInteropTest {

    @TempDir
    static Path tmp;

    static DefaultAgiServer server;
    static int port;
    static final Map<String, CompletableFuture<Map<String, Object>>> results = new ConcurrentHashMap<>();

    /** answer, stream, get data, record, say digits, set variable, hang up; everything it saw goes into results. */
    static final class TinyIvr extends BaseAgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            Map<String, Object> seen = new ConcurrentHashMap<>();
            CompletableFuture<Map<String, Object>> done = results.computeIfAbsent(request.getCallerIdNumber(),
                    k -> new CompletableFuture<>());
            try {
                seen.put("script", request.getScript());
                seen.put("uniqueId", request.getUniqueId());
                seen.put("args", List.of(request.getArguments()));
                answer();
                seen.put("stream", streamFile("line111/welcome", "12"));
                seen.put("data", getData("line111/main-menu", 5000, 4));
                seen.put("digit", waitForDigit(3000));
                seen.put("record", recordFile(tmp.resolve("rec-" + request.getCallerIdNumber()).toString(),
                        "wav", "#", 10000, 0, true, 2));
                sayDigits("1234");
                setVariable("LINE111_NEXT", "HANGUP");
                seen.put("var", getVariable("LINE111_NEXT"));
                hangup();
                seen.put("end", "hung up");
            } catch (AgiHangupException e) {
                seen.put("end", "caller hung up");
            } finally {
                done.complete(seen);
            }
        }
    }

    /** DefaultAgiServer bound to an ephemeral loopback port. */
    static final class EphemeralAgiServer extends DefaultAgiServer {
        final CompletableFuture<Integer> bound = new CompletableFuture<>();

        EphemeralAgiServer() {
            super(mapping());
        }

        private static SimpleMappingStrategy mapping() {
            SimpleMappingStrategy m = new SimpleMappingStrategy();
            m.setMappings(Map.of("tiny", new TinyIvr()));
            return m;
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacadeImpl facade = new ServerSocketFacadeImpl(0, 50, InetAddress.getLoopbackAddress());
            try {
                for (Field f : ServerSocketFacadeImpl.class.getDeclaredFields()) {
                    if (ServerSocket.class.isAssignableFrom(f.getType())) {
                        f.setAccessible(true);
                        bound.complete(((ServerSocket) f.get(facade)).getLocalPort());
                    }
                }
            } catch (ReflectiveOperationException e) {
                bound.completeExceptionally(e);
            }
            return facade;
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        EphemeralAgiServer s = new EphemeralAgiServer();
        server = s;
        Thread.ofVirtual().start(() -> {
            try {
                s.startup();
            } catch (IOException e) {
                s.bound.completeExceptionally(e);
            }
        });
        port = s.bound.get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    static Path speech(int samples) throws IOException {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (6000 * Math.sin(i * 0.3));
        }
        Path p = tmp.resolve("speech-" + samples + ".wav");
        try (OutputStream out = Files.newOutputStream(p)) {
            Wav.writeWav(out, Wav.pcm(s, samples));
        }
        return p;
    }

    @Test
    void aWholeCallSeenThroughAsteriskJava() throws Exception {
        Path voice = speech(24000);
        CallTranscript t = FakeAsterisk.call("127.0.0.1", port, "tiny")
                .callerId("09121234567")
                .args("fa")
                .script(CallerScript.builder()
                        .onPrompt("welcome").press("2")
                        .onPrompt("main-menu").press("0499#")
                        .onInput().press("7")
                        .onRecord().say(voice).press("#")
                        .build())
                .run();
        Map<String, Object> seen = results.get("09121234567").get(10, TimeUnit.SECONDS);

        assertThat(seen).containsEntry("script", "tiny")
                .containsEntry("uniqueId", t.environment().get("agi_uniqueid"))
                .containsEntry("stream", '2')
                .containsEntry("data", "0499")
                .containsEntry("digit", '7')
                .containsEntry("record", '#')
                .containsEntry("var", "HANGUP")
                .containsEntry("end", "hung up");
        assertThat(seen.get("args")).isEqualTo(List.of("fa"));
        assertThat(t.end()).isInstanceOf(CallEnd.ScriptHungUp.class);
        assertThat(t.promptNames()).startsWith("welcome", "main-menu");
        assertThat(t.variable("LINE111_NEXT")).contains("HANGUP");
        assertThat(t.recordings()).singleElement()
                .satisfies(r -> assertThat(r.samples()).isEqualTo(24000 - 1600));
        assertThat(Files.size(tmp.resolve("rec-09121234567.wav"))).isEqualTo(44 + 2L * (24000 - 1600));
    }

    @Test
    void aCallerWhoHangsUpInTheMenuEndsTheScriptWithAHangupException() throws Exception {
        CallTranscript t = FakeAsterisk.call("127.0.0.1", port, "tiny")
                .callerId("09350000001")
                .script(CallerScript.builder().onPrompt("main-menu").hangUp().build())
                .run();
        Map<String, Object> seen = results.get("09350000001").get(10, TimeUnit.SECONDS);
        assertThat(seen).containsEntry("end", "caller hung up");
        assertThat(t.callerHungUp()).isTrue();
        assertThat(t.agiStatus()).isEqualTo("HANGUP");
    }
}
