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

    LinkConnection(Runnable onDrop, AmiInput.Counters input) {
        this.onDrop = onDrop;
        this.input = input;
        AmiEventClasses.ALL.forEach(this::registerUserEventClass);
    }

    /** Asterisk-Java's socket, with what would kill its reader taken out (see {@link AmiInput}). */
    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new AmiInput(super.createSocket(), input);
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
        super.dispatchEvent(event, requiredHandlingTime);
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
