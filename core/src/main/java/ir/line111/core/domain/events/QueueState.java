package ir.line111.core.domain.events;

import ir.line111.core.domain.identity.NationalId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The operators' queue as the AMI adapter knows it ({@link EventAddresses#QUEUE_STATE}, after each burst of
 * changes and every 5 s while callers wait; also the reply to {@link EventAddresses#QUEUE_STATE_REQUEST}).
 * Only {@code known} (connected and re-synced) speaks for Asterisk.
 *
 * @param serviceLevel the share (0..1) of today's calls answered within the threshold; null before the first call
 */
public record QueueState(String queue, boolean known, boolean connected, boolean synced, Instant at,
                         List<Caller> callers, List<Member> members, int callersWaiting, int operatorsLoggedIn,
                         int operatorsAvailable, int operatorsBusy, int operatorsPaused, long longestWaitSeconds,
                         long estimatedWaitSeconds, long averageTalkSeconds, Double serviceLevel, Today today) {

    public QueueState {
        callers = callers == null ? List.of() : List.copyOf(callers);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** Before the adapter has seen Asterisk (or with no adapter at all). */
    public static QueueState unknown(String queue, Instant at) {
        return new QueueState(queue, false, false, false, at, List.of(), List.of(), 0, 0, 0, 0, 0, 0, 0, 0, null, null);
    }

    /** A waiting caller, first in line first; the national ID is full here (the console masks it for browsers). */
    public record Caller(String uniqueId, String callId, int position, String callerNumber, String callerName,
                         long waitSeconds, Instant joinedAt, NationalId nationalId) {}

    /**
     * A queue member. {@code operator} is the device (interface, as in the screen-pop), {@code name} the member
     * name, {@code username} the console user (null from the adapter; the console fills it in).
     *
     * @param deviceStatus Asterisk's device state number (QueueMember Status)
     */
    public record Member(String operator, String name, String username, OperatorState state, int deviceStatus,
                         boolean paused, String reason, boolean inCall, int callsTaken, Integer wrapUpSeconds) {

        public Member withUsername(String user) {
            return new Member(operator, name, user, state, deviceStatus, paused, reason, inCall, callsTaken, wrapUpSeconds);
        }
    }

    /** Today's figures in the office's zone, reset at midnight; {@code serviceLevel} as above. */
    public record Today(LocalDate day, int thresholdSeconds, long answered, long answeredWithin, long abandoned,
                        Double serviceLevel) {}

    public QueueState withMembers(List<Member> ms) {
        return new QueueState(queue, known, connected, synced, at, callers, ms, callersWaiting, operatorsLoggedIn,
                operatorsAvailable, operatorsBusy, operatorsPaused, longestWaitSeconds, estimatedWaitSeconds,
                averageTalkSeconds, serviceLevel, today);
    }
}
