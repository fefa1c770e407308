package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.queue.QueueLoad;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.IvrDependencies;
import ir.line111.ivr.prompts.PersianSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static ir.line111.ivr.prompts.Prompts.*;

/** DESIGN §4 steps 2–7: whose matter, the IDs, a likely duplicate, then an operator or a message. */
final class NewMatterFlow {
    private static final Logger log = LoggerFactory.getLogger(CallFlows.class);

    private final IvrDependencies deps;
    private final IvrSettings settings;
    private final NationalIdSteps ids;
    private final MessageFlow message;
    private final CallSteps steps;

    NewMatterFlow(IvrDependencies deps, IvrSettings settings, NationalIdSteps ids, MessageFlow message, CallSteps steps) {
        this.deps = deps;
        this.settings = settings;
        this.ids = ids;
        this.message = message;
        this.steps = steps;
    }

    void run(CallSession s) {
        s.callerId = ids.capture(s, "caller-id", SAY_NATIONAL_ID);
        char whose = steps.choose(s, "whose-matter", List.of(WHOSE_MATTER), "12");
        if (whose == Caller.NO_KEY) {
            // Nobody is lost for a missed menu: take the matter as the caller's own.
            whose = '1';
        }
        if (whose == '2') {
            char r = steps.choose(s, "relation", List.of(RELATION_MENU), "123456");
            Relation[] others = {Relation.SPOUSE, Relation.CHILD, Relation.PARENT, Relation.SIBLING, Relation.OTHER_RELATIVE, Relation.OTHER};
            s.relation = r == Caller.NO_KEY ? Relation.OTHER : others[r - '1'];
            s.subjectId = ids.capture(s, "subject-id", SAY_SUBJECT_NATIONAL_ID);
        }
        NationalId subject = s.subject().id();
        if (subject != null) {
            Optional<CaseSummary> dup = deps.cases().findLikelyDuplicate(subject);
            if (dup.isPresent()) {
                steps.step(s, "duplicate", "case " + dup.get().id());
                List<String> p = new ArrayList<>(List.of(DUPLICATE_FOUND));
                p.addAll(PersianSpeech.digits(dup.get().trackingCode().digits()));
                p.add(DUPLICATE_MENU);
                char d = steps.choose(s, "duplicate", p, "12");
                if (d == '1') {
                    s.addTo = dup.get();
                    message.run(s);
                    return;
                }
            }
        }
        liveOrMessage(s);
    }

    private void liveOrMessage(CallSession s) {
        if (!deps.officeHours().isOpen(deps.clock().instant())) {
            steps.step(s, "office-closed", null);
            s.caller.play(List.of(OFFICE_CLOSED), "");
            message.run(s);
            return;
        }
        char mode = steps.choose(s, "mode", List.of(MODE_MENU), "12");
        if (mode != '1') {
            message.run(s);
            return;
        }
        QueueLoad.Snapshot q = queueSnapshot();
        if (isBusy(q)) {
            steps.step(s, "queue-busy", "waiting " + q.callersWaiting() + ", available " + q.operatorsAvailable() + ", wait " + q.estimatedWait().toSeconds() + "s");
            List<String> p = new ArrayList<>(List.of(QUEUE_BUSY, ESTIMATED_WAIT));
            p.addAll(PersianSpeech.minutes(q.estimatedWait()));
            p.add(BUSY_MENU);
            if (steps.choose(s, "busy", p, "12") != '1') {
                divertedToMessage(s, q);
                message.run(s);
                return;
            }
        }
        handOver(s, null);
    }

    /** Reports count callers the busy queue sent to a message; a failure to note it must not touch the call. */
    private void divertedToMessage(CallSession s, QueueLoad.Snapshot q) {
        try {
            deps.queueLoad().divertedToMessage(s.callId, s.callerNumber, q.estimatedWait());
        } catch (RuntimeException e) {
            log.warn("could not note the diversion to a message: {}", e.toString());
        }
    }

    private QueueLoad.Snapshot queueSnapshot() {
        try {
            QueueLoad.Snapshot q = deps.queueLoad().snapshot();
            return q == null ? QueueLoad.Snapshot.UNKNOWN : q;
        } catch (RuntimeException e) {
            log.warn("queue load unavailable: {}", e.toString());
            return QueueLoad.Snapshot.UNKNOWN;
        }
    }

    /** Busy when the estimate or the callers per available operator exceed the thresholds; unknown load is not busy. */
    boolean isBusy(QueueLoad.Snapshot q) {
        if (!q.known()) return false;
        if (q.operatorsLoggedIn() == 0) return true;
        if (q.estimatedWait().compareTo(settings.busyMaxWait()) > 0) return true;
        return (double) q.callersWaiting() / Math.max(1, q.operatorsAvailable()) > settings.busyMaxCallersPerOperator();
    }

    /** Sets the variables the dialplan and the console need, and returns to the dialplan for Queue(). */
    void handOver(CallSession s, CaseSummary about) {
        steps.step(s, "queue", about == null ? null : "case " + about.id());
        CallSession.IdCapture subject = s.subject();
        PlannedRecording conversation = deps.recordings().plan(s.callId, RecordingKind.CONVERSATION);
        Caller c = s.caller;
        c.play(List.of(CONNECTING_OPERATOR), "");
        c.setVariable(DialplanContract.VAR_CALL_ID, s.callId);
        if (s.callerId.id() != null) c.setVariable(DialplanContract.VAR_NATIONAL_ID, s.callerId.id().digits());
        c.setVariable(DialplanContract.VAR_NATIONAL_ID_VERIFIED, Boolean.toString(s.callerId.verified()));
        if (s.callerId.recording() != null) c.setVariable(DialplanContract.VAR_SPOKEN_ID_RECORDING, Long.toString(s.callerId.recording().id()));
        if (subject.id() != null) c.setVariable(DialplanContract.VAR_SUBJECT_NATIONAL_ID, subject.id().digits());
        c.setVariable(DialplanContract.VAR_RELATION, s.relation.name());
        if (about != null) c.setVariable(DialplanContract.VAR_DRAFT_CASE, Long.toString(about.id()));
        c.setVariable(DialplanContract.VAR_CONVERSATION_FILE, conversation.basePath().toString());
        c.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_QUEUE);
        s.handedOver = true;
        s.outcome = CallOutcome.HANDED_TO_QUEUE;
    }
}
