package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.IvrDependencies;
import ir.line111.ivr.prompts.PromptCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static ir.line111.ivr.prompts.Prompts.*;

/**
 * The call flows of DESIGN §4, entered by the two FastAGI scripts. Stateless: every call brings its
 * own {@link CallSession}. The flows are one class each ({@link NewMatterFlow}, {@link MessageFlow},
 * {@link FollowUpFlow}, the ID in {@link NationalIdSteps}) sharing {@link CallSteps}; this class
 * routes the entries, and a hang-up, surfacing as {@link CallerHungUp} from any step, ends in
 * {@link #settle}, which keeps and registers whatever the call had recorded and closes the call
 * record with the step where the caller left.
 */
public final class CallFlows {
    private static final Logger log = LoggerFactory.getLogger(CallFlows.class);

    private final IvrDependencies deps;
    private final CaseRegistry cases;
    private final CallLog callLog;
    private final CallRecorder recorder;
    private final CallSteps steps;
    private final MessageFlow message;
    private final NewMatterFlow newMatter;
    private final FollowUpFlow followUp;

    public CallFlows(IvrDependencies deps, IvrSettings settings, PromptCatalogue catalogue) {
        this.deps = deps;
        this.cases = deps.cases();
        this.callLog = deps.callLog();
        this.recorder = new CallRecorder(deps.recordings(), callLog);
        this.steps = new CallSteps(settings, callLog);
        this.message = new MessageFlow(settings, cases, callLog, deps.clock(), recorder, steps);
        NationalIdSteps ids = new NationalIdSteps(settings, deps::recognizer, recorder, steps);
        this.newMatter = new NewMatterFlow(deps, settings, ids, message, steps);
        this.followUp = new FollowUpFlow(settings, cases, callLog, deps.officeHours(), deps.clock(), catalogue, steps, newMatter::handOver);
    }

    // ---------------------------------------------------------------- entries

    /** The {@code line111} script: from the welcome to a hand-over, a message or a follow-up. */
    public void entry(CallSession s) {
        callLog.started(s.callId, s.callerNumber, s.channelName, deps.clock().instant());
        try {
            steps.step(s, "welcome", null);
            s.caller.answer();
            s.caller.play(List.of(WELCOME), "");
            char k = steps.choose(s, "main-menu", List.of(MAIN_MENU), "12");
            switch (k) {
                case '1' -> newMatter.run(s);
                case '2' -> followUp.run(s);
                default -> steps.endCall(s, CallOutcome.NO_INPUT);
            }
        } catch (CallerHungUp e) {
            log.info("caller left at {}: {}", s.lastStep, e.getMessage());
            if (s.outcome == null) s.outcome = CallOutcome.CALLER_HUNG_UP;
        } catch (CallFault e) {
            log.warn("call ended by a protocol fault at {}: {}", s.lastStep, e.getMessage());
            if (s.outcome == null) s.outcome = CallOutcome.ERROR;
        } catch (RuntimeException e) {
            log.error("call flow failed at {}", s.lastStep, e);
            if (s.outcome == null) s.outcome = CallOutcome.ERROR;
            steps.apologise(s);
        } finally {
            settle(s);
        }
    }

    /** What Queue() leaves in QUEUESTATUS when no operator took the call (the dialplan then comes here too). */
    static final Set<String> QUEUE_NOT_ANSWERED = Set.of("TIMEOUT", "FULL", "JOINEMPTY", "LEAVEEMPTY", "JOINUNAVAIL", "LEAVEUNAVAIL");

