package ir.line111.ivr.prompts;

import ir.line111.core.domain.cases.CaseStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The keys the flows play. {@link PromptCatalogue#load()} refuses to start when any is missing. */
public final class Prompts {
    private Prompts() {}

    public static final String WELCOME = "welcome";
    public static final String MAIN_MENU = "main-menu";
    public static final String INVALID_CHOICE = "invalid-choice";
    public static final String NO_INPUT = "no-input";
    public static final String GOODBYE = "goodbye";
    public static final String TECHNICAL_PROBLEM = "technical-problem";
    public static final String SAY_NATIONAL_ID = "say-national-id";
    public static final String SAY_SUBJECT_NATIONAL_ID = "say-subject-national-id";
    public static final String YOU_SAID = "you-said";
    public static final String CONFIRM_MENU = "confirm-menu";
    public static final String ID_NOT_UNDERSTOOD = "id-not-understood";
    public static final String ID_NOT_VALID = "id-not-valid";
    public static final String ID_NOT_HEARD = "id-not-heard";
    public static final String ID_UNVERIFIED = "id-unverified";
    public static final String KEY_NATIONAL_ID = "key-national-id";
    public static final String WHOSE_MATTER = "whose-matter";
    public static final String RELATION_MENU = "relation-menu";
    public static final String DUPLICATE_FOUND = "duplicate-found";
    public static final String DUPLICATE_MENU = "duplicate-menu";
    public static final String OFFICE_CLOSED = "office-closed";
    public static final String MODE_MENU = "mode-menu";
    public static final String QUEUE_BUSY = "queue-busy";
    public static final String ESTIMATED_WAIT = "estimated-wait";
    public static final String BUSY_MENU = "busy-menu";
    public static final String CONNECTING_OPERATOR = "connecting-operator";
    public static final String RECORD_MESSAGE = "record-message";
    public static final String MESSAGE_MENU = "message-menu";
    public static final String MESSAGE_EMPTY = "message-empty";
    public static final String MESSAGE_REGISTERED = "message-registered";
    public static final String MESSAGE_ADDED = "message-added";
    public static final String YOUR_CODE_IS = "your-code-is";
    public static final String CODE_AGAIN = "code-again";
    public static final String HEAR_AGAIN_MENU = "hear-again-menu";
    public static final String ENTER_TRACKING_CODE = "enter-tracking-code";
    public static final String CODE_CHECK_FAILED = "code-check-failed";
    public static final String CODE_NOT_FOUND = "code-not-found";
    public static final String CODE_MALFORMED = "code-malformed";
    public static final String CASE_STATUS = "case-status";
    public static final String REFERRED_TO = "referred-to";
    public static final String AGENCY_CONCERNED = "agency-concerned";
    public static final String EXPECTED_ANSWER_DATE = "expected-answer-date";
    public static final String ANSWERED_MENU = "answered-menu";
    public static final String OBJECTION_REGISTERED = "objection-registered";
    public static final String OBJECTION_BOARD = "objection-board";
    /** The complaints board has decided the case (issue 16); then the verdict's Jalali date. */
    public static final String BOARD_DECIDED = "board-decided";
    /** An objection after the board's verdict: recorded only, the verdict is final. */
    public static final String OBJECTION_AFTER_BOARD = "objection-after-board";
    public static final String OPERATOR_CLOSED = "operator-closed";
    public static final String AFTER_QUEUE_CODE = "after-queue-code";
    public static final String NO_CASE_REGISTERED = "no-case-registered";
    public static final String QUEUE_UNANSWERED = "queue-unanswered";
    public static final String SATISFACTION_MENU = "satisfaction-menu";
    public static final String THANKS = "thanks";
    public static final String MINUTE = "minute";
    public static final String AND = "and";
    public static final String THOUSAND = "num-1000";

    public static String digit(int d) {
        if (d < 0 || d > 9) throw new IllegalArgumentException("not a digit: " + d);
        return "digit-" + d;
    }

    /** 0–19, the tens 20–90 and the hundreds 100–900 have prompts of their own. */
    public static String number(int n) {
        boolean own = (n >= 0 && n <= 19) || (n >= 20 && n <= 90 && n % 10 == 0) || (n >= 100 && n <= 900 && n % 100 == 0) || n == 1000;
        if (!own) throw new IllegalArgumentException("no single prompt for " + n);
        return "num-" + n;
    }

    public static String month(int jalaliMonth) {
        if (jalaliMonth < 1 || jalaliMonth > 12) throw new IllegalArgumentException("not a month: " + jalaliMonth);
        return "month-" + jalaliMonth;
    }

    public static String status(CaseStatus s) {
        return "status-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every key above, for the start-up check. */
    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(List.of(WELCOME, MAIN_MENU, INVALID_CHOICE, NO_INPUT, GOODBYE, TECHNICAL_PROBLEM,
                SAY_NATIONAL_ID, SAY_SUBJECT_NATIONAL_ID, YOU_SAID, CONFIRM_MENU, ID_NOT_UNDERSTOOD, ID_NOT_VALID, ID_NOT_HEARD,
                ID_UNVERIFIED, KEY_NATIONAL_ID, WHOSE_MATTER, RELATION_MENU, DUPLICATE_FOUND, DUPLICATE_MENU, OFFICE_CLOSED,
                MODE_MENU, QUEUE_BUSY, ESTIMATED_WAIT, BUSY_MENU, CONNECTING_OPERATOR, RECORD_MESSAGE, MESSAGE_MENU,
                MESSAGE_EMPTY, MESSAGE_REGISTERED, MESSAGE_ADDED, YOUR_CODE_IS, CODE_AGAIN, HEAR_AGAIN_MENU,
                ENTER_TRACKING_CODE, CODE_CHECK_FAILED, CODE_NOT_FOUND, CODE_MALFORMED, CASE_STATUS, REFERRED_TO,
                AGENCY_CONCERNED, EXPECTED_ANSWER_DATE, ANSWERED_MENU, OBJECTION_REGISTERED, OBJECTION_BOARD, BOARD_DECIDED, OBJECTION_AFTER_BOARD,
                OPERATOR_CLOSED, AFTER_QUEUE_CODE, NO_CASE_REGISTERED, QUEUE_UNANSWERED, SATISFACTION_MENU, THANKS, MINUTE, AND, THOUSAND));
        for (int d = 0; d <= 9; d++) all.add(digit(d));
        for (int n = 0; n <= 19; n++) all.add(number(n));
        for (int n = 20; n <= 90; n += 10) all.add(number(n));
        for (int n = 100; n <= 900; n += 100) all.add(number(n));
        for (int m = 1; m <= 12; m++) all.add(month(m));
        for (CaseStatus s : CaseStatus.values()) all.add(status(s));
        ALL = List.copyOf(all);
    }
}
