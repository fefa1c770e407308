package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.domain.recordings.RecordingStore.StoredRecording;

import java.time.Duration;

/**
 * RECORD FILE into the store's planned path, and the adoption of what Asterisk wrote however the
 * line ended: a reply, a hang-up reply, or no reply at all (EOF, reset, a server cutting the call).
 * A message that holds speech is the call's message from the moment it is adopted, so that
 * {@link CallFlows#settle} registers it whatever happens next.
 */
final class CallRecorder {
    private final RecordingStore store;
    private final CallLog callLog;

    CallRecorder(RecordingStore store, CallLog callLog) {
        this.store = store;
        this.callLog = callLog;
    }

    StoredRecording record(CallSession s, RecordingKind kind, Duration max, Duration silence) {
        PlannedRecording planned = store.plan(s.callId, kind);
        s.pending = planned;
        Caller.Recorded r;
        try {
            r = s.caller.record(planned.basePath(), planned.format(), "#", max, silence);
        } catch (CallerHungUp e) {
            // The line went while recording (EOF, reset, a dead channel): Asterisk still wrote what it heard.
            r = new Caller.Recorded(Caller.RecordingEnd.HUNG_UP, 0);
        }
        StoredRecording stored = adoptPending(s);
        // Not a step of its own: where the caller left stays the step that asked for the recording.
        callLog.step(s.callId, kind == RecordingKind.VOICEMAIL ? "message-recorded" : "id-recorded", r.end() + " " + r.samples() + " samples");
        if (r.end() == Caller.RecordingEnd.HUNG_UP) throw new CallerHungUp("caller hung up while recording " + kind);
        return stored;
    }

    /** Adopts the recording Asterisk may have been writing; null when none was in flight. */
    StoredRecording adoptPending(CallSession s) {
        PlannedRecording p = s.pending;
        if (p == null) return null;
        s.pending = null;
        StoredRecording stored = store.adopt(p);
        s.recordings.add(stored);
        callLog.recordingMade(s.callId, stored.id());
        if (p.kind() == RecordingKind.VOICEMAIL && heard(stored)) s.message = stored;
        return stored;
    }

    /** Whether a recording holds speech: by the audio's energy (the store judges it), never by its length alone. */
    boolean heard(StoredRecording r) {
        return r != null && r.flagged() == null && r.durationSamples() > 0 && store.hasSpeech(r);
    }
}
