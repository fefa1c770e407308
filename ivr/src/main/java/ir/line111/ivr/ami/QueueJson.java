package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.ivr.DialplanContract;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The AMI adapter's event-bus payloads (queue state, screen-pop, wrap-up, abandoned call), built from the model. */
final class QueueJson {

    private final String queue;

    QueueJson(String queue) {
        this.queue = queue;
    }

    /** The console's wrap-up time comes from here when Asterisk told it (the member's Wrapuptime), else null. */
    static Integer wrapUpSeconds(AmiSignal.Member m) {
        return m == null || m.wrapUpSeconds() <= 0 ? null : m.wrapUpSeconds();
    }

    JsonObject state(QueueModel model, Instant now) {
        ServiceLevel level = model.serviceLevel();
        int loggedIn = 0, available = 0, busy = 0, paused = 0;
        JsonArray ms = new JsonArray();
        for (AmiSignal.Member m : model.members()) {
            if (MemberState.loggedIn(m)) loggedIn++;
            if (MemberState.available(m)) available++;
            if (MemberState.busy(m)) busy++;
            if (MemberState.loggedIn(m) && m.paused()) paused++;
            // "operator" is the device, as in the screen-pop (the console matches it to the signed-in operator).
            ms.add(new JsonObject().put("interface", m.iface()).put("operator", m.iface()).put("name", m.name())
                    .put("state", MemberState.of(m).wire()).put("status", m.status()).put("paused", m.paused())
                    .put("pausedReason", blankToNull(m.pausedReason())).put("reason", blankToNull(m.pausedReason()))
                    .put("inCall", m.inCall()).put("callsTaken", m.callsTaken()).put("wrapUpSeconds", wrapUpSeconds(m)));
        }
        JsonArray cs = new JsonArray();
        long longest = 0;
        int pos = 0;
        for (CallLeg c : model.waiting()) {
            long w = c.waitedSoFar(now);
            longest = Math.max(longest, w);
            cs.add(new JsonObject().put("uniqueId", c.uniqueId).put("callId", c.callId()).put("position", ++pos)
                    .put("callerNumber", c.callerNumber).put("callerName", c.callerName).put("waitSeconds", w)
                    // Full on the bus; the console masks it before any browser sees the queue.
                    .put("nationalId", blankToNull(c.vars.get(DialplanContract.VAR_NATIONAL_ID)))
                    .put("joinedAt", c.joinedAt == null ? null : c.joinedAt.toString()));
        }
        int waiting = model.waiting().size();
        long estimate = ServiceLevel.estimateWaitSeconds(waiting, available, available + busy, level.averageTalkSeconds(), longest);
        return new JsonObject().put("queue", queue).put("known", model.known()).put("connected", model.connected())
                .put("synced", model.synced()).put("at", now.toString()).put("callers", cs).put("members", ms)
                .put("callersWaiting", waiting).put("operatorsLoggedIn", loggedIn)
                .put("operatorsAvailable", available).put("operatorsBusy", busy).put("operatorsPaused", paused)
                .put("longestWaitSeconds", longest).put("estimatedWaitSeconds", estimate)
                .put("averageTalkSeconds", Math.round(level.averageTalkSeconds())).put("serviceLevel", level.json());
    }

    JsonObject screenPop(String uniqueId, String channel, String number, String name, String operator,
                         String operatorName, long hold, Instant at, Map<String, String> vars, List<CaseSummary> earlier) {
        String callId = blankToNull(vars.get(DialplanContract.VAR_CALL_ID));
        JsonArray cases = new JsonArray();
        for (CaseSummary cs : earlier) {
            cases.add(new JsonObject().put("id", cs.id())
                    .put("trackingCode", cs.trackingCode() == null ? null : cs.trackingCode().digits())
                    .put("kind", cs.kind() == null ? null : cs.kind().name())
                    .put("channel", cs.channel() == null ? null : cs.channel().name())
                    .put("status", cs.status() == null ? null : cs.status().name())
                    .put("agency", cs.agencyName())
                    .put("registeredAt", cs.registeredAt() == null ? null : cs.registeredAt().toString())
                    .put("dueAt", cs.dueAt() == null ? null : cs.dueAt().toString()));
        }
        return new JsonObject()
                .put("callId", callId == null ? uniqueId : callId)
                .put("uniqueId", uniqueId)
                .put("channel", channel)
                .put("queue", queue)
                .put("operator", operator)
                .put("operatorName", operatorName)
                .put("callerNumber", number)
                .put("callerName", name)
                .put("nationalId", blankToNull(vars.get(DialplanContract.VAR_NATIONAL_ID)))
                .put("nationalIdVerified", truthy(vars.get(DialplanContract.VAR_NATIONAL_ID_VERIFIED)))
                .put("spokenIdRecordingId", numberOrText(vars.get(DialplanContract.VAR_SPOKEN_ID_RECORDING)))
                .put("subjectNationalId", blankToNull(vars.get(DialplanContract.VAR_SUBJECT_NATIONAL_ID)))
                .put("relation", blankToNull(vars.get(DialplanContract.VAR_RELATION)))
                .put("draftCaseId", numberOrText(vars.get(DialplanContract.VAR_DRAFT_CASE)))
                .put("conversationFile", blankToNull(vars.get(DialplanContract.VAR_CONVERSATION_FILE)))
                .put("waitSeconds", hold)
                .put("connectedAt", at == null ? null : at.toString())
                .put("earlierCases", cases);
    }

    JsonObject wrapUp(CallLeg c, long talkSeconds, String reason, Integer wrapUpSeconds, Instant now) {
        return new JsonObject().put("callId", c.callId()).put("uniqueId", c.uniqueId)
                .put("operator", c.operator).put("operatorName", c.operatorName)
                .put("callerNumber", c.callerNumber).put("talkSeconds", talkSeconds)
                .put("waitSeconds", c.holdSeconds).put("reason", reason)
                .put("wrapUpSeconds", wrapUpSeconds)
                .put("conversationFile", blankToNull(c.vars.get(DialplanContract.VAR_CONVERSATION_FILE)))
                .put("at", now.toString());
    }

    JsonObject abandoned(CallLeg c, Instant now) {
        return new JsonObject().put("callId", c.callId()).put("uniqueId", c.uniqueId)
                .put("callerNumber", c.callerNumber).put("waitSeconds", c.abandonedAfter)
                .put("queue", queue).put("at", now.toString());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static boolean truthy(String s) {
        return s != null && switch (s.strip().toLowerCase()) {
            case "1", "true", "yes", "y", "verified" -> true;
            default -> false;
        };
    }

    private static Object numberOrText(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
