package ir.line111.ivr.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** A TCP relay to the fake AMI that drops the lines from Asterisk that match: malformed input the fake never sends. */
final class LineFilterRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Predicate<String> drop;

    LineFilterRelay(int targetPort, Predicate<String> drop) throws IOException {
        this.target = targetPort;
        this.drop = drop;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                InputStream fromClient = client.getInputStream();
                Thread.ofVirtual().start(() -> pipe(fromClient, server));
                Thread.ofVirtual().start(() -> filter(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pipe(InputStream in, Socket to) {
        try (to) {
            in.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed
        }
    }

    private void filter(Socket from, Socket to) {
        try (from; to) {
            BufferedReader in = new BufferedReader(new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = to.getOutputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                line.append((char) c);
                if (c == '\n') {
                    String l = line.toString();
                    if (!drop.test(l.strip())) out.write(l.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    line.setLength(0);
                }
            }
        } catch (IOException e) {
            // either side closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
