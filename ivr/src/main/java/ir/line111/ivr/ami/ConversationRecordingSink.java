package ir.line111.ivr.ami;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Told when a queue call with a MixMonitor recording ends, so the recordings module can adopt the file
 * (attach it to the call and to the case the operator registers). May block; called on a virtual thread.
 */
@FunctionalInterface
public interface ConversationRecordingSink {

    /**
     * @param basePath {@code LINE111_CONVERSATION_FILE}: the path MixMonitor wrote, without extension
     * @param operator the member interface that took the call; null when nobody answered
     */
    record ConversationRecording(String callId, String uniqueId, Path basePath, String operator, Instant endedAt) {}

    void conversationEnded(ConversationRecording recording);

    ConversationRecordingSink NONE = r -> {};
}
