package ir.line111.fakeasterisk.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds events with the header order Asterisk 22.10.1 uses (taken from the ami-* traces), so scripted
 * scenarios look to a client exactly like a real queue call.
 */
public final class AsteriskEvents {
    private AsteriskEvents() {}

    /** {@code <epoch>.<usec>}, as with {@code timestampevents = yes}. */
    public static String timestamp() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
    }

    static final class Builder {
        final List<AmiMessage.Header> h = new ArrayList<>();

        Builder(String event, String privilege) {
            add("Event", event);
            add("Privilege", privilege);
            add("Timestamp", timestamp());
        }

        Builder add(String n, Object v) {
            h.add(new AmiMessage.Header(n, String.valueOf(v)));
            return this;
        }

        /** The channel snapshot block, and ChanVariable lines for the variables manager.conf names. */
        Builder channel(String prefix, AmiModel.Channel c, Set<String> chanVars) {
            add(prefix + "Channel", c.name);
            add(prefix + "ChannelState", c.state);
            add(prefix + "ChannelStateDesc", c.stateDesc());
            add(prefix + "CallerIDNum", c.callerNum);
            add(prefix + "CallerIDName", c.callerName);
            add(prefix + "ConnectedLineNum", c.callerNum);
            add(prefix + "ConnectedLineName", c.callerName);
            add(prefix + "Language", "en");
            add(prefix + "AccountCode", "");
            add(prefix + "Context", c.context);
            add(prefix + "Exten", c.exten);
            add(prefix + "Priority", c.priority);
            add(prefix + "Uniqueid", c.uniqueId);
            add(prefix + "Linkedid", c.linkedId);
            for (String v : chanVars) add(prefix + "ChanVariable", v + "=" + c.vars.getOrDefault(v, ""));
            return this;
        }

        AmiMessage build() {
            return new AmiMessage(h);
        }
    }

    public static AmiMessage varSet(AmiModel.Channel c, String variable, String value, Set<String> chanVars) {
        return new Builder("VarSet", "dialplan,all").channel("", c, chanVars)
                .add("Variable", variable).add("Value", value).build();
    }

    public static AmiMessage queueCallerJoin(AmiModel.Channel c, String queue, int position, int count, Set<String> cv) {
        return new Builder("QueueCallerJoin", "agent,all").channel("", c, cv)
                .add("Queue", queue).add("Position", position).add("Count", count).build();
    }

    public static AmiMessage queueCallerLeave(AmiModel.Channel c, String queue, int position, int count, Set<String> cv) {
        return new Builder("QueueCallerLeave", "agent,all").channel("", c, cv)
                .add("Queue", queue).add("Position", position).add("Count", count).build();
    }

    public static AmiMessage queueCallerAbandon(AmiModel.Channel c, String queue, int position, int originalPosition,
                                                long holdTime, Set<String> cv) {
        return new Builder("QueueCallerAbandon", "agent,all").channel("", c, cv)
                .add("Queue", queue).add("Position", position).add("OriginalPosition", originalPosition)
                .add("HoldTime", holdTime).build();
    }

    public static AmiMessage mixMonitorStart(AmiModel.Channel c, Set<String> cv) {
        return new Builder("MixMonitorStart", "call,all").channel("", c, cv).build();
    }

    public static AmiMessage mixMonitorStop(AmiModel.Channel c, Set<String> cv) {
        return new Builder("MixMonitorStop", "call,all").channel("", c, cv).build();
    }

    public static AmiMessage agentCalled(AmiModel.Channel caller, AmiModel.Channel agent, String queue,
                                         AmiModel.Member m, Set<String> cv) {
        return new Builder("AgentCalled", "agent,all").channel("", caller, cv).channel("Dest", agent, cv)
                .add("Queue", queue).add("Interface", m.iface).add("MemberName", m.name).build();
    }

    public static AmiMessage agentConnect(AmiModel.Channel caller, AmiModel.Channel agent, String queue,
                                          AmiModel.Member m, long holdTime, long ringTimeSeconds, Set<String> cv) {
        return new Builder("AgentConnect", "agent,all").channel("", caller, cv).channel("Dest", agent, cv)
                .add("Queue", queue).add("Interface", m.iface).add("MemberName", m.name)
                .add("HoldTime", holdTime).add("RingTime", ringTimeSeconds).build();
    }

    public static AmiMessage agentComplete(AmiModel.Channel caller, AmiModel.Channel agent, String queue,
                                           AmiModel.Member m, long holdTime, long talkTime, String reason,
                                           Set<String> cv) {
        return new Builder("AgentComplete", "agent,all").channel("", caller, cv).channel("Dest", agent, cv)
                .add("Queue", queue).add("Interface", m.iface).add("MemberName", m.name)
                .add("HoldTime", holdTime).add("TalkTime", talkTime).add("Reason", reason).build();
    }

    public static AmiMessage hangup(AmiModel.Channel c, int cause, String causeText, Set<String> cv) {
        return new Builder("Hangup", "call,all").channel("", c, cv)
                .add("Cause", cause).add("Cause-txt", causeText).build();
    }

    /** QueueMemberStatus/Added/Pause/Removed share this layout (MemberName/Interface, unlike the QueueMember list item). */
    public static AmiMessage queueMember(String event, String queue, AmiModel.Member m) {
        return new Builder(event, "agent,all")
                .add("Queue", queue).add("MemberName", m.name).add("Interface", m.iface)
                .add("StateInterface", m.stateInterface).add("Membership", m.membership)
                .add("Penalty", m.penalty).add("CallsTaken", m.callsTaken).add("LastCall", m.lastCall)
                .add("LastPause", m.lastPause).add("LoginTime", m.loginTime).add("InCall", m.inCall)
                .add("Status", m.status).add("Paused", m.paused ? 1 : 0).add("PausedReason", m.pausedReason)
                .add("Ringinuse", 0).add("Wrapuptime", m.wrapuptime).build();
    }

    public static AmiMessage deviceStateChange(String device, String state) {
        return new Builder("DeviceStateChange", "call,all").add("Device", device).add("State", state).build();
    }

    /** The broadcast form after a restart: with Timestamp, and Status first (the login-time form differs). */
    public static AmiMessage fullyBootedBroadcast() {
        return new Builder("FullyBooted", "system,all").add("Status", "Fully Booted")
                .add("Uptime", 0).add("LastReload", 0).build();
    }

    public static AmiMessage shutdown(boolean restart) {
        return new Builder("Shutdown", "system,all").add("Shutdown", "Cleanly")
                .add("Restart", restart ? "True" : "False").build();
    }
}
