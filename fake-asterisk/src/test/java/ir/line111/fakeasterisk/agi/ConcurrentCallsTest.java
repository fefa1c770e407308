package ir.line111.fakeasterisk.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many simultaneous calls, one virtual thread each, against a lock-step FastAGI server. */
class ConcurrentCallsTest {

    static final int CALLS = 1000;

    @Test
    void aThousandCallsAtOnce() throws Exception {
        AtomicInteger served = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, CALLS, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> serve(s, served));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            List<CompletableFuture<CallTranscript>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(FakeAsterisk.call("127.0.0.1", server.getLocalPort(), "line111")
                        .callerId(String.format("0912%07d", i))
                        .script(CallerScript.builder().onPrompt("main-menu").press("1").build())
                        .start());
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (CompletableFuture<CallTranscript> c : calls) {
                CallTranscript t = c.join();
                assertThat(t.end()).isInstanceOf(CallEnd.ScriptHungUp.class);
                assertThat(t.keysConsumed()).isEqualTo("1");
            }
            assertThat(served.get()).isEqualTo(CALLS);
            System.out.printf("%d concurrent fake calls in %d ms%n", CALLS, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void serve(Socket s, AtomicInteger served) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                // environment
            }
            for (String cmd : List.of("ANSWER", "STREAM FILE line111/welcome \"\"", "GET DATA line111/main-menu 5000 1",
                    "SET VARIABLE LINE111_NEXT HANGUP", "HANGUP")) {
                out.write((cmd + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                if (reply == null || !reply.startsWith("200 ")) {
                    return;
                }
            }
            served.incrementAndGet();
        } catch (IOException e) {
            // counted as not served
        }
    }
}
