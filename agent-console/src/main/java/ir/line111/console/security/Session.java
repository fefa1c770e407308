package ir.line111.console.security;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A signed-in browser. The id travels in the cookie; the CSRF token is separate and must come back in a
 * header on every state change, which a cross-site form or image cannot do.
 */
public final class Session {
    private final String id;
    private final String csrfToken;
    private final ConsoleUser user;
    private final String ip;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final AtomicReference<Instant> lastSeen;
    /** The device the operator logged into the queue with, for matching screen-pops. */
    private final AtomicReference<String> activeDevice = new AtomicReference<>();
    /** Recordings pushed to this operator in a screen-pop (the spoken-ID clip of a caller not yet in a case). */
    private final java.util.Set<Long> poppedRecordings = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Told of a change that other nodes must see (a shared store writes the session through). */
    private volatile Runnable changed = () -> {};

    Session(String id, String csrfToken, ConsoleUser user, String ip, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.user = user;
        this.ip = ip;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastSeen = new AtomicReference<>(createdAt);
    }

    public String id() { return id; }
    public String csrfToken() { return csrfToken; }
    public ConsoleUser user() { return user; }
    public String username() { return user.username(); }
    public String ip() { return ip; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant lastSeen() { return lastSeen.get(); }
    void touch(Instant now) { lastSeen.set(now); }

    public boolean has(Role role) { return user.has(role); }

    public String device() {
        String d = activeDevice.get();
        return d != null ? d : user.device();
    }

    public void device(String device) {
        activeDevice.set(device);
        changed.run();
    }

    public void allowRecording(Long recordingId) {
        if (recordingId != null && poppedRecordings.add(recordingId)) changed.run();
    }

    /** The device set by {@link #device(String)}, null when none was (for a shared store). */
    String activeDevice() { return activeDevice.get(); }

    java.util.Set<Long> poppedRecordings() { return java.util.Set.copyOf(poppedRecordings); }

    void onChange(Runnable r) { changed = r; }

    /** A shared store rebuilding the session another node wrote: no change is told. */
    void restore(Instant seen, String device, java.util.Collection<Long> popped) {
        lastSeen.set(seen);
        activeDevice.set(device);
        poppedRecordings.addAll(popped);
    }

    public boolean popped(long recordingId) { return poppedRecordings.contains(recordingId); }
}
