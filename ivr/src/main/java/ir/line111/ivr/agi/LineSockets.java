package ir.line111.ivr.agi;

import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The listening socket under Asterisk-Java's server. Asterisk-Java's own facade hides the bound port
 * (tests bind port 0) and its connection class cannot be built from outside its package, so this
 * small pair stands in: lines end with '\n' (AGI), UTF-8 both ways.
 */
final class LineSockets {
    private LineSockets() {}

    static final class Listener implements ServerSocketFacade {
        private final ServerSocket server;
        private volatile int readTimeoutMillis;

        Listener(ServerSocket server, int readTimeoutMillis) {
            this.server = server;
            this.readTimeoutMillis = readTimeoutMillis;
        }

        @Override
        public SocketConnectionFacade accept() throws IOException {
            Socket s = server.accept();
            try {
                s.setSoTimeout(readTimeoutMillis);
                s.setTcpNoDelay(true);
                return new Connection(s);
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        @Override
        public void setSocketReadTimeout(int millis) {
            this.readTimeoutMillis = millis;
        }
    }

    static final class Connection implements SocketConnectionFacade {
        private final Socket socket;
        private final BufferedReader in;
        private final BufferedWriter out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024);
            this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 512);
        }

        /** Null at the end of the stream; Asterisk-Java reads that as a hang-up. */
        @Override
        public String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void write(String s) throws IOException {
            out.write(s);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected() && !socket.isClosed();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getInetAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getPort();
        }
    }
}
