package ir.line111.core.persistence;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.domain.calls.CallEvent;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.calls.CallRecord;
import ir.line111.core.testing.OnBothDatabases;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PersistentCallLog#writeAll}: many calls' events in one transaction, nothing lost or reordered. */
class CallLogGroupCommitTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of(PersistentCallLog.class);

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @OnBothDatabases
    void interleavedCallsAreWrittenCompleteWithTheirOwnTimesAndOrder(Database db) {
        PersistentCallLog calls = new PersistentCallLog(db);
        String a = "gc-a." + System.nanoTime(), b = "gc-b." + System.nanoTime();
        calls.writeAll(List.of(
                new CallEvent.Started(a, "09120000001", "PJSIP/a", T0),
                new CallEvent.Started(b, "09120000002", "PJSIP/b", T0.plusMillis(1)),
                new CallEvent.Step(a, "main-menu", "pressed 1", T0.plusSeconds(1)),
                new CallEvent.Step(b, "main-menu", "pressed 2", T0.plusSeconds(1)),
                new CallEvent.Step(a, "id-recorded", "dtmf", T0.plusSeconds(2))));
        // The second batch finds a and b kept in memory; c is new and gets a row of its own.
        String c = "gc-c." + System.nanoTime();
        calls.writeAll(List.of(
                new CallEvent.RecordingMade(a, 42, T0.plusSeconds(3)),
                new CallEvent.CaseLinked(a, 7, T0.plusSeconds(4)),
                new CallEvent.Step(c, "after-queue", null, T0.plusSeconds(4)),
                new CallEvent.Ended(a, CallOutcome.MESSAGE_LEFT, "message-registered", T0.plusSeconds(5)),
                new CallEvent.Ended(b, CallOutcome.CALLER_HUNG_UP, "main-menu", T0.plusSeconds(6))));
        // After its end a call is read again from the database: the score lands on the same row.
        calls.writeAll(List.of(new CallEvent.Satisfaction(a, 5, T0.plusSeconds(7)), new CallEvent.Satisfaction(b, 9, T0.plusSeconds(7))));

        CallRecord ra = calls.find(a).orElseThrow();
        assertThat(ra.callerNumber()).isEqualTo("09120000001");
        assertThat(ra.outcome()).isEqualTo(CallOutcome.MESSAGE_LEFT);
        assertThat(ra.lastStep()).isEqualTo("message-registered");
        assertThat(ra.caseId()).isEqualTo(7L);
        assertThat(ra.satisfaction()).isEqualTo(5);
        assertThat(ra.endedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(ra.steps()).extracting(CallRecord.Step::step).containsExactly("main-menu", "id-recorded", "recording");
        assertThat(ra.steps()).extracting(CallRecord.Step::at)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
        assertThat(ra.steps().get(2).recordingId()).isEqualTo(42L);

        CallRecord rb = calls.find(b).orElseThrow();
        assertThat(rb.outcome()).isEqualTo(CallOutcome.CALLER_HUNG_UP);
        assertThat(rb.satisfaction()).as("a score outside 1-5 is ignored").isNull();
        assertThat(rb.steps()).extracting(CallRecord.Step::detail).containsExactly("pressed 2");

        assertThat(calls.find(c).orElseThrow().steps()).extracting(CallRecord.Step::step).containsExactly("after-queue");
    }

    @OnBothDatabases
    void aBadEventCostsOnlyItselfNotTheBatch(Database db) {
        PersistentCallLog calls = new PersistentCallLog(db);
        String good = "gc-good." + System.nanoTime();
        String tooLong = "x".repeat(200); // call_id is varchar(64)
        calls.writeAll(List.of(
                new CallEvent.Started(good, "0912", "PJSIP/g", T0),
                new CallEvent.Step(tooLong, "menu", null, T0),
                new CallEvent.Step(good, "menu", "pressed 1", T0.plusSeconds(1)),
                new CallEvent.Step(null, "menu", null, T0),
                new CallEvent.Ended(good, CallOutcome.NO_INPUT, "menu", T0.plusSeconds(2))));
        CallRecord r = calls.find(good).orElseThrow();
        assertThat(r.outcome()).isEqualTo(CallOutcome.NO_INPUT);
        assertThat(r.steps()).extracting(CallRecord.Step::step).containsExactly("menu");
    }

    @OnBothDatabases
    void aChangeMadeByTheSingleMethodsIsNotOverwrittenByALaterBatch(Database db) {
        PersistentCallLog calls = new PersistentCallLog(db);
        String id = "gc-mix." + System.nanoTime();
        calls.writeAll(List.of(new CallEvent.Started(id, "0912", "PJSIP/m", T0)));
        calls.caseLinked(id, 99);
        calls.writeAll(List.of(new CallEvent.Ended(id, CallOutcome.HANDED_TO_QUEUE, "queue", T0.plusSeconds(1))));
        CallRecord r = calls.find(id).orElseThrow();
        assertThat(r.caseId()).isEqualTo(99L);
        assertThat(r.outcome()).isEqualTo(CallOutcome.HANDED_TO_QUEUE);
    }

    @OnBothDatabases
    void aStartOfACallThatAlreadyHasARowAddsNoSecondRow(Database db) {
        PersistentCallLog calls = new PersistentCallLog(db);
        String id = "gc-again." + System.nanoTime();
        calls.started(id, "0912", "PJSIP/first", T0);
        calls.writeAll(List.of(new CallEvent.Started(id, "0912", "PJSIP/second", T0.plusSeconds(1)),
                new CallEvent.Step(id, "main-menu", "pressed 3", T0.plusSeconds(2))));
        CallRecord r = calls.find(id).orElseThrow();
        assertThat(r.channelName()).isEqualTo("PJSIP/first");
        assertThat(r.steps()).extracting(CallRecord.Step::detail).containsExactly("pressed 3");
        assertThat(calls.between(T0.minusSeconds(1), T0.plusSeconds(10), "0912", 100)).extracting(CallRecord::callId)
                .containsOnlyOnce(id);
    }

    @Test
    void anUnreachableDatabaseIsSaidSoThatTheWriterCanRetry() {
        Database db = TestDatabases.h2();
        PersistentCallLog calls = new PersistentCallLog(db);
        db.close();
        assertThatThrownBy(() -> calls.writeAll(List.of(new CallEvent.Step("gc-down", "menu", null, Instant.now().truncatedTo(ChronoUnit.MILLIS)))))
                .isInstanceOf(CallLog.CallLogUnavailableException.class);
    }
}
