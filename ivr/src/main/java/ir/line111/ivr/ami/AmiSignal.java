package ir.line111.ivr.ami;

import java.util.List;
import java.util.Map;

/**
 * What the queue monitor learns from AMI, in our own words, decoupled from Asterisk-Java's event
 * classes (which are built on the reader's side and must not be held or blocked on).
 */
sealed interface AmiSignal {

    /** A signal about one call, by Asterisk's unique id: the model files it under that call. */
    sealed interface OfCall extends AmiSignal {
        String uniqueId();
    }

    /** Logged in; {@code generation} counts connections so signals of an old one are told apart. */
    record Connected(long generation) implements AmiSignal {}

    record Lost(long generation, String why) implements AmiSignal {}

    /** Sent before the state lists are requested: events from here on are held until the lists are in. */
    record ResyncStarted(long generation) implements AmiSignal {}

    /** {@code channels} is null when Asterisk refused CoreShowChannels (no 'reporting' permission). */
    record Resync(long generation, List<Member> members, List<Entry> entries, List<LiveChannel> channels,
                  boolean queueFound) implements AmiSignal {}

    /**
     * A queue member as Asterisk reports it; every report carries the full state, so the last one wins.
     * {@code wrapUpSeconds} is the member's own Wrapuptime (0: the queue's applies, which AMI does not report).
     */
    record Member(String iface, String name, int status, boolean paused, String pausedReason, boolean inCall,
                  int callsTaken, int wrapUpSeconds) {}

    /** A caller waiting in the queue (QueueEntry). */
    record Entry(String uniqueId, String channel, String callerNumber, String callerName, int position, long waitSeconds) {}

    record LiveChannel(String uniqueId, String channel, String bridgeId) {}

    record VarSet(String uniqueId, String channel, String variable, String value) implements OfCall {}

    record CallerJoin(String uniqueId, String channel, String callerNumber, String callerName, int position,
                      Map<String, String> variables) implements OfCall {}

    record CallerLeave(String uniqueId) implements OfCall {}

    record CallerAbandon(String uniqueId, String channel, String callerNumber, long holdSeconds) implements OfCall {}

    record AgentConnect(String uniqueId, String channel, String callerNumber, String callerName, String iface,
                        String memberName, long holdSeconds, Map<String, String> variables) implements OfCall {}

    record AgentComplete(String uniqueId, String iface, String memberName, long holdSeconds, long talkSeconds,
                         String reason) implements OfCall {}

    record MemberUpdate(Member member) implements AmiSignal {}

    record MemberRemoved(String iface) implements AmiSignal {}

    record Hangup(String uniqueId, String channel) implements OfCall {}

    record MixMonitorStarted(String uniqueId) implements OfCall {}

    /** Variables fetched with GetVar for a call whose VarSet events were missed (joined during an outage). */
    record VariablesFetched(String uniqueId, Map<String, String> variables) implements AmiSignal {}

    /** Publish the state again even if nothing changed (a console started and asks for it). */
    record Republish() implements AmiSignal {}

    /** Re-publish the queue state (wait times grow without events) and roll the service-level day. */
    record Tick() implements AmiSignal {}

    /** Today's totals read back from the store at start-up, so a restart does not reset the service level. */
    record TotalsLoaded(java.time.LocalDate day, QueueCallStore.Totals totals) implements AmiSignal {}
}
