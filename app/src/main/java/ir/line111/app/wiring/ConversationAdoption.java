package ir.line111.app.wiring;

import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.ivr.ami.ConversationRecordingSink;
import ir.line111.recordings.store.AudioStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * When a queue call ends, the MixMonitor file of the conversation is adopted by the store and attached
 * to the case the operator registered during that call, so the case page can play it.
 */
public final class ConversationAdoption implements ConversationRecordingSink {
    private static final Logger log = LoggerFactory.getLogger(ConversationAdoption.class);
    private final AudioStore store;
    private final CaseRegistry cases;

    public ConversationAdoption(AudioStore store, CaseRegistry cases) {
        this.store = store;
        this.cases = cases;
    }

    @Override
    public void conversationEnded(ConversationRecording r) {
        String callId = r.callId() != null ? r.callId() : r.uniqueId();
        try (var ignored = MDC.putCloseable("callId", callId)) {
            var stored = store.adopt(new PlannedRecording(callId, RecordingKind.CONVERSATION, r.basePath(), "wav"));
            if (stored.flagged() != null) log.warn("conversation recording {} flagged: {}", stored.id(), stored.flagged());
            cases.findRegisteredInCall(callId).ifPresent(c -> store.attachToCase(stored.id(), c.id()));
        } catch (RuntimeException e) {
            // The file stays where MixMonitor wrote it; the spool reconciler or a person can still find it.
            log.error("could not adopt the conversation recording {}: {}", r.basePath(), e.toString());
        }
    }
}
