package ir.line111.ivr.intake;

import ir.line111.core.domain.calls.CallEvent;
import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;

import java.time.Instant;
import java.util.List;

/**
 * Keeps provisional ids (recordings without a row, cases still in the intake journal) out of the
 * call record; replay writes the real ones.
 */
final class ProvisionalIdFilter implements CallLog {
    private final CallLog log;

    ProvisionalIdFilter(CallLog log) {
        this.log = log;
    }

    @Override public void started(String callId, String callerNumber, String channelName, Instant at) { log.started(callId, callerNumber, channelName, at); }
    @Override public void step(String callId, String step, String detail) { log.step(callId, step, detail); }
    @Override public void ended(String callId, CallOutcome outcome, String lastStep, Instant at) { log.ended(callId, outcome, lastStep, at); }
    @Override public void satisfaction(String callId, int score) { log.satisfaction(callId, score); }

    @Override
    public void recordingMade(String callId, long recordingId) {
        if (recordingId > 0) log.recordingMade(callId, recordingId);
    }

    @Override
    public void caseLinked(String callId, long caseId) {
        if (caseId > 0) log.caseLinked(callId, caseId);
    }

    @Override
    public void writeAll(List<? extends CallEvent> events) {
        log.writeAll(events.stream().filter(e -> switch (e) {
            case CallEvent.RecordingMade r -> r.recordingId() > 0;
            case CallEvent.CaseLinked c -> c.caseId() > 0;
            default -> true;
        }).toList());
    }
}
