package ir.line111.fakeasterisk.ami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake Asterisk believes: queues with members and waiting callers, and live channels with
 * their variables. It is the "truth" a client's re-sync must reproduce. Guarded by the server's lock.
 */
public final class AmiModel {

    /** Asterisk device states as QueueMember's numeric Status. */
    public static final int UNKNOWN = 0, NOT_INUSE = 1, INUSE = 2, BUSY = 3, INVALID = 4, UNAVAILABLE = 5,
            RINGING = 6, RINGINUSE = 7, ONHOLD = 8;

    public static final class Queue {
        public final String name;
        public String strategy = "ringall";
        public int max, holdtime, talktime, completed, abandoned, serviceLevel, weight;
        public final Map<String, Member> members = new LinkedHashMap<>();
        public final List<Channel> entries = new ArrayList<>();

        Queue(String name) { this.name = name; }

        public int loggedIn() {
            return (int) members.values().stream().filter(m -> m.status != UNAVAILABLE && m.status != INVALID).count();
        }

        public int available() {
            return (int) members.values().stream()
                    .filter(m -> m.status != UNAVAILABLE && m.status != INVALID)
                    .filter(m -> (m.status == NOT_INUSE || m.status == UNKNOWN) && !m.paused).count();
        }
    }

    public static final class Member {
        public final String iface;
        public String name, stateInterface, membership = "dynamic", pausedReason = "";
        public int penalty, callsTaken, status = NOT_INUSE, inCall, wrapuptime;
        public long lastCall, lastPause, loginTime;
        public boolean paused;

        public Member(String iface, String name) {
            this.iface = iface;
            this.name = name;
            this.stateInterface = iface;
        }
    }

    public static final class Channel {
        public final String name, uniqueId, linkedId;
        public String callerNum, callerName, context, exten, application = "", applicationData = "", bridgeId = "";
        public int priority = 1, state = 6;
        public long createdAtMillis = System.currentTimeMillis();
        public final Map<String, String> vars = new LinkedHashMap<>();

        public Channel(String name, String uniqueId, String linkedId, String callerNum, String callerName,
                       String context, String exten) {
            this.name = name;
            this.uniqueId = uniqueId;
            this.linkedId = linkedId;
            this.callerNum = callerNum;
            this.callerName = callerName;
            this.context = context;
            this.exten = exten;
        }

        public String stateDesc() {
            return switch (state) {
                case 0 -> "Down";
                case 4 -> "Ring";
                case 5 -> "Ringing";
                case 6 -> "Up";
                default -> "Unknown";
            };
        }
    }

    public final Map<String, Queue> queues = new LinkedHashMap<>();
    public final Map<String, Channel> channels = new LinkedHashMap<>();

    public Queue queue(String name) {
        return queues.computeIfAbsent(name, Queue::new);
    }

    public Channel channelByName(String name) {
        for (Channel c : channels.values()) if (c.name.equals(name)) return c;
        return null;
    }
}
