package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.events.EarlierCase;
import ir.line111.core.domain.events.QueueAbandoned;
import ir.line111.core.domain.events.QueueState;
import ir.line111.core.domain.events.ScreenPop;
import ir.line111.core.domain.events.WrapUp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The AMI adapter's events (core's {@code domain.events} records: queue state, screen-pop, wrap-up,
 * abandoned call), built from the model; {@code QueuePublisher} encodes them with the one codec.
 */
final class QueueJson {

    private final String queue;

    QueueJson(String queue) {
        this.queue = queue;
    }

    /** The console's wrap-up time comes from here when Asterisk told it (the member's Wrapuptime), else null. */
    static Integer wrapUpSeconds(AmiSignal.Member m) {
        return m == null || m.wrapUpSeconds() <= 0 ? null : m.wrapUpSeconds();
    }

    QueueState state(QueueModel model, Instant now) {
        ServiceLevel level = model.serviceLevel();
        int loggedIn = 0, available = 0, busy = 0, paused = 0;
        List<QueueState.Member> ms = new ArrayList<>();
        for (AmiSignal.Member m : model.members()) {
            if (MemberState.loggedIn(m)) loggedIn++;
            if (MemberState.available(m)) available++;
            if (MemberState.busy(m)) busy++;
            if (MemberState.loggedIn(m) && m.paused()) paused++;
            // "operator" is the device, as in the screen-pop (the console matches it to the signed-in operator).
            ms.add(new QueueState.Member(m.iface(), m.name(), null, MemberState.of(m).shown(), m.status(), m.paused(),
                    blankToNull(m.pausedReason()), m.inCall(), m.callsTaken(), wrapUpSeconds(m)));
        }
        List<QueueState.Caller> cs = new ArrayList<>();
        long longest = 0;
        int pos = 0;
        for (CallLeg c : model.waiting()) {
            long w = c.waitedSoFar(now);
            longest = Math.max(longest, w);
            // Full on the bus; the console masks it before any browser sees the queue.
            cs.add(new QueueState.Caller(c.uniqueId, c.callId(), ++pos, c.callerNumber, c.callerName, w, c.joinedAt,
                    c.facts().nationalId()));
        }
        int waiting = cs.size();
        long estimate = ServiceLevel.estimateWaitSeconds(waiting, available, available + busy, level.averageTalkSeconds(), longest);
        QueueState.Today today = level.figures();
        return new QueueState(queue, model.known(), model.connected(), model.synced(), now, cs, ms, waiting, loggedIn,
                available, busy, paused, longest, estimate, Math.round(level.averageTalkSeconds()), today.serviceLevel(), today);
    }

    ScreenPop screenPop(String uniqueId, String channel, String number, String name, String operator, String operatorName,
                        long hold, Instant at, String callId, CallerFacts f, List<CaseSummary> earlier, Instant now) {
        List<EarlierCase> cases = new ArrayList<>();
        for (CaseSummary cs : earlier) cases.add(EarlierCase.of(cs, now));
        return new ScreenPop(callId == null ? uniqueId : callId, uniqueId, channel, queue, operator, operatorName, number,
                name, f.nationalId(), f.nationalIdVerified(), f.spokenIdRecordingId(), f.subjectNationalId(), f.relation(),
                f.draftCaseId(), f.conversationFile(), hold, at, cases);
    }

    WrapUp wrapUp(CallLeg c, long talkSeconds, String reason, Integer wrapUpSeconds, Instant now) {
        return new WrapUp(c.callId(), c.uniqueId, c.operator, c.operatorName, c.callerNumber, talkSeconds, c.holdSeconds,
                reason, wrapUpSeconds, c.facts().conversationFile(), now);
    }

    QueueAbandoned abandoned(CallLeg c, Instant now) {
        return new QueueAbandoned(c.callId(), c.uniqueId, c.callerNumber, c.abandonedAfter == null ? 0 : c.abandonedAfter,
                queue, now);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
