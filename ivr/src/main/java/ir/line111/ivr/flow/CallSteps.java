package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.prompts.PersianSpeech;

import java.util.ArrayList;
import java.util.List;

import static ir.line111.ivr.prompts.Prompts.*;

/** The building blocks every flow uses: a menu, a logged step, the end of a call, a code read twice. */
final class CallSteps {
    private final IvrSettings settings;
    private final CallLog callLog;

    CallSteps(IvrSettings settings, CallLog callLog) {
        this.settings = settings;
        this.callLog = callLog;
    }

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

    void step(CallSession s, String step, String detail) {
        s.lastStep = step;
        callLog.step(s.callId, step, detail);
    }

    void endCall(CallSession s, CallOutcome outcome) {
        if (s.outcome == null || outcome == CallOutcome.MESSAGE_LEFT || outcome == CallOutcome.OBJECTION_REGISTERED) s.outcome = outcome;
        s.caller.play(List.of(GOODBYE), "");
        hangUp(s);
    }

    void hangUp(CallSession s) {
        s.caller.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_HANGUP);
        s.caller.hangUp();
    }

    void apologise(CallSession s) {
        try {
            s.caller.play(List.of(TECHNICAL_PROBLEM), "");
            // Nobody is hung up unserved: with no message kept yet, the dialplan's fallback records one.
            if (s.message != null || s.messageSettled) hangUp(s); else s.caller.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_FALLBACK);
        } catch (RuntimeException ignored) { // the call is already failing; settle() keeps what there is
        }
    }

    void readCodeTwice(CallSession s, String intro, TrackingCode code) {
        List<String> p = new ArrayList<>();
        p.add(intro);
        p.addAll(PersianSpeech.digits(code.digits()));
        p.add(CODE_AGAIN);
        p.addAll(PersianSpeech.digits(code.digits()));
        s.caller.play(p, "");
    }
}
