package ir.line111.ivr.flow;

import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore.StoredRecording;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;
import ir.line111.ivr.prompts.PersianSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static ir.line111.ivr.prompts.Prompts.*;

/** The national ID, spoken (recorded, recognised, read back) or, when enabled, keyed. */
final class NationalIdSteps {
    private static final Logger log = LoggerFactory.getLogger(CallFlows.class);

    private final IvrSettings settings;
    private final Supplier<NationalIdRecognizer> recognizer;
    private final CallRecorder recorder;
    private final CallSteps steps;

    NationalIdSteps(IvrSettings settings, Supplier<NationalIdRecognizer> recognizer, CallRecorder recorder, CallSteps steps) {
        this.settings = settings;
        this.recognizer = recognizer;
        this.recorder = recorder;
        this.steps = steps;
    }

    CallSession.IdCapture capture(CallSession s, String stepName, String sayPrompt) {
        StoredRecording last = null;
        for (int attempt = 1; attempt <= IvrSettings.ID_ATTEMPTS; attempt++) {
            if (settings.keyedIdFallback() && attempt > 2) {
                CallSession.IdCapture keyed = keyId(s, stepName, last);
                if (keyed != null) return keyed;
                break;
            }
            steps.step(s, stepName, "attempt " + attempt);
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
                steps.step(s, stepName, "nothing heard");
                s.caller.play(List.of(ID_NOT_HEARD), "");
                continue;
            }
            Recognition rec = recognise(s, last);
            switch (rec) {
                case Recognition.Unavailable u -> {
                    steps.step(s, stepName, "unverified: " + u.reason());
                    s.caller.play(List.of(ID_UNVERIFIED), "");
                    return new CallSession.IdCapture(null, false, last, false);
                }
                case Recognition.NotUnderstood n -> {
                    steps.step(s, stepName, "not understood");
                    s.caller.play(List.of(ID_NOT_UNDERSTOOD), "");
                }
                case Recognition.Recognised r -> {
                    switch (NationalId.parse(r.digits())) {
                        case NationalId.Parsed.Invalid inv -> {
                            steps.step(s, stepName, "invalid: " + inv.message());
                            s.caller.play(List.of(ID_NOT_VALID), "");
                        }
                        case NationalId.Parsed.Valid v -> {
                            if (confirm(s, stepName, v.id())) {
                                steps.step(s, stepName, "verified " + v.id().masked());
                                return new CallSession.IdCapture(v.id(), true, last, false);
                            }
                        }
                    }
                }
            }
        }
        steps.step(s, stepName, "unverified after " + IvrSettings.ID_ATTEMPTS + " attempts");
        s.caller.play(List.of(ID_UNVERIFIED), "");
        return new CallSession.IdCapture(null, false, last, false);
    }

    /** Reads the digits back: "1 if right, 2 to say it again". */
    private boolean confirm(CallSession s, String stepName, NationalId id) {
        List<String> p = new ArrayList<>(List.of(YOU_SAID));
        p.addAll(PersianSpeech.digits(id.digits()));
        p.add(CONFIRM_MENU);
        return steps.choose(s, stepName + "-confirm", p, "12") == '1';
    }

    /** The keyed fallback (off by default): the spoken recordings stay; the keyed digits are read back too. */
    private CallSession.IdCapture keyId(CallSession s, String stepName, StoredRecording spoken) {
        steps.step(s, stepName, "keyed");
        // One more than the ten digits, so the '#' that ends the entry is taken by GET DATA and not left for the next menu.
        String keyed = s.caller.collect(KEY_NATIONAL_ID, settings.codeTimeout(), 11);
        if (NationalId.parse(keyed) instanceof NationalId.Parsed.Valid v && confirm(s, stepName, v.id())) {
            steps.step(s, stepName, "keyed " + v.id().masked());
            return new CallSession.IdCapture(v.id(), true, spoken, true);
        }
        s.caller.play(List.of(ID_NOT_VALID), "");
        return null;
    }

    /**
     * One timeout, the recogniser's own: its contract is to answer within it whatever its worker does
     * (the native decoder runs in another process), so the call does not wrap it in a second one.
     */
    private Recognition recognise(CallSession s, StoredRecording rec) {
        Recognition r;
        try {
            r = recognizer.get().recognise(rec.file(), settings.recognitionTimeout());
        } catch (RuntimeException e) {
            log.warn("recogniser failed: {}", e.toString());
            return new Recognition.Unavailable("recogniser failed");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CallFault("interrupted while recognising (the server is stopping)", new InterruptedException());
        }
        return r == null ? new Recognition.NotUnderstood("no result") : r;
    }
}
