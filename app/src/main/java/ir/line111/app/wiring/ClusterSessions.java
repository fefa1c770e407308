package ir.line111.app.wiring;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import ir.line111.console.security.SessionStore;
import ir.line111.console.security.SharedSessionStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The console's sessions in a Hazelcast map of the cluster (backed up on another member, so a node's
 * death loses none): each entry lives until its session's absolute time-out. A node reads an entry
 * once (its first request with that session) and keeps the object; activity and changes are written
 * without waiting, a new session and a sign-out with.
 */
public final class ClusterSessions implements SharedSessionStore.SharedMap {
    static final String MAP = "line111.console.sessions";

    private final IMap<String, String> map;

    private ClusterSessions(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(MAP);
    }

    /** The store for this node: shared in a cluster, in memory on a single node. */
    public static SessionStore.Factory factory(ClusterNode node) {
        return node.clustered() ? SharedSessionStore.over(new ClusterSessions(node.hazelcast())) : SessionStore.Factory.IN_MEMORY;
    }

    @Override
    public String get(String id) {
        return map.get(id);
    }

    @Override
    public void put(String id, String json, Duration ttl) {
        map.set(id, json, Math.max(1, ttl.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public void putLater(String id, String json, Duration ttl) {
        map.setAsync(id, json, Math.max(1, ttl.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public void remove(String id) {
        map.delete(id);
    }

    @Override
    public Map<String, String> entries() {
        return new HashMap<>(map);
    }

    @Override
    public void onRemoved(Consumer<String> id) {
        map.addEntryListener(new Gone(id), false);
    }

    private record Gone(Consumer<String> id) implements EntryRemovedListener<String, String>,
            EntryEvictedListener<String, String>, EntryExpiredListener<String, String> {
        @Override
        public void entryRemoved(com.hazelcast.core.EntryEvent<String, String> e) {
            id.accept(e.getKey());
        }

        @Override
        public void entryEvicted(com.hazelcast.core.EntryEvent<String, String> e) {
            id.accept(e.getKey());
        }

        @Override
        public void entryExpired(com.hazelcast.core.EntryEvent<String, String> e) {
            id.accept(e.getKey());
        }
    }
}
