package ir.line111.ivr.ami;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the backend could verify of the PBX over AMI with its least-privilege user: the queue exists,
 * who is in it, which of the dialplan's applications showed in events. Written by the monitor's thread,
 * read by /health: every field is volatile and stands alone.
 */
final class PbxFacts {

    /** What an AMI user with read=system,call,agent,dialplan and write=agent,reporting cannot see. */
    static final String NOT_VERIFIABLE = "loaded modules (chan_pjsip, app_queue, app_mixmonitor, res_agi), "
            + "queues.conf options such as the queue's wrapuptime, and the dialplan itself: run asterisk-conf/bin/check-pbx on the PBX";

    private volatile Instant lastResync;
    private volatile boolean queueFound;
    private volatile int members;
    private volatile boolean channelsReadable;
    private volatile Instant queueAppSeen;
    private volatile Instant operatorConnectSeen;
    private volatile Instant mixMonitorSeen;
    private volatile Instant ivrVariablesSeen;

    void resynced(AmiSignal.Resync r, Instant at) {
        lastResync = at;
        queueFound = r.queueFound();
        members = r.members().size();
        channelsReadable = r.channels() != null;
    }

    void saw(AmiSignal s) {
        Instant now = Instant.now();
        switch (s) {
            case AmiSignal.CallerJoin j -> queueAppSeen = now;
            case AmiSignal.AgentConnect a -> operatorConnectSeen = now;
            case AmiSignal.MixMonitorStarted m -> mixMonitorSeen = now;
            case AmiSignal.VarSet v when v.variable().startsWith("LINE111_") -> ivrVariablesSeen = now;
            default -> { }
        }
    }

    /** For /health: each fact with what shows it, and what could not be checked from here. */
    Map<String, Object> describe(String queue, int membersNow) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (lastResync == null) {
            m.put("verified", "nothing yet: AMI has not been read since start");
        } else {
            m.put("queue", queueFound ? queue + " present (QueueStatus)" : queue + " MISSING: QueueStatus did not list it (check queues.conf and ami.queue)");
            m.put("members", membersNow + " in " + queue + " now (" + members + " at the last re-sync " + lastResync + ")");
            m.put("channels", channelsReadable ? "CoreShowChannels allowed" : "CoreShowChannels refused (manager.conf write needs 'reporting')");
        }
        m.put("queueApplication", seen(queueAppSeen, "a caller joined the queue (Queue)"));
        m.put("operatorConnect", seen(operatorConnectSeen, "an operator was connected (AgentConnect)"));
        m.put("mixMonitor", seen(mixMonitorSeen, "a conversation recording started (MixMonitor)"));
        m.put("ivrVariables", seen(ivrVariablesSeen, "the IVR's LINE111_* variables reached AMI (VarSet)"));
        m.put("notVerifiable", NOT_VERIFIABLE);
        return m;
    }

    private static String seen(Instant at, String what) {
        return at == null ? "not seen since start" : what + " at " + at;
    }
}
