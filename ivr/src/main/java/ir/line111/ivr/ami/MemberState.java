package ir.line111.ivr.ami;

import ir.line111.core.domain.events.OperatorState;
import org.asteriskjava.live.QueueMemberState;

import java.util.EnumSet;
import java.util.Set;

/**
 * A queue member's state as the console shows it, from Asterisk's device state ({@link QueueMemberState},
 * QueueMember's {@code Status}) and the pause and in-call flags that come with it.
 */
enum MemberState {
    AVAILABLE(OperatorState.READY), BUSY(OperatorState.ON_CALL), PAUSED(OperatorState.PAUSED),
    UNAVAILABLE(OperatorState.UNAVAILABLE);

    /** The device is gone or was never valid: Asterisk will not ring it, so the member does not count as logged in. */
    private static final Set<QueueMemberState> ABSENT = EnumSet.of(QueueMemberState.DEVICE_INVALID,
            QueueMemberState.DEVICE_UNAVAILABLE);
    /** Asterisk rings these members: unknown is what a Local or unregistered-but-allowed device reports. */
    private static final Set<QueueMemberState> FREE = EnumSet.of(QueueMemberState.DEVICE_UNKNOWN,
            QueueMemberState.DEVICE_NOT_INUSE);
    private static final Set<QueueMemberState> OCCUPIED = EnumSet.of(QueueMemberState.DEVICE_INUSE,
            QueueMemberState.DEVICE_BUSY, QueueMemberState.DEVICE_RINGING, QueueMemberState.DEVICE_RINGINUSE,
            QueueMemberState.DEVICE_ONHOLD);

    private final OperatorState shown;

    MemberState(OperatorState shown) { this.shown = shown; }

    /** The state in the queue-state event, in the names the console shows (no renaming on the way). */
    OperatorState shown() { return shown; }

    /** An unknown number (a newer Asterisk) is taken as the device state "unknown", as Asterisk-Java does. */
    static QueueMemberState device(AmiSignal.Member m) {
        QueueMemberState s = QueueMemberState.valueOf(m.status());
        return s == null ? QueueMemberState.DEVICE_UNKNOWN : s;
    }

    static boolean loggedIn(AmiSignal.Member m) {
        return !ABSENT.contains(device(m));
    }

    static boolean available(AmiSignal.Member m) {
        return loggedIn(m) && !m.paused() && !m.inCall() && FREE.contains(device(m));
    }

    static boolean busy(AmiSignal.Member m) {
        return loggedIn(m) && !m.paused() && (m.inCall() || OCCUPIED.contains(device(m)));
    }

    static MemberState of(AmiSignal.Member m) {
        if (!loggedIn(m)) return UNAVAILABLE;
        if (m.paused()) return PAUSED;
        if (busy(m)) return BUSY;
        return AVAILABLE;
    }
}
