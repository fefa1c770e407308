package ir.line111.console.browser;

import io.vertx.core.json.JsonObject;
import ir.line111.console.security.Role;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persian everywhere a person reads (issue 15), in real headless Chromium against the real server with
 * seeded data: every page as each role carries no English name of a domain enum in its rendered text;
 * the console's own Vazirmatn is loaded; a tracking code inside a Persian sentence keeps its visual order.
 * Screenshots go to target/test-artifacts/screenshots (persian-*.png).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersianBrowserTest {

    /** The enum names that must never reach a person: they are codes for machines. */
    static final Set<String> ENUM_NAMES = new LinkedHashSet<>();
    static {
        Stream.of(CaseStatus.values(), CaseKind.values(), Channel.values(), CaseEventType.values(), Role.values(),
                DeadlineClass.values(), CallOutcome.values(), ir.line111.console.store.AuditLog.Action.values())
                .flatMap(Stream::of).forEach(e -> ENUM_NAMES.add(((Enum<?>) e).name()));
        ENUM_NAMES.addAll(List.of("UNSPECIFIED", "UNKNOWN", "SECOND_OBJECTION", "SILENCE", "WRONG_NUMBER"));
    }
    static final Pattern ENGLISH_ENUM = Pattern.compile("(?<![A-Za-z_])(" + String.join("|", ENUM_NAMES) + ")(?![A-Za-z_])");

    private ConsoleFixture fixture;
    private Browser browser;
    private final List<Long> caseIds = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Browser.assumeInstalled();
        fixture = ConsoleFixture.h2();
        seed();
        browser = Browser.start(fixture.base());
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (fixture != null) fixture.close();
    }

    /** A case through referral, answer, two objections and the board; a duplicate; messages; a legacy English row; audit entries. */
    private void seed() throws Exception {
        Actor sup = new Actor("supervisor");
        NationalId who = TestNationalIds.random();
        CaseSummary live = fixture.liveCase(who);
        fixture.cases.refer(live.id(), fixture.agencyId, "فوری", sup);
        fixture.cases.answer(live.id(), "لوله تعمیر شد", null, sup);
        fixture.cases.registerObjection(live.id(), "هنوز آب نیست", null, new Actor("operator"));
        fixture.cases.refer(live.id(), fixture.agencyId, null, sup);
        fixture.cases.answer(live.id(), "دوباره تعمیر شد", null, sup);
        fixture.cases.registerObjection(live.id(), null, null, new Actor("operator"));
        CaseSummary duplicate = fixture.liveCase(who);
        CaseSummary waiting = fixture.voicemail(); // no kind yet: «نامشخص» in the reports
        CaseSummary silent = fixture.voicemail();
        fixture.cases.notAMatter(silent.id(), "SILENCE", null, new Actor("transcriber"));
        caseIds.addAll(List.of(live.id(), duplicate.id(), waiting.id(), silent.id()));
        // rows of an older version: free English text, no params
        try (var c = fixture.db.dataSource().getConnection();
             var st = c.prepareStatement("insert into case_event (id, case_id, occurred_at, actor, event_type, detail) values (?, ?, ?, ?, ?, ?)")) {
            String[][] legacy = {{"REGISTERED", "REQUEST via PHONE_LIVE, SIMPLE, agency شهرداری"}, {"REFERRED", "referred to شهرداری: urgent"},
                    {"OBJECTION", "objection 1: still dry"}, {"VOICEMAIL_REGISTERED", "message left by 09131234567"},
                    {"CLOSED", "not a matter: WRONG_NUMBER"}, {"SENT_TO_BOARD", "second objection: the matter goes to the complaints board"}};
            long id = 9_000_000;
            for (String[] l : legacy) {
                st.setLong(1, id++); st.setLong(2, duplicate.id()); st.setTimestamp(3, Timestamp.from(Instant.now()));
                st.setString(4, "ivr"); st.setString(5, l[0]); st.setString(6, l[1]);
                st.executeUpdate();
            }
        }
        try (var c = fixture.db.dataSource().getConnection();
             var st = c.prepareStatement("insert into call_record (id, call_id, caller_number, started_at, outcome) values (?, ?, ?, ?, ?)")) {
            long id = 8_000_000;
            for (CallOutcome o : List.of(CallOutcome.IN_PROGRESS, CallOutcome.MESSAGE_LEFT, CallOutcome.ANSWERED_BY_OPERATOR)) {
                st.setLong(1, id++); st.setString(2, "call-" + id); st.setString(3, "0912"); st.setObject(4, java.time.OffsetDateTime.now());
                st.setString(5, o.name());
                st.executeUpdate();
            }
        }
        var admin = fixture.signedIn("admin");
        assertThat(admin.post("/api/admin/agencies", new JsonObject().put("name", "اداره برق")).status()).isEqualTo(201);
        fixture.browser().signIn("supervisor", "not the password");
        fixture.signedIn("supervisor").get("/api/cases/" + live.id());
    }

    @Test
    @Order(1)
    void noEnglishEnumNameReachesAnyPageOfAnyRole() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        Map<String, List<String>> pages = new LinkedHashMap<>();
        List<String> cases = caseIds.stream().map(id -> "case/" + id).toList();
        pages.put("operator", concat(List.of("desk", "cases", "due"), cases));
        pages.put("transcriber", concat(List.of("workbench", "cases"), caseIds.subList(2, 4).stream().map(id -> "case/" + id).toList()));
        pages.put("supervisor", concat(List.of("cases", "due", "queue"), cases, reports()));
        pages.put("admin", concat(List.of("admin/users", "admin/agencies", "admin/hours", "admin/holidays", "admin/settings", "admin/audit"), reports()));
        for (var e : pages.entrySet()) {
            browser.signInAs(e.getKey());
            // live data on the desk and the queue page, as the AMI adapter publishes it
            fixture.vertx.eventBus().publish(ir.line111.core.domain.events.EventAddresses.QUEUE_STATE, ir.line111.console.support.Events.state(
                    List.of(ir.line111.console.support.Events.caller("c1", "09350000001", 1, 35, null)),
                    List.of(ir.line111.console.support.Events.member("PJSIP/op1", null, ir.line111.core.domain.events.OperatorState.READY, false, null, 3),
                            ir.line111.console.support.Events.member("PJSIP/op2", null, ir.line111.core.domain.events.OperatorState.PAUSED, true, null, 0)),
                    40, 0.8, null));
            for (String page : e.getValue()) {
                browser.go(page);
                browser.ready(page.split("/")[0]);
                if (page.startsWith("case/") && !browser.driver().findElements(By.cssSelector("#case-audit summary")).isEmpty()) {
                    browser.driver().findElement(By.cssSelector("#case-audit summary")).click();
                    browser.until(d -> !browser.driver().findElements(By.cssSelector("#case-audit table, #case-audit p")).isEmpty());
                }
                if (page.startsWith("reports/")) {
                    browser.until(d -> !browser.text("#report-table").isBlank());
                }
                String text = (String) browser.js("return document.body.innerText");
                Matcher m = ENGLISH_ENUM.matcher(text);
                while (m.find()) found.computeIfAbsent(e.getKey() + " " + page, k -> new ArrayList<>()).add(m.group());
                browser.screenshot("persian-" + e.getKey() + "-" + page.replace('/', '-'));
            }
        }
        assertThat(found).as("English enum names in the rendered text").isEmpty();
        // the scan sees what it must: an enum name put on the page is found in innerText, one in an attribute is not
        browser.js("const b = document.createElement('b'); b.id = 'probe'; b.title = 'REFERRED'; b.textContent = 'وضعیت IN_PROGRESS'; document.body.append(b)");
        Matcher probe = ENGLISH_ENUM.matcher((String) browser.js("return document.body.innerText"));
        assertThat(probe.find() ? probe.group() : null).isEqualTo("IN_PROGRESS");
        browser.js("document.getElementById('probe').remove()");
    }

    @Test
    @Order(2)
    void theTimelineAndTheAuditLogReadInPersian() {
        browser.signInAs("supervisor");
        browser.go("case/" + caseIds.get(1));
        browser.ready("case");
        String timeline = browser.text("#timeline");
        assertThat(timeline).contains("درخواست از راه تلفن — گفت‌وگو با کارشناس، مهلت ساده — ۱۰ روز، دستگاه شهرداری")
                .contains("ارجاع به شهرداری: urgent").contains("اعتراض اول: still dry").contains("پیام صوتی از شمارهٔ")
                .contains("کنار گذاشته شد، دلیل: شمارهٔ اشتباه").contains("احتمالاً تکرار پرونده باز");
        browser.screenshot("persian-timeline");
        browser.go("case/" + caseIds.get(0));
        browser.ready("case");
        assertThat(browser.text("#timeline")).contains("اعتراض اول: هنوز آب نیست").contains("اعتراض دوم")
                .contains("اعتراض دوم: پرونده به هیأت رسیدگی به شکایات رفت").contains("پرونده \u2066");
        browser.js("document.querySelector('#timeline li:last-child').scrollIntoView()");
        browser.screenshot("persian-timeline-end");
        browser.signInAs("admin");
        browser.go("admin/audit");
        browser.ready("admin");
        String audit = browser.text("#audit-table");
        assertThat(audit).contains("تغییر مدیریتی").contains("افزودن دستگاه شمارهٔ").contains("ورود ناموفق").contains("دیدن پرونده");
        browser.screenshot("persian-audit");
    }

    @Test
    @Order(3)
    void theConsoleUsesItsOwnVazirmatn() {
        browser.signInAs("supervisor");
        browser.go("cases");
        browser.ready("cases");
        Object loaded = browser.js("return document.fonts.load('16px Vazirmatn').then(() => [document.fonts.check('16px Vazirmatn'),"
                + " [...document.fonts].some(f => f.family.replace(/[\"']/g, '') === 'Vazirmatn' && f.status === 'loaded')])");
        assertThat(loaded).as("document.fonts.check and a loaded Vazirmatn face").isEqualTo(List.of(true, true));
        assertThat((String) browser.js("return getComputedStyle(document.body).fontFamily")).startsWith("Vazirmatn");
        browser.screenshot("persian-font");
    }

    /**
     * The success sentence after a transcriber registers a message: its code reads ۰۸۶-۵۷۴-۶۵۷ left to right as in the
     * big code below it. Measured on screen: the digit groups' rectangles must go left to right, in the order they are
     * written; the same sentence without the isolation (the old bug) is checked to come out reversed, so the
     * measurement itself is proved to see the difference.
     */
    @Test
    @Order(4)
    void aTrackingCodeInsideAPersianSentenceKeepsItsOrder() {
        CaseSummary vm = fixture.voicemail();
        browser.signInAs("transcriber");
        browser.go("workbench");
        browser.ready("workbench");
        browser.clickable(By.id("claim-next")).click();
        browser.visible(By.id("vm-code"));
        browser.until(d -> vm.trackingCode().digits().equals(browser.attr("#vm-code", "data-code"))
                || browser.attr("#vm-code", "data-code") != null);
        String code = browser.attr("#vm-code", "data-code");
        browser.driver().findElement(By.id("vm-nid-ok")).click();
        new Select(browser.driver().findElement(By.name("kind"))).selectByValue("REQUEST");
        browser.driver().findElement(By.name("summary")).sendKeys("روشنایی خیابان");
        browser.clickable(By.id("register-vm")).click();
        WebElement done = browser.visible(By.cssSelector("#vm-done .notice"));
        assertThat(done.getText()).startsWith("پرونده با کد رهگیری");
        browser.screenshot("persian-workbench-success");

        List<Double> isolated = groupXs("#vm-done .notice", code);
        assertThat(isolated).as("x of the three digit groups, in written order").isSortedAccordingTo(Double::compare);
        List<Double> big = groupXs("#vm-done-code", code);
        assertThat(big).isSortedAccordingTo(Double::compare);

        browser.js("const p = document.createElement('p'); p.id = 'unisolated'; p.textContent = 'پرونده با کد رهگیری ' + arguments[0] + ' ثبت شد.';"
                + "document.querySelector('#vm-done').append(p);", persianGrouped(code));
        List<Double> bare = groupXs("#unisolated", code);
        assertThat(bare.get(0)).as("without isolation the first group lands right of the last").isGreaterThan(bare.get(2));
    }

    /** The left x of each three-digit group of {@code code} as rendered inside the element, in written order. */
    @SuppressWarnings("unchecked")
    private List<Double> groupXs(String css, String code) {
        String grouped = persianGrouped(code);
        List<String> groups = List.of(grouped.substring(0, 3), grouped.substring(4, 7), grouped.substring(8, 11));
        Object xs = browser.js("""
                const el = document.querySelector(arguments[0]);
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                const out = [];
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  let from = 0;
                  for (const g of arguments[1]) {
                    const i = n.data.indexOf(g, from);
                    if (i < 0) break;
                    const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + g.length);
                    out.push(r.getBoundingClientRect().left);
                    from = i + g.length;
                  }
                  if (out.length === 3) return out;
                  out.length = 0;
                }
                return out;""", css, groups);
        List<Double> list = ((List<Number>) xs).stream().map(Number::doubleValue).toList();
        assertThat(list).as("found the three groups of " + grouped + " in " + css).hasSize(3);
        return list;
    }


    private static List<String> reports() {
        return Stream.of("calls-by-hour", "calls-by-day", "call-outcomes", "wait-and-talk", "cases-by-kind", "cases-by-agency",
                "cases-by-channel", "cases-by-status", "deadlines-by-agency", "operator-activity").map(r -> "reports/" + r).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    static String persianGrouped(String digits) {
        StringBuilder b = new StringBuilder();
        String g = digits.replaceAll("(\\d{3})(?=\\d)", "$1-");
        for (char c : g.toCharArray()) b.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        return b.toString();
    }
}
