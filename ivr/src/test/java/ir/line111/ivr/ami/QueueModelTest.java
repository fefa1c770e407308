package ir.line111.ivr.ami;

import ir.line111.ivr.DialplanContract;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue model alone: signals in, state and effects out, no threads and no sockets. */
class QueueModelTest {

    static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    final List<String> effects = new ArrayList<>();
    final QueueModel model = new QueueModel(Clock.fixed(T0, ZoneOffset.UTC),
            new ServiceLevel(20, ZoneId.of("Asia/Tehran"), Clock.fixed(T0, ZoneOffset.UTC)), new QueueModel.Effects() {
        @Override public void callerWaiting(CallLeg c) { effects.add("waiting " + c.callId()); }
        @Override public void connected(CallLeg c) { effects.add("connected " + c.callId() + " to " + c.operator); }
        @Override public void wrapUp(CallLeg c, long talk, String reason) { effects.add("wrap-up " + c.callId() + " " + talk + " " + reason); }
        @Override public void abandoned(CallLeg c) { effects.add("abandoned " + c.callId()); }
        @Override public void outcome(CallLeg c, QueueOutcome o, long wait, Long talk) { effects.add("outcome " + c.callId() + " " + o + " " + wait); }
        @Override public void ended(CallLeg c) { effects.add("ended " + c.callId()); }
    }, QueueModel.unboundedHold());

    static AmiSignal.Member member(String iface, int status, boolean paused, boolean inCall) {
        return new AmiSignal.Member(iface, "maryam", status, paused, paused ? "lunch" : "", inCall, 0, 0);
    }

    void synced(AmiSignal.Member... members) {
        model.apply(new AmiSignal.Connected(1));
        model.apply(new AmiSignal.ResyncStarted(1));
        model.apply(new AmiSignal.Resync(1, List.of(members), List.of(), List.of(), true));
    }

    @Test
    void unknownUntilConnectedAndResynced() {
        assertThat(model.known()).isFalse();
        model.apply(new AmiSignal.Connected(1));
        assertThat(model.known()).isFalse();
        synced();
        assertThat(model.known()).isTrue();
        assertThat(model.takeChanged()).isTrue();
        assertThat(model.takeChanged()).isFalse();
        model.apply(new AmiSignal.Lost(1, "socket closed"));
        assertThat(model.known()).isFalse();
        assertThat(model.takeChanged()).isTrue();
    }

    @Test
    void memberStatesFollowAsteriskDeviceStates() {
        var free = member("PJSIP/1", QueueMemberEvent.AST_DEVICE_NOT_INUSE, false, false);
        var unknown = member("PJSIP/2", QueueMemberEvent.AST_DEVICE_UNKNOWN, false, false);
        var ringing = member("PJSIP/3", QueueMemberEvent.AST_DEVICE_RINGING, false, false);
        var paused = member("PJSIP/4", QueueMemberEvent.AST_DEVICE_NOT_INUSE, true, false);
        var gone = member("PJSIP/5", QueueMemberEvent.AST_DEVICE_UNAVAILABLE, false, false);
        var invalid = member("PJSIP/6", QueueMemberEvent.AST_DEVICE_INVALID, true, false);
        var talking = member("PJSIP/7", QueueMemberEvent.AST_DEVICE_NOT_INUSE, false, true);
        synced(free, unknown, ringing, paused, gone, invalid, talking);
        assertThat(model.members()).extracting(MemberState::of).containsExactly(MemberState.AVAILABLE, MemberState.AVAILABLE,
                MemberState.BUSY, MemberState.PAUSED, MemberState.UNAVAILABLE, MemberState.UNAVAILABLE, MemberState.BUSY);
        assertThat(model.members().stream().filter(MemberState::loggedIn)).hasSize(5);
        // A device state a newer Asterisk may add is taken as unknown, not as a crash.
        assertThat(MemberState.of(member("PJSIP/8", 42, false, false))).isEqualTo(MemberState.AVAILABLE);
    }

    @Test
    void eventsDuringTheResyncAreReplayedOnTheLists() {
        model.apply(new AmiSignal.Connected(1));
        model.apply(new AmiSignal.ResyncStarted(1));
        model.apply(new AmiSignal.MemberUpdate(member("PJSIP/1", QueueMemberEvent.AST_DEVICE_NOT_INUSE, false, false)));
        assertThat(model.members()).as("held until the lists are in").isEmpty();
        model.apply(new AmiSignal.Resync(1, List.of(member("PJSIP/1", QueueMemberEvent.AST_DEVICE_NOT_INUSE, true, false)),
                List.of(), List.of(), true));
        assertThat(model.members()).singleElement().satisfies(m -> assertThat(m.paused()).isFalse());
    }

