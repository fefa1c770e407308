package ir.line111.fakeasterisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int call(String... args) {
        return CallCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void placesTheCallAndPrintsTheTranscript() throws Exception {
        Path yaml = tmp.resolve("menu.yaml");
        Files.writeString(yaml, """
                description: presses 1 at the menu
                call: {callerId: "09121234567"}
                caller:
                  - onPrompt: main-menu
                    press: "1"
                """);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    String request = "";
                    for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                        request = l.startsWith("agi_network_script: ") ? l : request;
                    }
                    s.getOutputStream().write("GET DATA line111/main-menu 5000 1\nHANGUP\n".getBytes(StandardCharsets.UTF_8));
                    s.shutdownOutput();
                    StringBuilder replies = new StringBuilder();
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        replies.append(l).append('|');
                    }
                    return request + " " + replies;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int status = call("--script", yaml.toString(), "--port", Integer.toString(server.getLocalPort()),
                    "--script-name", "line111-after-queue");
            assertThat(status).isZero();
            assertThat(seen.get()).isEqualTo("agi_network_script: line111-after-queue 200 result=1|200 result=1|HANGUP|HANGUP|");
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("# presses 1 at the menu", "< GET DATA line111/main-menu 5000 1",
                "> 200 result=1", "prompts:    [main-menu]", "ScriptHungUp");
    }

    @Test
    void saysWhenTheBackendIsNotRunning() throws Exception {
        Path yaml = tmp.resolve("s.yaml");
        Files.writeString(yaml, "caller: []\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(call("--script", yaml.toString(), "--port", Integer.toString(port))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not reach the FastAGI server");
    }

    @Test
    void badArgumentsPrintUsage() {
        assertThat(call("--port")).isEqualTo(2);
        assertThat(call()).isEqualTo(2);
        assertThat(call("--script", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: call --script", "no script");
    }
}
