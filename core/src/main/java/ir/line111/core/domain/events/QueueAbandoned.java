package ir.line111.core.domain.events;

import java.time.Instant;

/**
 * A caller hung up while waiting ({@link EventAddresses#QUEUE_ABANDONED}); not a Queue() timeout or
 * leave-empty, which Asterisk reports the same way.
 */
public record QueueAbandoned(String callId, String uniqueId, String callerNumber, long waitSeconds, String queue,
                             Instant at) {}
