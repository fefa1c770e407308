package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.StoredRecording;
import ir.line111.ivr.DialplanContract;

import java.time.Clock;
import java.util.List;

import static ir.line111.ivr.prompts.Prompts.*;

/** DESIGN §4 step 8: record, keep or record again, register, the tracking code now, read twice. */
final class MessageFlow {
    private final IvrSettings settings;
    private final CaseRegistry cases;
    private final CallLog callLog;
    private final Clock clock;
    private final CallRecorder recorder;
    private final CallSteps steps;

    MessageFlow(IvrSettings settings, CaseRegistry cases, CallLog callLog, Clock clock, CallRecorder recorder, CallSteps steps) {
        this.settings = settings;
        this.cases = cases;
        this.callLog = callLog;
        this.clock = clock;
        this.recorder = recorder;
        this.steps = steps;
    }

    void run(CallSession s) {
        while (true) {
            steps.step(s, "message", null);
            s.caller.play(List.of(RECORD_MESSAGE), "");
            StoredRecording rec = recorder.record(s, RecordingKind.VOICEMAIL, settings.messageMaxLength(), settings.messageSilence());
            boolean empty = !recorder.heard(rec);
            // Taken: if the server is cut off from here on, the dialplan must not ask for the message again.
            if (!empty) s.caller.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_HANGUP);
            if (empty && s.message == null) {
                steps.step(s, "message", "empty");
                s.caller.play(List.of(MESSAGE_EMPTY), "");
                if (steps.choose(s, "message-empty", List.of(MESSAGE_MENU), "12") == '2') continue;
                // An empty message is still registered when the ID was given: staff can call back.
                break;
            }
            char k = steps.choose(s, "message-review", List.of(MESSAGE_MENU), "12");
            if (k == '2') continue;
            break;
        }
        register(s);
        if (s.addTo != null) {
            s.caller.play(List.of(MESSAGE_ADDED), "");
            steps.endCall(s, CallOutcome.MESSAGE_LEFT);
            return;
        }
        s.caller.play(List.of(MESSAGE_REGISTERED), "");
        while (true) {
            steps.readCodeTwice(s, YOUR_CODE_IS, s.issued.trackingCode());
            char again = s.caller.play(List.of(HEAR_AGAIN_MENU), "1");
            if (again == Caller.NO_KEY) again = s.caller.waitForKey(settings.digitTimeout());
            steps.step(s, "code-read", again == '1' ? "again" : "done");
            if (again != '1') break;
        }
        steps.endCall(s, CallOutcome.MESSAGE_LEFT);
    }

    /** Registers the kept message once (also from {@link CallFlows#settle} after a hang-up). */
    void register(CallSession s) {
        if (s.messageSettled) return;
        // Settled only once the registry took it: a database that is down now gets another try in settle().
        s.registrationTried = true;
        CallSession.IdCapture subject = s.subject();
        Long messageId = s.message == null ? null : s.message.id();
        if (s.addTo != null) {
            cases.addMessage(s.addTo.id(), messageId, s.callId, null, Actor.IVR);
            s.messageSettled = true;
            callLog.caseLinked(s.callId, s.addTo.id());
            steps.step(s, "message-added", "case " + s.addTo.id());
        } else {
            SubjectPerson person = new SubjectPerson(subject.id(), subject.verified(), s.relation, null);
            Long spokenId = subject.recording() != null ? Long.valueOf(subject.recording().id()) : s.spokenIdRecordingFromChannel;
            s.issued = cases.registerVoicemail(new VoicemailIntake(s.callId, s.callerNumber, person, spokenId, messageId, clock.instant()));
            s.messageSettled = true;
            callLog.caseLinked(s.callId, s.issued.id());
            steps.step(s, "message-registered", "case " + s.issued.id());
        }
        s.outcome = CallOutcome.MESSAGE_LEFT;
    }
}
