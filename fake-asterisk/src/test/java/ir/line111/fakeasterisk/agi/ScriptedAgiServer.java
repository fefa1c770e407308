package ir.line111.fakeasterisk.agi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The FastAGI server side of a trace: accepts one connection, reads the environment, sends the
 * trace's commands, half-closes (as the capturing server did) and returns every byte it received.
 * The fake is deterministic, so sending the commands at once gives the same bytes as a lock-step dialogue.
 */
final class ScriptedAgiServer implements AutoCloseable {
    private final ServerSocket server;
    private final CompletableFuture<String> received = new CompletableFuture<>();

    ScriptedAgiServer(List<String> commands) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                // environment: up to and including the blank line
                int prev = -1;
                int c;
                while ((c = in.read()) >= 0) {
                    all.write(c);
                    if (c == '\n' && (prev == '\n' || prev == -1)) {
                        break;
                    }
                    prev = c;
                }
                OutputStream out = s.getOutputStream();
                StringBuilder sb = new StringBuilder();
                commands.forEach(cmd -> sb.append(cmd).append('\n'));
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                s.shutdownOutput();
                in.transferTo(all);
                received.complete(all.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                received.completeExceptionally(e);
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    String received() throws Exception {
        return received.get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
