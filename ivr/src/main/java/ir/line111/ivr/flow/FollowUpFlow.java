package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.ivr.prompts.PersianSpeech;
import ir.line111.ivr.prompts.PromptCatalogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static ir.line111.ivr.prompts.Prompts.*;

/** DESIGN §4 step 9: the tracking code, the status, the agency and expected date, an objection or an operator. */
final class FollowUpFlow {
    private final IvrSettings settings;
    private final CaseRegistry cases;
    private final CallLog callLog;
    private final OfficeHoursCheck officeHours;
    private final Clock clock;
    private final PromptCatalogue catalogue;
    private final CallSteps steps;
    /** To the queue, with the case on the operator's screen. */
    private final BiConsumer<CallSession, CaseSummary> handOver;

    FollowUpFlow(IvrSettings settings, CaseRegistry cases, CallLog callLog, OfficeHoursCheck officeHours, Clock clock,
                 PromptCatalogue catalogue, CallSteps steps, BiConsumer<CallSession, CaseSummary> handOver) {
        this.settings = settings;
        this.cases = cases;
        this.callLog = callLog;
        this.officeHours = officeHours;
        this.clock = clock;
        this.catalogue = catalogue;
        this.steps = steps;
        this.handOver = handOver;
    }

    void run(CallSession s) {
        CaseSummary found = findByCode(s);
        if (found == null) {
            steps.endCall(s, CallOutcome.NO_INPUT);
            return;
        }
        callLog.caseLinked(s.callId, found.id());
        steps.step(s, "follow-up-status", found.status().name());
        // A case the complaints board decided: "the board has decided" and the date, instead of the bare status (issue 16).
        java.util.Optional<java.time.Instant> verdict = found.status() == CaseStatus.ANSWERED ? cases.boardVerdictAt(found.id()) : java.util.Optional.empty();
        List<String> p = new ArrayList<>();
        if (verdict.isPresent()) {
            steps.step(s, "follow-up-board-verdict", null);
            p.add(BOARD_DECIDED);
            p.addAll(PersianSpeech.jalaliDate(verdict.get()));
        } else {
            p.addAll(List.of(CASE_STATUS, status(found.status())));
        }
        if (found.agencyName() != null && !found.agencyName().isBlank()) {
            p.add(REFERRED_TO);
            p.add(agencyPrompt(found));
        }
        CaseRules.expectedAnswerDate(found).ifPresent(date -> {
            p.add(EXPECTED_ANSWER_DATE);
            p.addAll(PersianSpeech.jalaliDate(date));
        });
        if (!CaseRules.mayObject(found.status())) {
            s.caller.play(p, "");
            steps.endCall(s, CallOutcome.FOLLOW_UP_HEARD);
            return;
        }
        p.add(ANSWERED_MENU);
        char k = steps.choose(s, "follow-up-answered", p, "12");
        if (k == '2') {
            CaseSummary after = cases.object(found.id(), s.callId, Actor.IVR, "caller not satisfied (IVR follow-up)");
            steps.step(s, "objection", after.status().name());
            String said = switch (after.status()) {
                case OBJECTION_1 -> OBJECTION_REGISTERED;
                case ANSWERED -> OBJECTION_AFTER_BOARD; // after the board's verdict: recorded only
                default -> OBJECTION_BOARD;
            };
            s.caller.play(List.of(said), "");
            steps.endCall(s, CallOutcome.OBJECTION_REGISTERED);
        } else if (k == '1') {
            if (!officeHours.isOpen(clock.instant())) {
                steps.step(s, "operator-closed", null);
                s.caller.play(List.of(OPERATOR_CLOSED), "");
                steps.endCall(s, CallOutcome.FOLLOW_UP_HEARD);
            } else {
                handOver.accept(s, found);
            }
        } else {
            steps.endCall(s, CallOutcome.FOLLOW_UP_HEARD);
        }
    }

    /** The agency's own prompt, kept with the agency (a rename keeps it); one the catalogue lacks is not played. */
    private String agencyPrompt(CaseSummary c) {
        String key = c.agencyPromptKey();
        return key != null && key.startsWith("agency-") && catalogue.contains(key) ? key : AGENCY_CONCERNED;
    }

    private CaseSummary findByCode(CallSession s) {
        for (int attempt = 1; attempt <= IvrSettings.CODE_ATTEMPTS; attempt++) {
            steps.step(s, "follow-up-code", "attempt " + attempt);
            String keyed = s.caller.collect(ENTER_TRACKING_CODE, settings.codeTimeout(), TrackingCode.LENGTH + 1);
            switch (TrackingCode.parse(keyed)) {
                case TrackingCode.Parsed.Valid v -> {
                    CaseSummary found = cases.findByTrackingCode(v.code()).orElse(null);
                    if (found != null) return found;
                    steps.step(s, "follow-up-code", "no such code");
                    s.caller.play(List.of(CODE_NOT_FOUND), "");
                }
                case TrackingCode.Parsed.WrongCheckDigit w -> {
                    steps.step(s, "follow-up-code", "wrong check digit");
                    s.caller.play(List.of(CODE_CHECK_FAILED), "");
                }
                case TrackingCode.Parsed.Malformed m -> {
                    steps.step(s, "follow-up-code", keyed.isEmpty() ? "no input" : "malformed");
                    s.caller.play(List.of(keyed.isEmpty() ? NO_INPUT : CODE_MALFORMED), "");
                }
            }
        }
        return null;
    }
}
