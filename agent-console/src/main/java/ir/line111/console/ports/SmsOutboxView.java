package ir.line111.console.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SMS outbox as supervisors see it (the sms module's, handed in by the composition root): the
 * messages in one state, newest first, with the number masked and no text, and how many are in each.
 */
public interface SmsOutboxView {

    record Message(long id, long caseId, String trackingCode, String kind, String destination, String state,
                   int attempts, String lastError, Instant createdAt, Instant updatedAt) {}

    /** False when {@code sms.enabled=false}: nothing is sent, the lists are empty. */
    boolean enabled();

    /** {@code state}: PENDING, SUBMITTED, DELIVERED or FAILED. */
    List<Message> list(String state, int limit);

    Map<String, Long> counts();

    SmsOutboxView NONE = new SmsOutboxView() {
        @Override public boolean enabled() { return false; }
        @Override public List<Message> list(String state, int limit) { return List.of(); }
        @Override public Map<String, Long> counts() { return Map.of(); }
    };
}
