package ir.line111.console.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes' stores over one shared map (a map standing in for the cluster's, listeners included). */
class SharedSessionStoreTest {

    static final class Shared implements SharedSessionStore.SharedMap {
        final Map<String, String> map = new ConcurrentHashMap<>();
        final List<Consumer<String>> listeners = new ArrayList<>();
        int puts;

        @Override public String get(String id) { return map.get(id); }
        @Override public void put(String id, String json, Duration ttl) { puts++; map.put(id, json); }
        @Override public void remove(String id) { if (map.remove(id) != null) listeners.forEach(l -> l.accept(id)); }
        @Override public Map<String, String> entries() { return new HashMap<>(map); }
        @Override public void onRemoved(Consumer<String> id) { listeners.add(id); }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final Shared shared = new Shared();
    final MovableClock clock = new MovableClock();
    final SessionStore a = new SharedSessionStore(shared, Duration.ofMinutes(30), Duration.ofHours(12), clock);
    final SessionStore b = new SharedSessionStore(shared, Duration.ofMinutes(30), Duration.ofHours(12), clock);
    final ConsoleUser sara = new ConsoleUser("sara", "سارا", Set.of(Role.OPERATOR), true, "PJSIP/2001");

    @Test
    void aSessionOpenedOnOneNodeIsFoundWithItsTokenDeviceAndPoppedRecordingsOnAnother() {
        Session s = a.open(sara, "10.0.0.7");
        s.device("PJSIP/2002");
        s.allowRecording(42L);
        var found = b.touch(s.id());
        assertThat(found).isInstanceOf(SessionStore.Lookup.Found.class);
        Session there = ((SessionStore.Lookup.Found) found).session();
        assertThat(there.csrfToken()).isEqualTo(s.csrfToken());
        assertThat(there.user()).isEqualTo(sara);
        assertThat(there.device()).isEqualTo("PJSIP/2002");
        assertThat(there.popped(42L)).isTrue();
        assertThat(there.expiresAt()).isEqualTo(s.expiresAt());
        assertThat(b.alive(there)).isTrue();
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnEvery() {
        Session s = a.open(sara, "10.0.0.7");
        Session there = ((SessionStore.Lookup.Found) b.touch(s.id())).session();
        a.close(s.id());
        assertThat(b.alive(there)).isFalse();
        assertThat(b.touch(s.id())).isInstanceOf(SessionStore.Lookup.Missing.class);
        Session again = a.open(sara, "10.0.0.7");
        b.touch(again.id());
        b.closeAll("sara");
        assertThat(a.alive(again)).isFalse();
    }

    @Test
    void activityOnOneNodeKeepsTheSessionAliveOnTheOtherWithoutAWritePerRequest() {
        Session s = a.open(sara, "10.0.0.7");
        Session there = ((SessionStore.Lookup.Found) b.touch(s.id())).session();
        int before = shared.puts;
        for (int i = 0; i < 240; i++) {
            clock.now = clock.now.plus(Duration.ofSeconds(10));
            assertThat(a.touch(s.id())).isInstanceOf(SessionStore.Lookup.Found.class);
        }
        assertThat(shared.puts - before).as("writes for 240 requests over 40 minutes").isLessThanOrEqualTo(41);
        assertThat(b.alive(there)).as("used on A within the idle time").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(b.alive(there)).isFalse();
        assertThat(b.touch(s.id())).isInstanceOf(SessionStore.Lookup.Expired.class);
    }
}
