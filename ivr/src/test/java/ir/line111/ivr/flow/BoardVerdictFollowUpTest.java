package ir.line111.ivr.flow;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.persistence.PersistentAgencies;
import ir.line111.core.persistence.PersistentBoard;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.CallerScript;
import ir.line111.ivr.prompts.PersianSpeech;
import ir.line111.ivr.testing.IvrHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up of the issue-16 states, over FastAGI with the fake Asterisk: a case at the complaints board
 * hears its status; a case the board decided hears "the board has decided" and the verdict's Jalali date, and
 * an objection to the verdict is recorded only ("the verdict is final").
 */
class BoardVerdictFollowUpTest {
    @TempDir static Path dir;
    static IvrHarness ivr;
    static final Actor SUP = new Actor("supervisor");

    @BeforeAll
    static void start() throws Exception {
        ivr = new IvrHarness(dir);
    }

    @AfterAll
    static void stop() {
        ivr.close();
    }

    static CaseSummary atTheBoard() {
        long agency = new PersistentAgencies(ivr.db).add("شرکت آب " + UUID.randomUUID()).id();
        CaseSummary c = ivr.cases.register(new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(NationalId.of("0499370899"), true),
                null, "آب قطع است", null, DeadlineClass.SIMPLE, "09120000000", null, SUP));
        ivr.cases.refer(c.id(), agency, null, SUP);
        ivr.cases.answer(c.id(), "تعمیر شد", null, SUP);
        ivr.cases.object(c.id(), null, Actor.IVR, "no");
        ivr.cases.answer(c.id(), "تعمیر شد", null, SUP);
        assertThat(ivr.cases.object(c.id(), null, Actor.IVR, "no").status()).isEqualTo(CaseStatus.COMPLAINTS_BOARD);
        return c;
    }

    static CallTranscript followUp(CaseSummary c, String answeredMenuKey) {
        CallerScript.Builder b = CallerScript.builder().onPrompt("main-menu").press("2")
                .onPrompt("enter-tracking-code").press(c.trackingCode().digits() + "#");
        if (answeredMenuKey != null) b.onPrompt("answered-menu").press(answeredMenuKey);
        return ivr.entry(b.build());
    }

    @Test
    void aCaseAtTheBoardHearsItsStatusAndOnceDecidedTheBoardsDecisionAndDate() {
        CaseSummary c = atTheBoard();
        assertThat(followUp(c, null).promptNames()).contains("case-status", "status-complaints-board");

        PersistentBoard board = new PersistentBoard(ivr.db, ivr.holidays, ZoneId.of("Asia/Tehran"), Clock.fixed(IvrHarness.NOW, ZoneOffset.UTC));
        board.enrolPending();
        long session = board.nextSession().id();
        board.verdict(session, c.id(), "شرکت آب لوله را تعویض کند", 10, SUP);

        assertThat(ivr.cases.boardVerdictAt(c.id())).contains(IvrHarness.NOW);
        CallTranscript t = followUp(c, "2");
        List<String> expected = new ArrayList<>(List.of("board-decided"));
        expected.addAll(PersianSpeech.jalaliDate(IvrHarness.NOW));
        expected.add("referred-to");
        assertThat(t.promptNames()).containsSubsequence(expected.toArray(String[]::new));
        assertThat(t.promptNames()).doesNotContain("case-status").endsWith("answered-menu", "objection-after-board", "goodbye");
        assertThat(ivr.cases.findByTrackingCode(c.trackingCode()).orElseThrow().status()).as("the verdict is final").isEqualTo(CaseStatus.ANSWERED);
        assertThat(ivr.steps(t.environment().get("agi_uniqueid"))).contains("follow-up-board-verdict");
    }
}
