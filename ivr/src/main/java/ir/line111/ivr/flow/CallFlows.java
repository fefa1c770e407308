package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.queue.QueueLoad;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.domain.recordings.RecordingStore.StoredRecording;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.IvrDependencies;
import ir.line111.ivr.prompts.PersianSpeech;
import ir.line111.ivr.prompts.PromptCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static ir.line111.ivr.prompts.Prompts.*;

/**
 * The call flows of DESIGN §4. Stateless: every call brings its own {@link CallSession}. A hang-up
 * surfaces as {@link CallerHungUp} from any step; {@link #settle} then keeps and registers whatever
 * the call had recorded and closes the call record with the step where the caller left.
 */
public final class CallFlows {
    private static final Logger log = LoggerFactory.getLogger(CallFlows.class);

    private final IvrDependencies deps;
    private final IvrSettings settings;
    private final PromptCatalogue catalogue;
    private final CaseRegistry cases;
    private final CallLog callLog;
    private final RecordingStore store;
    private final CallRecorder recorder;

    public CallFlows(IvrDependencies deps, IvrSettings settings, PromptCatalogue catalogue) {
        this.deps = deps;
        this.settings = settings;
        this.catalogue = catalogue;
        this.cases = deps.cases();
        this.callLog = deps.callLog();
        this.store = deps.recordings();
        this.recorder = new CallRecorder(store, callLog);
    }

    // ---------------------------------------------------------------- entries

