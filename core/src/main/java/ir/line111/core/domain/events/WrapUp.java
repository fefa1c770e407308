package ir.line111.core.domain.events;

import java.time.Instant;

/**
 * The operator's leg of a call ended ({@link EventAddresses#CALL_WRAP_UP}: AgentComplete, or the caller's
 * hang-up when that was missed); always published after the {@link ScreenPop} of the same call.
 *
 * @param reason        agent | caller | transfer (Asterisk's AgentComplete), hangup, ended-during-outage
 * @param wrapUpSeconds the member's Wrapuptime as AMI reports it; null when it did not (the queue's applies)
 */
public record WrapUp(String callId, String uniqueId, String operator, String operatorName, String callerNumber,
                     long talkSeconds, long waitSeconds, String reason, Integer wrapUpSeconds, String conversationFile,
                     Instant at) {}
