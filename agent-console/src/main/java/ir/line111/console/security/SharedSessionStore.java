package ir.line111.console.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Sessions in a map every node of a cluster shares (the composition root gives one, e.g. a Hazelcast
 * map), so that a browser signed in on one node is signed in on all and a load balancer needs no
 * stickiness; a node that dies takes no session with it. Each node keeps the sessions it served as
 * objects (the WebSocket holds them) and writes changes through: the device, the recordings a
 * screen-pop allowed, and activity at most every {@link #activityWrite()}. A session closed on any
 * node (sign-out, a disabled user) is dropped on every node when the map says so.
 */
public final class SharedSessionStore implements SessionStore {

    /** What the store needs of the shared map: session id → the session as JSON, each with a time to live. */
    public interface SharedMap {
        String get(String id);

        void put(String id, String json, Duration ttl);

        /** As {@link #put}, without waiting for it (activity and changes: the request need not wait on the cluster). */
        default void putLater(String id, String json, Duration ttl) {
            put(id, json, ttl);
        }

        void remove(String id);

        /** Every entry (the supervisor's session list, closing all of a user's, the sweep). */
        Map<String, String> entries();

        /** Called with the id of every entry removed or expired, whichever node removed it. */
        void onRemoved(Consumer<String> id);
    }

    private final SharedMap shared;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;
    private final Map<String, Session> local = new ConcurrentHashMap<>();
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    public SharedSessionStore(SharedMap shared, Duration idle, Duration absolute, Clock clock) {
        this.shared = shared;
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
        shared.onRemoved(id -> {
            local.remove(id);
            written.remove(id);
        });
    }

    public static Factory over(SharedMap shared) {
        return (idle, absolute, clock) -> new SharedSessionStore(shared, idle, absolute, clock);
    }

    @Override
    public Duration idle() { return idle; }

    /** How stale the shared copy's last activity may be: a tenth of the idle time, at most a minute. */
    Duration activityWrite() {
        Duration tenth = idle.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
    }

    @Override
    public Session open(ConsoleUser user, String ip) {
        Instant now = clock.instant();
        Session s = new Session(SessionStore.newToken(), SessionStore.newToken(), user, ip, now, now.plus(absolute));
        keep(s);
        write(s, true);
        return s;
    }

    @Override
    public Lookup touch(String id) {
        if (id == null || id.isEmpty()) return new Lookup.Missing();
        Session s = resolve(id);
        if (s == null) return new Lookup.Missing();
        Instant now = clock.instant();
        if (!fresh(s, now)) {
            close(id);
            return new Lookup.Expired();
        }
        s.touch(now);
        Instant w = written.get(id);
        if (w == null || !now.isBefore(w.plus(activityWrite()))) write(s, false);
        return new Lookup.Found(s);
    }

    @Override
    public boolean alive(Session s) {
        return local.get(s.id()) == s && fresh(s, clock.instant());
    }

    @Override
    public void close(String id) {
        if (id == null) return;
        local.remove(id);
        written.remove(id);
        shared.remove(id);
    }

    @Override
    public void closeAll(String username) {
        for (Map.Entry<String, String> e : shared.entries().entrySet()) {
            if (username.equals(new JsonObject(e.getValue()).getJsonObject("user").getString("username"))) close(e.getKey());
        }
        local.values().removeIf(s -> s.username().equals(username));
    }

    @Override
    public int closeOthers(String username, String keepId) {
        int ended = 0;
        for (Map.Entry<String, String> e : shared.entries().entrySet()) {
            if (!e.getKey().equals(keepId)
                    && username.equals(new JsonObject(e.getValue()).getJsonObject("user").getString("username"))) {
                close(e.getKey());
                ended++;
            }
        }
        return ended;
    }

    @Override
    public List<Session> all() {
        List<Session> all = new ArrayList<>();
        for (Map.Entry<String, String> e : shared.entries().entrySet()) {
            Session s = local.get(e.getKey());
            all.add(s != null ? s : decode(e.getKey(), e.getValue()));
        }
        return all;
    }

    @Override
    public void sweep() {
        Instant now = clock.instant();
        for (Map.Entry<String, String> e : shared.entries().entrySet()) {
            Session s = decode(e.getKey(), e.getValue());
            if (!now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeen().plus(idle))) close(e.getKey());
        }
    }

    @Override
    public Optional<Session> find(String id) {
        return Optional.ofNullable(id == null ? null : resolve(id));
    }

    /** Not expired; a session that looks idle here may have been used on another node, so that one is re-read. */
    private boolean fresh(Session s, Instant now) {
        if (!now.isBefore(s.expiresAt())) return false;
        if (now.isBefore(s.lastSeen().plus(idle))) return true;
        String json = shared.get(s.id());
        if (json == null) return false;
        Instant seen = Instant.parse(new JsonObject(json).getString("lastSeen"));
        if (seen.isAfter(s.lastSeen())) s.touch(seen);
        return now.isBefore(s.lastSeen().plus(idle));
    }

    private Session resolve(String id) {
        Session s = local.get(id);
        if (s != null) return s;
        String json = shared.get(id);
        if (json == null) return null;
        s = decode(id, json);
        Session decoded = s;
        Session raced = local.putIfAbsent(id, decoded);
        if (raced != null) return raced;
        written.put(id, decoded.lastSeen());
        decoded.onChange(() -> write(decoded, false));
        return decoded;
    }

    private void keep(Session s) {
        local.put(s.id(), s);
        s.onChange(() -> write(s, false));
    }

    /** A new session is written before its cookie goes out ({@code now}); later changes go without waiting. */
    private void write(Session s, boolean now) {
        if (s == null || local.get(s.id()) != s) return;
        Duration ttl = Duration.between(clock.instant(), s.expiresAt());
        if (ttl.isNegative() || ttl.isZero()) return;
        written.put(s.id(), s.lastSeen());
        if (now) shared.put(s.id(), encode(s).encode(), ttl);
        else shared.putLater(s.id(), encode(s).encode(), ttl);
    }

    static JsonObject encode(Session s) {
        ConsoleUser u = s.user();
        JsonArray roles = new JsonArray();
        u.roles().forEach(r -> roles.add(r.name()));
        return new JsonObject().put("csrf", s.csrfToken()).put("ip", s.ip())
                .put("user", new JsonObject().put("username", u.username()).put("fullName", u.fullName()).put("roles", roles)
                        .put("enabled", u.enabled()).put("device", u.device()))
                .put("createdAt", s.createdAt().toString()).put("expiresAt", s.expiresAt().toString())
                .put("lastSeen", s.lastSeen().toString()).put("device", s.activeDevice())
                .put("popped", new JsonArray(new ArrayList<>(s.poppedRecordings())));
    }

    static Session decode(String id, String json) {
        JsonObject j = new JsonObject(json);
        JsonObject u = j.getJsonObject("user");
        Set<Role> roles = new HashSet<>();
        u.getJsonArray("roles").forEach(r -> roles.add(Role.valueOf((String) r)));
        Session s = new Session(id, j.getString("csrf"), new ConsoleUser(u.getString("username"), u.getString("fullName"), roles,
                u.getBoolean("enabled"), u.getString("device")), j.getString("ip"),
                Instant.parse(j.getString("createdAt")), Instant.parse(j.getString("expiresAt")));
        List<Long> popped = new ArrayList<>();
        j.getJsonArray("popped").forEach(p -> popped.add(((Number) p).longValue()));
        s.restore(Instant.parse(j.getString("lastSeen")), j.getString("device"), popped);
        return s;
    }
}