    /**
     * The {@code line111-after-queue} script. After an operator: the tracking code of the case they
     * registered, then a 1–5 score. When no operator took the call (Queue() gave up): nobody is lost,
     * the caller leaves a message with the ID given before the queue.
     */
    public void afterQueue(CallSession s) {
        try {
            steps.step(s, "after-queue", null);
            String queueStatus = s.caller.variable("QUEUESTATUS");
            if (queueStatus != null && QUEUE_NOT_ANSWERED.contains(queueStatus.strip())) {
                steps.step(s, "queue-unanswered", queueStatus.strip());
                restoreFromChannel(s);
                s.caller.play(List.of(QUEUE_UNANSWERED), "");
                message.run(s);
                return;
            }
            s.outcome = CallOutcome.ANSWERED_BY_OPERATOR;
            Optional<CaseSummary> registered = cases.findRegisteredInCall(s.callId);
            if (registered.isPresent()) {
                callLog.caseLinked(s.callId, registered.get().id());
                steps.readCodeTwice(s, AFTER_QUEUE_CODE, registered.get().trackingCode());
            } else {
                s.caller.play(List.of(NO_CASE_REGISTERED), "");
            }
            char score = steps.choose(s, "satisfaction", List.of(SATISFACTION_MENU), "12345");
            if (score != Caller.NO_KEY) {
                callLog.satisfaction(s.callId, score - '0');
                s.caller.play(List.of(THANKS), "");
            }
            s.caller.play(List.of(GOODBYE), "");
            steps.hangUp(s);
        } catch (CallerHungUp e) {
            log.info("caller left the after-queue entry at {}", s.lastStep);
            if (s.outcome == null) s.outcome = CallOutcome.CALLER_HUNG_UP;
        } catch (CallFault e) {
            log.warn("after-queue entry ended by a protocol fault at {}: {}", s.lastStep, e.getMessage());
            if (s.outcome == null) s.outcome = CallOutcome.ERROR;
        } catch (RuntimeException e) {
            log.error("after-queue entry failed at {}", s.lastStep, e);
            if (s.outcome == null) s.outcome = CallOutcome.ERROR;
            steps.apologise(s);
        } finally {
            settle(s);
        }
    }

    /** Who the matter is about, as the entry script handed it to the dialplan (only verified IDs are set). */
    private void restoreFromChannel(CallSession s) {
        NationalId caller = parseId(s.caller.variable(DialplanContract.VAR_NATIONAL_ID));
        NationalId subject = parseId(s.caller.variable(DialplanContract.VAR_SUBJECT_NATIONAL_ID));
        String relation = s.caller.variable(DialplanContract.VAR_RELATION);
        String recording = s.caller.variable(DialplanContract.VAR_SPOKEN_ID_RECORDING);
        try {
            s.relation = relation == null ? Relation.SELF : Relation.valueOf(relation.strip());
        } catch (IllegalArgumentException e) {
            s.relation = Relation.SELF;
        }
        s.callerId = new CallSession.IdCapture(caller, caller != null, null, false);
        if (s.relation != Relation.SELF) s.subjectId = new CallSession.IdCapture(subject, subject != null, null, false);
        try {
            s.spokenIdRecordingFromChannel = recording == null || recording.isBlank() ? null : Long.valueOf(recording.strip());
        } catch (NumberFormatException e) {
            s.spokenIdRecordingFromChannel = null;
        }
    }

    private static NationalId parseId(String digits) {
        return digits != null && NationalId.parse(digits) instanceof NationalId.Parsed.Valid v ? v.id() : null;
    }

    /**
     * The end of every call, however it ended: adopt a recording in flight, register a message
     * that was recorded but not yet registered, and close the call record.
     */
    void settle(CallSession s) {
        // A call cut off by a stopping server arrives here interrupted; what it recorded must still be stored.
        boolean interrupted = Thread.interrupted();
        try {
            recorder.adoptPending(s);
        } catch (RuntimeException e) {
            log.error("could not adopt the recording in flight", e);
        }
        if ((s.message != null || s.registrationTried) && !s.messageSettled) {
            String leftAt = s.lastStep;
            try {
                message.register(s);
                s.lastStep = leftAt;
            } catch (RuntimeException e) {
                log.error("could not register the recorded message; the recording is kept for staff", e);
            }
        }
        CallOutcome outcome = s.outcome == null ? CallOutcome.CALLER_HUNG_UP : s.outcome;
        if (s.message != null && s.messageSettled && outcome == CallOutcome.CALLER_HUNG_UP) outcome = CallOutcome.MESSAGE_LEFT;
        s.outcome = outcome;
        callLog.ended(s.callId, outcome, s.lastStep, deps.clock().instant());
        if (interrupted) Thread.currentThread().interrupt();
    }
}
