package ir.line111.console.support;

import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.events.EarlierCase;
import ir.line111.core.domain.events.QueueAbandoned;
import ir.line111.core.domain.events.QueueState;
import ir.line111.core.domain.events.ScreenPop;
import ir.line111.core.domain.events.WrapUp;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.events.EventJson;

import java.time.Instant;
import java.util.List;

/** The AMI adapter's events as they cross the bus (core's records, in core's codec), for tests that play the adapter. */
public final class Events {
    private Events() {}

    public static String pop(String callId, String operator, String operatorName, String callerNumber, NationalId id,
                             boolean verified, Long spokenIdRecordingId, List<EarlierCase> earlier) {
        return EventJson.encode(new ScreenPop(callId, callId, null, "line111-operators", operator, operatorName, callerNumber,
                null, id, verified, spokenIdRecordingId, id, Relation.SELF, null, null, 0, Instant.now(), earlier));
    }

    public static String wrapUp(String callId, String operator, long talkSeconds) {
        return EventJson.encode(new WrapUp(callId, callId, operator, null, null, talkSeconds, 0, "agent", null, null, Instant.now()));
    }

    public static String abandoned(String callId, String callerNumber, long waitSeconds) {
        return EventJson.encode(new QueueAbandoned(callId, callId, callerNumber, waitSeconds, "line111-operators", Instant.now()));
    }

    /** A known (connected, re-synced) queue. */
    public static String state(List<QueueState.Caller> callers, List<QueueState.Member> members, long estimatedWaitSeconds,
                               Double serviceLevel, QueueState.Today today) {
        return EventJson.encode(new QueueState("line111-operators", true, true, true, Instant.now(), callers, members,
                callers.size(), members.size(), 0, 0, 0, 0, estimatedWaitSeconds, 0, serviceLevel, today));
    }

    /** A known queue of these members only, as Asterisk showed it at {@code at}. */
    public static String state(Instant at, List<QueueState.Member> members) {
        return EventJson.encode(new QueueState("line111-operators", true, true, true, at, List.of(), members,
                0, members.size(), 0, 0, 0, 0, 0, 0, null, null));
    }

    public static QueueState.Caller caller(String callId, String callerNumber, int position, long waitSeconds, NationalId id) {
        return new QueueState.Caller(callId, callId, position, callerNumber, null, waitSeconds, null, id);
    }

    public static QueueState.Member member(String device, String name, ir.line111.core.domain.events.OperatorState state,
                                           boolean paused, String reason, int callsTaken) {
        return new QueueState.Member(device, name, null, state, 2, paused, reason, false, callsTaken, null);
    }
}
