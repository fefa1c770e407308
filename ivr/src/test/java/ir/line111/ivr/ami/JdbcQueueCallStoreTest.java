package ir.line111.ivr.ami;

import ir.line111.core.persistence.Database;
import ir.line111.core.testing.OnBothDatabases;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome table (V200) on H2 and PostgreSQL: one row per queue call, the call-back list, today's totals. */
class JdbcQueueCallStoreTest {

    private static QueueCallStore.QueueCall call(String prefix, QueueOutcome o, long wait, Long talk, Instant at) {
        String id = prefix + UUID.randomUUID();
        return new QueueCallStore.QueueCall(id, "call-" + id, "line111-operators", "0912" + Math.abs(id.hashCode() % 10_000_000),
                o, o == QueueOutcome.ANSWERED ? "PJSIP/1001" : null, o == QueueOutcome.ANSWERED ? "maryam" : null,
                wait, talk, at);
    }

    @OnBothDatabases
    void storesOutcomesOnceListsAbandonedForCallBackAndCountsTheServiceLevel(Database db) {
        JdbcQueueCallStore store = new JdbcQueueCallStore(db.dataSource());
        Instant since = Instant.now().minusSeconds(60);
        QueueCallStore.Totals before = store.totalsSince(since, 20);

        var fast = call("a", QueueOutcome.ANSWERED, 12, 300L, Instant.now());
        var slow = call("b", QueueOutcome.ANSWERED, 95, 40L, Instant.now());
        var gone = call("c", QueueOutcome.ABANDONED, 33, null, Instant.now());
        var timeout = call("d", QueueOutcome.TIMEOUT, 60, null, Instant.now());
        store.record(fast);
        store.record(slow);
        store.record(gone);
        store.record(timeout);
        store.record(fast); // seen again after a re-sync: ignored, not an error

        QueueCallStore.Totals after = store.totalsSince(since, 20);
        assertThat(after.answered() - before.answered()).isEqualTo(2);
        assertThat(after.answeredWithin() - before.answeredWithin()).isEqualTo(1);
        assertThat(after.abandoned() - before.abandoned()).isEqualTo(1);

        assertThat(store.callBackList(1000)).extracting(QueueCallStore.QueueCall::uniqueId)
                .contains(gone.uniqueId()).doesNotContain(fast.uniqueId(), timeout.uniqueId());
        var listed = store.callBackList(1000).stream().filter(c -> c.uniqueId().equals(gone.uniqueId())).findFirst().orElseThrow();
        assertThat(listed.waitSeconds()).isEqualTo(33);
        assertThat(listed.callerNumber()).isEqualTo(gone.callerNumber());
        assertThat(listed.talkSeconds()).isNull();

        assertThat(store.markCalledBack(gone.uniqueId(), "maryam", Instant.now())).isTrue();
        assertThat(store.markCalledBack(gone.uniqueId(), "maryam", Instant.now())).isFalse();
        assertThat(store.callBackList(1000)).extracting(QueueCallStore.QueueCall::uniqueId).doesNotContain(gone.uniqueId());
    }
}