    /** The {@code line111} script: from the welcome to a hand-over, a message or a follow-up. */
    public void entry(CallSession s) {
        callLog.started(s.callId, s.callerNumber, s.channelName, deps.clock().instant());
        try {
            step(s, "welcome", null);
            s.caller.answer();
            s.caller.play(List.of(WELCOME), "");
            char k = choose(s, "main-menu", List.of(MAIN_MENU), "12");
            switch (k) {
                case '1' -> newMatter(s);
                case '2' -> followUp(s);
                default -> endCall(s, CallOutcome.NO_INPUT);
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
            apologise(s);
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
            step(s, "after-queue", null);
            String queueStatus = s.caller.variable("QUEUESTATUS");
            if (queueStatus != null && QUEUE_NOT_ANSWERED.contains(queueStatus.strip())) {
                step(s, "queue-unanswered", queueStatus.strip());
                restoreFromChannel(s);
                s.caller.play(List.of(QUEUE_UNANSWERED), "");
                message(s);
                return;
            }
            s.outcome = CallOutcome.ANSWERED_BY_OPERATOR;
            Optional<CaseSummary> registered = cases.findRegisteredInCall(s.callId);
            if (registered.isPresent()) {
                callLog.caseLinked(s.callId, registered.get().id());
                readCodeTwice(s, AFTER_QUEUE_CODE, registered.get().trackingCode());
            } else {
                s.caller.play(List.of(NO_CASE_REGISTERED), "");
            }
            char score = choose(s, "satisfaction", List.of(SATISFACTION_MENU), "12345");
            if (score != Caller.NO_KEY) {
                callLog.satisfaction(s.callId, score - '0');
                s.caller.play(List.of(THANKS), "");
            }
            s.caller.play(List.of(GOODBYE), "");
            hangUp(s);
        } catch (CallerHungUp e) {
            log.info("caller left the after-queue entry at {}", s.lastStep);
            if (s.outcome == null) s.outcome = CallOutcome.CALLER_HUNG_UP;
        } catch (CallFault e) {
            log.warn("after-queue entry ended by a protocol fault at {}: {}", s.lastStep, e.getMessage());
            if (s.outcome == null) s.outcome = CallOutcome.ERROR;
        } catch (RuntimeException e) {
            log.error("after-queue entry failed at {}", s.lastStep, e);
            if (s.outcome == null) s.outcome = CallOutcome.ERROR;
            apologise(s);
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

    // ---------------------------------------------------------------- new matter

    private void newMatter(CallSession s) {
        s.callerId = captureId(s, "caller-id", SAY_NATIONAL_ID);
        char whose = choose(s, "whose-matter", List.of(WHOSE_MATTER), "12");
        if (whose == Caller.NO_KEY) {
            // Nobody is lost for a missed menu: take the matter as the caller's own.
            whose = '1';
        }
        if (whose == '2') {
            char r = choose(s, "relation", List.of(RELATION_MENU), "123456");
            Relation[] others = {Relation.SPOUSE, Relation.CHILD, Relation.PARENT, Relation.SIBLING, Relation.OTHER_RELATIVE, Relation.OTHER};
            s.relation = r == Caller.NO_KEY ? Relation.OTHER : others[r - '1'];
            s.subjectId = captureId(s, "subject-id", SAY_SUBJECT_NATIONAL_ID);
        }
        NationalId subject = s.subject().id();
        if (subject != null) {
            Optional<CaseSummary> dup = cases.findLikelyDuplicate(subject);
            if (dup.isPresent()) {
                step(s, "duplicate", "case " + dup.get().id());
                List<String> p = new ArrayList<>(List.of(DUPLICATE_FOUND));
                p.addAll(PersianSpeech.digits(dup.get().trackingCode().digits()));
                p.add(DUPLICATE_MENU);
                char d = choose(s, "duplicate", p, "12");
                if (d == '1') {
                    s.addTo = dup.get();
                    message(s);
                    return;
                }
            }
        }
        liveOrMessage(s);
    }

    private void liveOrMessage(CallSession s) {
        if (!deps.officeHours().isOpen(deps.clock().instant())) {
            step(s, "office-closed", null);
            s.caller.play(List.of(OFFICE_CLOSED), "");
            message(s);
            return;
        }
        char mode = choose(s, "mode", List.of(MODE_MENU), "12");
        if (mode != '1') {
            message(s);
            return;
        }
        QueueLoad.Snapshot q = queueSnapshot();
        if (isBusy(q)) {
            step(s, "queue-busy", "waiting " + q.callersWaiting() + ", available " + q.operatorsAvailable() + ", wait " + q.estimatedWait().toSeconds() + "s");
            List<String> p = new ArrayList<>(List.of(QUEUE_BUSY, ESTIMATED_WAIT));
            p.addAll(PersianSpeech.minutes(q.estimatedWait()));
            p.add(BUSY_MENU);
            if (choose(s, "busy", p, "12") != '1') {
                divertedToMessage(s, q);
                message(s);
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
    private void handOver(CallSession s, CaseSummary about) {
        step(s, "queue", about == null ? null : "case " + about.id());
        CallSession.IdCapture subject = s.subject();
        PlannedRecording conversation = store.plan(s.callId, RecordingKind.CONVERSATION);
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

    // ---------------------------------------------------------------- national ID

    private CallSession.IdCapture captureId(CallSession s, String stepName, String sayPrompt) {
        StoredRecording last = null;
        for (int attempt = 1; attempt <= IvrSettings.ID_ATTEMPTS; attempt++) {
            if (settings.keyedIdFallback() && attempt > 2) {
                CallSession.IdCapture keyed = keyId(s, stepName, last);
                if (keyed != null) return keyed;
                break;
            }
            step(s, stepName, "attempt " + attempt);
            s.caller.play(List.of(sayPrompt), "");
            try {
                last = recorder.record(s, RecordingKind.SPOKEN_ID, settings.idMaxLength(), settings.idSilence());
            } catch (CallerHungUp e) {
                // A spoken ID cut off by a hang-up is still the best evidence of who called: keep it with the call.
                StoredRecording cut = s.recordings.isEmpty() ? last : s.recordings.getLast();
                CallSession.IdCapture partial = new CallSession.IdCapture(null, false, cut, false);
                if (sayPrompt.equals(SAY_SUBJECT_NATIONAL_ID)) s.subjectId = partial; else s.callerId = partial;
                throw e;
            }
            if (!recorder.heard(last)) {
                step(s, stepName, "nothing heard");
                s.caller.play(List.of(ID_NOT_HEARD), "");
                continue;
            }
            Recognition rec = recognise(last);
            switch (rec) {
                case Recognition.Unavailable u -> {
                    step(s, stepName, "unverified: " + u.reason());
                    s.caller.play(List.of(ID_UNVERIFIED), "");
                    return new CallSession.IdCapture(null, false, last, false);
                }
                case Recognition.NotUnderstood n -> {
                    step(s, stepName, "not understood");
                    s.caller.play(List.of(ID_NOT_UNDERSTOOD), "");
                }
                case Recognition.Recognised r -> {
                    switch (NationalId.parse(r.digits())) {
                        case NationalId.Parsed.Invalid inv -> {
                            step(s, stepName, "invalid: " + inv.message());
                            s.caller.play(List.of(ID_NOT_VALID), "");
                        }
                        case NationalId.Parsed.Valid v -> {
                            if (confirm(s, stepName, v.id())) {
                                step(s, stepName, "verified " + v.id().masked());
                                return new CallSession.IdCapture(v.id(), true, last, false);
                            }
                        }
                    }
                }
            }
        }
        step(s, stepName, "unverified after " + IvrSettings.ID_ATTEMPTS + " attempts");
        s.caller.play(List.of(ID_UNVERIFIED), "");
        return new CallSession.IdCapture(null, false, last, false);
    }

    /** Reads the digits back: "1 if right, 2 to say it again". */
    private boolean confirm(CallSession s, String stepName, NationalId id) {
        List<String> p = new ArrayList<>(List.of(YOU_SAID));
        p.addAll(PersianSpeech.digits(id.digits()));
        p.add(CONFIRM_MENU);
        return choose(s, stepName + "-confirm", p, "12") == '1';
    }

    /** The keyed fallback (off by default): the spoken recordings stay; the keyed digits are read back too. */
    private CallSession.IdCapture keyId(CallSession s, String stepName, StoredRecording spoken) {
        step(s, stepName, "keyed");
        // One more than the ten digits, so the '#' that ends the entry is taken by GET DATA and not left for the next menu.
        String keyed = s.caller.collect(KEY_NATIONAL_ID, settings.codeTimeout(), 11);
        if (NationalId.parse(keyed) instanceof NationalId.Parsed.Valid v && confirm(s, stepName, v.id())) {
            step(s, stepName, "keyed " + v.id().masked());
            return new CallSession.IdCapture(v.id(), true, spoken, true);
        }
        s.caller.play(List.of(ID_NOT_VALID), "");
        return null;
    }

    private Recognition recognise(StoredRecording rec) {
        NationalIdRecognizer recognizer = deps.recognizer();
        if (recognizer == NationalIdRecognizer.NONE) return recognizer.recognise(rec.file(), settings.recognitionTimeout());
        Duration timeout = settings.recognitionTimeout();
        // The recogniser promises to return in time; the call does not rely on that promise (native code).
        FutureTask<Recognition> task = new FutureTask<>(() -> recognizer.recognise(rec.file(), timeout));
        Thread.ofVirtual().name("recognise-" + rec.callId()).start(task);
        try {
            Recognition r = task.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return r == null ? new Recognition.NotUnderstood("no result") : r;
        } catch (TimeoutException e) {
            task.cancel(true);
            return new Recognition.Unavailable("recogniser timed out");
        } catch (ExecutionException e) {
            log.warn("recogniser failed: {}", e.getCause().toString());
            return new Recognition.Unavailable("recogniser failed");
        } catch (InterruptedException e) {
            task.cancel(true);
            throw new CallFault("interrupted while recognising (the server is stopping)", e);
        }
    }

    // ---------------------------------------------------------------- message

    /** DESIGN §4 step 8: record, keep or record again, register, the tracking code now, read twice. */
    private void message(CallSession s) {
        while (true) {
            step(s, "message", null);
            s.caller.play(List.of(RECORD_MESSAGE), "");
            StoredRecording rec = recorder.record(s, RecordingKind.VOICEMAIL, settings.messageMaxLength(), settings.messageSilence());
            boolean empty = !recorder.heard(rec);
            // Taken: if the server is cut off from here on, the dialplan must not ask for the message again.
            if (!empty) s.caller.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_HANGUP);
            if (empty && s.message == null) {
                step(s, "message", "empty");
                s.caller.play(List.of(MESSAGE_EMPTY), "");
                if (choose(s, "message-empty", List.of(MESSAGE_MENU), "12") == '2') continue;
                // An empty message is still registered when the ID was given: staff can call back.
                break;
            }
            char k = choose(s, "message-review", List.of(MESSAGE_MENU), "12");
            if (k == '2') continue;
            break;
        }
        registerMessage(s);
        if (s.addTo != null) {
            s.caller.play(List.of(MESSAGE_ADDED), "");
            endCall(s, CallOutcome.MESSAGE_LEFT);
            return;
        }
        s.caller.play(List.of(MESSAGE_REGISTERED), "");
        while (true) {
            readCodeTwice(s, YOUR_CODE_IS, s.issued.trackingCode());
            char again = s.caller.play(List.of(HEAR_AGAIN_MENU), "1");
            if (again == Caller.NO_KEY) again = s.caller.waitForKey(settings.digitTimeout());
            step(s, "code-read", again == '1' ? "again" : "done");
            if (again != '1') break;
        }
        endCall(s, CallOutcome.MESSAGE_LEFT);
    }

    /** Registers the kept message once (also from {@link #settle} after a hang-up). */
    private void registerMessage(CallSession s) {
        if (s.messageSettled) return;
        // Settled only once the registry took it: a database that is down now gets another try in settle().
        s.registrationTried = true;
        CallSession.IdCapture subject = s.subject();
        Long messageId = s.message == null ? null : s.message.id();
        if (s.addTo != null) {
            cases.addMessage(s.addTo.id(), messageId, s.callId, null, Actor.IVR);
            s.messageSettled = true;
            callLog.caseLinked(s.callId, s.addTo.id());
            step(s, "message-added", "case " + s.addTo.id());
        } else {
            SubjectPerson person = new SubjectPerson(subject.id(), subject.verified(), s.relation, null);
            Long spokenId = subject.recording() != null ? Long.valueOf(subject.recording().id()) : s.spokenIdRecordingFromChannel;
            s.issued = cases.registerVoicemail(new VoicemailIntake(s.callId, s.callerNumber, person, spokenId, messageId, deps.clock().instant()));
            s.messageSettled = true;
            callLog.caseLinked(s.callId, s.issued.id());
            step(s, "message-registered", "case " + s.issued.id());
        }
        s.outcome = CallOutcome.MESSAGE_LEFT;
    }

    private void readCodeTwice(CallSession s, String intro, TrackingCode code) {
        List<String> p = new ArrayList<>();
        p.add(intro);
        p.addAll(PersianSpeech.digits(code.digits()));
        p.add(CODE_AGAIN);
        p.addAll(PersianSpeech.digits(code.digits()));
        s.caller.play(p, "");
    }

    // ---------------------------------------------------------------- follow-up

    /** DESIGN §4 step 9. */
    private void followUp(CallSession s) {
        CaseSummary found = null;
        for (int attempt = 1; attempt <= IvrSettings.CODE_ATTEMPTS && found == null; attempt++) {
            step(s, "follow-up-code", "attempt " + attempt);
            String keyed = s.caller.collect(ENTER_TRACKING_CODE, settings.codeTimeout(), TrackingCode.LENGTH + 1);
            switch (TrackingCode.parse(keyed)) {
                case TrackingCode.Parsed.Valid v -> {
                    found = cases.findByTrackingCode(v.code()).orElse(null);
                    if (found == null) {
                        step(s, "follow-up-code", "no such code");
                        s.caller.play(List.of(CODE_NOT_FOUND), "");
                    }
                }
                case TrackingCode.Parsed.WrongCheckDigit w -> {
                    step(s, "follow-up-code", "wrong check digit");
                    s.caller.play(List.of(CODE_CHECK_FAILED), "");
                }
                case TrackingCode.Parsed.Malformed m -> {
                    step(s, "follow-up-code", keyed.isEmpty() ? "no input" : "malformed");
                    s.caller.play(List.of(keyed.isEmpty() ? NO_INPUT : CODE_MALFORMED), "");
                }
            }
        }
        if (found == null) {
            endCall(s, CallOutcome.NO_INPUT);
            return;
        }
        callLog.caseLinked(s.callId, found.id());
        step(s, "follow-up-status", found.status().name());
        List<String> p = new ArrayList<>(List.of(CASE_STATUS, status(found.status())));
        if (found.agencyName() != null && !found.agencyName().isBlank()) {
            p.add(REFERRED_TO);
            p.add(catalogue.keyForText(found.agencyName()).filter(k -> k.startsWith("agency-")).orElse(AGENCY_CONCERNED));
        }
        if (found.dueAt() != null && found.status().isOpen() && found.status() != CaseStatus.ANSWERED) {
            p.add(EXPECTED_ANSWER_DATE);
            p.addAll(PersianSpeech.jalaliDate(found.dueAt()));
        }
        if (found.status() != CaseStatus.ANSWERED) {
            s.caller.play(p, "");
            endCall(s, CallOutcome.FOLLOW_UP_HEARD);
            return;
        }
        p.add(ANSWERED_MENU);
        char k = choose(s, "follow-up-answered", p, "12");
        if (k == '2') {
            CaseSummary after = cases.object(found.id(), s.callId, Actor.IVR, "caller not satisfied (IVR follow-up)");
            step(s, "objection", after.status().name());
            s.caller.play(List.of(after.status() == CaseStatus.OBJECTION_1 ? OBJECTION_REGISTERED : OBJECTION_BOARD), "");
            endCall(s, CallOutcome.OBJECTION_REGISTERED);
        } else if (k == '1') {
            if (!deps.officeHours().isOpen(deps.clock().instant())) {
                step(s, "operator-closed", null);
                s.caller.play(List.of(OPERATOR_CLOSED), "");
                endCall(s, CallOutcome.FOLLOW_UP_HEARD);
            } else {
                handOver(s, found);
            }
        } else {
            endCall(s, CallOutcome.FOLLOW_UP_HEARD);
        }
    }

    // ---------------------------------------------------------------- building blocks

    /**
     * A menu: the prompts with the valid keys as escape digits, then a wait; an invalid key or
     * silence repeats it, at most {@link IvrSettings#MENU_ATTEMPTS} times. Returns {@link Caller#NO_KEY} after that.
     */
    char choose(CallSession s, String stepName, List<String> prompts, String valid) {
        for (int attempt = 1; attempt <= IvrSettings.MENU_ATTEMPTS; attempt++) {
            s.lastStep = stepName;
            char k = s.caller.play(prompts, valid);
            if (k == Caller.NO_KEY) k = s.caller.waitForKey(settings.digitTimeout());
            if (k != Caller.NO_KEY && valid.indexOf(k) >= 0) {
                step(s, stepName, "pressed " + k);
                return k;
            }
            step(s, stepName, k == Caller.NO_KEY ? "no input" : "invalid key " + k);
            s.caller.play(List.of(k == Caller.NO_KEY ? NO_INPUT : INVALID_CHOICE), "");
        }
        return Caller.NO_KEY;
    }

    private void step(CallSession s, String step, String detail) {
        s.lastStep = step;
        callLog.step(s.callId, step, detail);
    }

    private void endCall(CallSession s, CallOutcome outcome) {
        if (s.outcome == null || outcome == CallOutcome.MESSAGE_LEFT || outcome == CallOutcome.OBJECTION_REGISTERED) s.outcome = outcome;
        s.caller.play(List.of(GOODBYE), "");
        hangUp(s);
    }

    private void hangUp(CallSession s) {
        s.caller.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_HANGUP);
        s.caller.hangUp();
    }

    private void apologise(CallSession s) {
        try {
            s.caller.play(List.of(TECHNICAL_PROBLEM), "");
            // Nobody is hung up unserved: with no message kept yet, the dialplan's fallback records one.
            if (s.message != null || s.messageSettled) hangUp(s); else s.caller.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_FALLBACK);
        } catch (RuntimeException ignored) { // the call is already failing; settle() keeps what there is
        }
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
                registerMessage(s);
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
