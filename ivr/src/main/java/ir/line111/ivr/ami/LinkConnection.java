package ir.line111.ivr.ami;

import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;

/**
 * One AMI connection, used once. Asterisk-Java would reconnect by itself on a fresh thread, logging a
 * warning every attempt and keeping the old listeners; {@link AmiLink} owns reconnection instead (one
 * log line per outage, a new connection and listener each time), so this stops the library's own.
 */
final class LinkConnection extends ManagerConnectionImpl {

    private final Runnable onDrop;
    private final AmiInput.Counters input;
    private volatile AmiInput socketInput;

    LinkConnection(Runnable onDrop, AmiInput.Counters input) {
        this.onDrop = onDrop;
        this.input = input;
        AmiEventClasses.ALL.forEach(this::registerUserEventClass);
    }

    /** Asterisk-Java's socket, with what would kill its reader taken out (see {@link AmiInput}). */
    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        AmiInput in = new AmiInput(super.createSocket(), input);
        socketInput = in;
        return in;
    }

    /** Whether Asterisk sent anything on this connection within {@code d}. */
    boolean heardWithin(java.time.Duration d) {
        AmiInput in = socketInput;
        return in != null && in.heardWithin(d);
    }

    @Override
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        if (event instanceof DisconnectEvent) {
            // Leaving CONNECTED first makes the library skip its reconnect thread; it still releases the
            // callers waiting for responses.
            try (var _ = withLock()) {
                if (state == ManagerConnectionState.CONNECTED) state = ManagerConnectionState.DISCONNECTED;
            }
            onDrop.run();
        }
        // No handling-time budget: the library's budget is 500 ms over its queue length, so in a burst every
        // listener call over 0 ms wrote a warning with the whole event. Ours only hands the event on.
        super.dispatchEvent(event, null);
    }

    /** Closes the socket without a Logoff (the peer may be gone) and without the library reconnecting. */
    void abandon() {
        try (var _ = withLock()) {
            state = ManagerConnectionState.DISCONNECTED;
        }
        disconnect();
    }

    boolean isConnected() {
        return getState() == ManagerConnectionState.CONNECTED;
    }
}
