package ir.line111.ivr.ami;

import org.asteriskjava.manager.event.AbstractQueueMemberEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MixMonitorStartEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;

import java.util.Map;

/**
 * Turns Asterisk-Java's events into {@link AmiSignal}s for our queue only. Runs on Asterisk-Java's
 * dispatch thread, so it only copies fields: no I/O, no locks, no waiting.
 */
final class AmiEventMapper {

    /** Variables worth remembering per channel: ours, and Queue()'s verdict. */
    static boolean interesting(String variable) {
        return variable != null && (variable.startsWith("LINE111_") || variable.equals("QUEUESTATUS"));
    }

    private final String queue;

    AmiEventMapper(String queue) {
        this.queue = queue;
    }

    /** The signal for an event, or null when it does not concern the queue monitor. */
    AmiSignal map(ManagerEvent e) {
        AmiSignal s = build(e);
        // A call event without Asterisk's unique id cannot be tied to a call: ignore it rather than guess.
        return s != null && !identified(s) ? null : s;
    }

    private static boolean identified(AmiSignal s) {
        String id = switch (s) {
            case AmiSignal.OfCall c -> c.uniqueId();
            case AmiSignal.MemberUpdate u -> u.member().iface();
            case AmiSignal.MemberRemoved r -> r.iface();
            default -> "n/a";
        };
        return id != null && !id.isBlank();
    }

    @SuppressWarnings("deprecation") // Location and MemberName: the list item's and the event's names for the same thing
    private AmiSignal build(ManagerEvent e) {
        // List items (QueueMember, QueueEntry, CoreShowChannel) answer our own re-sync: handled there.
        if (e instanceof ResponseEvent re && (re.getActionId() != null || re.getInternalActionId() != null)) return null;
        return switch (e) {
            case VarSetEvent v when interesting(v.getVariable()) ->
                    new AmiSignal.VarSet(v.getUniqueId(), v.getChannel(), v.getVariable(), nz(v.getValue()));
            case QueueCallerJoinEvent j when queue.equals(j.getQueue()) ->
                    new AmiSignal.CallerJoin(j.getUniqueId(), j.getChannel(), nz(j.getCallerIdNum()),
                            nz(j.getCallerIdName()), n(j.getPosition()), vars(e));
            case QueueCallerLeaveEvent l when queue.equals(l.getQueue()) -> new AmiSignal.CallerLeave(l.getUniqueId());
            case QueueCallerAbandonEvent a when queue.equals(a.getQueue()) ->
                    new AmiSignal.CallerAbandon(a.getUniqueId(), a.getChannel(), nz(a.getCallerIdNum()), n(a.getHoldTime()));
            case AgentConnectEvent c when queue.equals(c.getQueue()) ->
                    new AmiSignal.AgentConnect(c.getUniqueId(), c.getChannel(), nz(c.getCallerIdNum()),
                            nz(c.getCallerIdName()), first(c.getInterface(), c.getMember()), nz(c.getMemberName()),
                            n(c.getHoldTime()), vars(e));
            case AgentCompleteEvent c when queue.equals(c.getQueue()) ->
                    new AmiSignal.AgentComplete(c.getUniqueId(), first(c.getInterface(), c.getMember()),
                            nz(c.getMemberName()), n(c.getHoldTime()), n(c.getTalkTime()), nz(c.getReason()));
            case QueueMemberEvent m when queue.equals(m.getQueue()) -> new AmiSignal.MemberUpdate(new AmiSignal.Member(
                    first(m.getInterface(), m.getLocation()), first(m.getMemberName(), m.getName()), n(m.getStatus()),
                    Boolean.TRUE.equals(m.getPaused()), nz(m.getPausedreason()), n(m.getIncall()) > 0, n(m.getCallsTaken()),
                    n(m.getWrapuptime())));
            case QueueMemberRemovedEvent r when queue.equals(r.getQueue()) -> new AmiSignal.MemberRemoved(r.getInterface());
            case QueueMemberAddedEvent a when queue.equals(a.getQueue()) -> new AmiSignal.MemberUpdate(new AmiSignal.Member(
                    a.getInterface(), nz(a.getMemberName()), n(a.getStatus()), Boolean.TRUE.equals(a.getPaused()),
                    nz(a.getPausedReason()), "1".equals(a.getInCall()), n(a.getCallsTaken()), n(a.getWrapupTime())));
            case QueueMemberPauseEvent p when queue.equals(p.getQueue()) -> new AmiSignal.MemberUpdate(new AmiSignal.Member(
                    p.getInterface(), nz(p.getMemberName()), n(p.getStatus()), Boolean.TRUE.equals(p.getPaused()),
                    first(p.getPausedreason(), first(p.getPausedReason(), p.getReason())), n(p.getIncall()) > 0,
                    n(p.getCallsTaken()), n(p.getWrapupTime())));
            case QueueMemberPausedEvent p when queue.equals(p.getQueue()) -> null; // older form without the full state
            case HangupEvent h -> new AmiSignal.Hangup(h.getUniqueId(), h.getChannel());
            case MixMonitorStartEvent m -> new AmiSignal.MixMonitorStarted(m.getUniqueId());
            case AbstractQueueMemberEvent ignored -> null;
            default -> null;
        };
    }

    /** ChanVariable headers, present only when manager.conf names channelvars. */
    private static Map<String, String> vars(ManagerEvent e) {
        Map<String, String> v = e.getChannelVariables();
        return v == null ? Map.of() : Map.copyOf(v.entrySet().stream()
                .filter(x -> x.getKey() != null && x.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String first(String a, String b) {
        return a != null && !a.isEmpty() ? a : nz(b);
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }

    private static long n(Long l) {
        return l == null ? 0 : l;
    }
}