    @Test
    void aSignalOfAnOldConnectionIsIgnored() {
        synced(member("PJSIP/1", QueueMemberEvent.AST_DEVICE_NOT_INUSE, false, false));
        model.apply(new AmiSignal.Connected(2));
        model.apply(new AmiSignal.Lost(1, "old socket"));
        assertThat(model.connected()).isTrue();
    }

    @Test
    void answeredCallPopsWrapsUpAndCountsWithinTheServiceLevel() {
        synced(member("PJSIP/1", QueueMemberEvent.AST_DEVICE_NOT_INUSE, false, false));
        model.apply(new AmiSignal.CallerJoin("u1", "Local/x;2", "0912", "", 1, Map.of(DialplanContract.VAR_CALL_ID, "c1")));
        assertThat(model.waiting()).extracting(c -> c.uniqueId).containsExactly("u1");
        model.apply(new AmiSignal.AgentConnect("u1", "Local/x;2", "0912", "", "PJSIP/1", "maryam", 5, Map.of()));
        assertThat(model.waiting()).isEmpty();
        model.apply(new AmiSignal.AgentComplete("u1", "PJSIP/1", "maryam", 5, 60, "caller"));
        model.apply(new AmiSignal.Hangup("u1", "Local/x;2"));
        assertThat(effects).containsExactly("waiting c1", "connected c1 to PJSIP/1", "wrap-up c1 60 caller", "outcome c1 ANSWERED 5");
        assertThat(model.serviceLevel().figures().answeredWithin()).isEqualTo(1);
        assertThat(model.call("u1")).as("forgotten at the hang-up").isNull();
    }

    @Test
    void abandonIsDecidedByTheHangupNotByTheAbandonEvent() {
        synced();
        model.apply(new AmiSignal.CallerJoin("u2", "Local/y;2", "0935", "", 1, Map.of()));
        model.apply(new AmiSignal.CallerAbandon("u2", "Local/y;2", "0935", 40));
        assertThat(effects).isEmpty();
        model.apply(new AmiSignal.Hangup("u2", "Local/y;2"));
        assertThat(effects).containsExactly("outcome u2 ABANDONED 40", "abandoned u2");
        assertThat(model.serviceLevel().figures().abandoned()).isEqualTo(1);
    }

    @Test
    void aCallThatEndedDuringAnOutageIsClosedByTheResync() {
        synced(member("PJSIP/1", QueueMemberEvent.AST_DEVICE_NOT_INUSE, false, false));
        model.apply(new AmiSignal.VarSet("u3", "Local/z;2", DialplanContract.VAR_CONVERSATION_FILE, "/spool/u3.wav"));
        model.apply(new AmiSignal.AgentConnect("u3", "Local/z;2", "0901", "", "PJSIP/1", "maryam", 2, Map.of()));
        model.apply(new AmiSignal.Lost(1, "down"));
        model.apply(new AmiSignal.Connected(2));
        model.apply(new AmiSignal.ResyncStarted(2));
        model.apply(new AmiSignal.Resync(2, List.of(), List.of(), List.of(), true));
        assertThat(effects).contains("wrap-up u3 0 ended-during-outage", "outcome u3 ANSWERED 2", "ended u3");
        assertThat(model.facts().describe("q", 0).get("queue")).isEqualTo("q present (QueueStatus)");
    }

    @Test
    void aCallTheResyncFindsGoneIsWrappedUpOnceEvenWhenItsCompletionWasHeldDuringTheResync() {
        synced(member("PJSIP/1", QueueMemberEvent.AST_DEVICE_INUSE, false, true));
        model.apply(new AmiSignal.AgentConnect("u9", "Local/a;2", "0912", "", "PJSIP/1", "maryam", 3,
                Map.of(DialplanContract.VAR_CALL_ID, "call-9")));
        // Asterisk says it has booted: the lists are read again; meanwhile the call completes and hangs up.
        model.apply(new AmiSignal.ResyncStarted(1));
        model.apply(new AmiSignal.AgentComplete("u9", "PJSIP/1", "maryam", 3, 40, "agent"));
        model.apply(new AmiSignal.Hangup("u9", "Local/a;2"));
        model.apply(new AmiSignal.Resync(1, List.of(member("PJSIP/1", QueueMemberEvent.AST_DEVICE_NOT_INUSE, false, false)),
                List.of(), List.of(), true));
        assertThat(effects.stream().filter(e -> e.startsWith("wrap-up call-9"))).hasSize(1);
        assertThat(effects.stream().filter(e -> e.startsWith("outcome call-9"))).hasSize(1);
        assertThat(model.call("u9")).isNull();
    }
}
