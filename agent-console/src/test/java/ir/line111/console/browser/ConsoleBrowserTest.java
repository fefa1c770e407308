package ir.line111.console.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.console.support.Events;
import ir.line111.core.domain.events.EarlierCase;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.events.OperatorState;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in real headless Chromium against the real server (ConsoleServer on an ephemeral port,
 * H2 database migrated by Flyway, users of every role): sign-in, a screen-pop arriving on the live desk
 * and the case registered from it, the voicemail workbench playing, seeking from a word and registering,
 * a follow-up search, the reports with their chart. Screenshots of every page go to
 * target/test-artifacts/screenshots for people to look at.
 *
 * <p>One server and one browser for the class keep the suite short; the steps run in order and
 * share what earlier ones produced (the tracking code).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String CALLER = "09121234567";
    private static final String CHART_JS = "/webjars/chart.js/";

    private ConsoleFixture fixture;
    private Browser browser;
    private String deskTrackingCode;

    @BeforeAll
    void start() throws IOException {
        Browser.assumeInstalled(); // before paying for a server there is no browser to drive
        fixture = ConsoleFixture.h2();
        browser = Browser.start(fixture.base());
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (fixture != null) fixture.close();
    }

    @Test
    @Order(1)
    void signInRefusesAWrongPasswordThenOpensTheOperatorsDesk() {
        browser.open("");
        browser.visible(By.id("username"));
        assertThat(browser.js("return document.documentElement.dir + '/' + document.documentElement.lang")).isEqualTo("rtl/fa");

        signIn("operator", "not the password");
        WebElement error = browser.visible(By.id("signin-error"));
        assertThat(error.getText()).contains("نام کاربری یا گذرواژه درست نیست");
        browser.screenshot("01-sign-in");

        signIn("operator", ConsoleFixture.PASSWORD);
        browser.ready("desk");
        assertThat(browser.driver().findElement(By.id("nav")).getText()).contains("میز پاسخگویی").doesNotContain("مدیریت");
        assertFitsTheScreen();
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void jalaliDatesAreReadAndWrittenInTehranTime() {
        Object out = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/js/fmt.js').then(f => done([f.jalaliToIso('1405/01/01'), f.jalaliToIso('۱۴۰۳/۱۲/۳۰'),"
                        + " f.jalaliToIso('1404/12/30'), f.isoToJalali('2026-11-22'), f.jDateTime('2026-11-22T20:41:00Z'),"
                        + " f.trackingCode('123456789')]));");
        assertThat((List<Object>) out).containsExactly("2026-03-21", "2025-03-20", null, "۱۴۰۵/۰۹/۰۱",
                "۱۴۰۵/۰۹/۰۲، ۰۰:۱۱", "۱۲۳-۴۵۶-۷۸۹"); // 1404 has no 30 Esfand; 20:41 UTC is past midnight in Tehran
    }

    @Test
    @Order(3)
    void aScreenPopArrivesOnTheDeskAndTheCaseIsRegisteredWithItsTrackingCode() throws IOException {
        NationalId caller = TestNationalIds.random();
        CaseSummary earlier = fixture.liveCase(caller);
        long spokenId = fixture.recordings.add(RecordingKind.SPOKEN_ID, wavInStore("spoken-id"), null);
        ensureOn("operator", "desk");
        browser.until(d -> "hello".equals(browser.attr("body", "data-live")));

        // As the AMI adapter sends it: the subject's earlier cases looked up once, with the pop.
        fixture.vertx.eventBus().publish(EventAddresses.SCREEN_POP, Events.pop("1763840000.42", "PJSIP/op1", null, CALLER,
                caller, true, spokenId, List.of(EarlierCase.of(earlier, java.time.Instant.now()))));

        assertThat(browser.visible(By.id("pop-number")).getText()).isEqualTo(persian(CALLER));
        assertThat(browser.driver().findElement(By.id("pop-nid")).getText()).isEqualTo(persian(caller.digits()));
        assertThat(browser.driver().findElement(By.id("nid-badge")).getText()).isEqualTo("تأییدشده توسط تماس‌گیرنده");
        assertThat(browser.driver().findElements(By.cssSelector("#screen-pop .player"))).as("spoken-ID player").hasSize(1);
        WebElement history = browser.visible(By.id("pop-earlier"));
        assertThat(history.getText()).contains(persianCode(earlier.trackingCode())).contains("ثبت شده");

        // The same person has an open case: the duplicate shows before anything is saved.
        WebElement duplicate = browser.visible(By.id("duplicate"));
        assertThat(browser.driver().findElement(By.id("dup-code")).getText()).isEqualTo(persianCode(earlier.trackingCode()));
        new Select(browser.driver().findElement(By.name("kind"))).selectByValue("REQUEST");
        new Select(browser.driver().findElement(By.name("agencyId"))).selectByValue(String.valueOf(fixture.agencyId));
        browser.driver().findElement(By.name("summary")).sendKeys("درخواست لوله‌کشی تازه برای کوچه");
        browser.driver().findElement(By.name("description")).sendKeys("لوله‌های کوچه فرسوده است و هر هفته می‌ترکد.");
        assertThat(duplicate.isDisplayed()).isTrue();
        browser.js("arguments[0].scrollIntoView({block: 'end'})", duplicate);
        browser.screenshot("02-desk-screen-pop");
        assertFitsTheScreen();

        browser.clickable(By.id("save-anyway")).click();
        WebElement code = browser.visible(By.id("tracking-code"));
        deskTrackingCode = code.getDomAttribute("data-code");
        assertThat(deskTrackingCode).matches("\\d{9}");
        assertThat(code.getText()).isEqualTo(persianCode(deskTrackingCode));
        browser.screenshot("03-desk-tracking-code");

        CaseSummary saved = fixture.cases.findByTrackingCode(TrackingCode.of(deskTrackingCode)).orElseThrow();
        assertThat(saved.subject().nationalId()).isEqualTo(caller);
        assertThat(saved.channel()).isEqualTo(Channel.PHONE_LIVE);
        assertThat(saved.agencyName()).isEqualTo("شرکت آب و فاضلاب");
        assertThat(fixture.cases.findRegisteredInCall("1763840000.42")).map(CaseSummary::id).contains(saved.id());

        // The operator hangs up: wrap-up time runs. A caller gives up in the queue: a call-back appears.
        fixture.vertx.eventBus().publish(EventAddresses.CALL_WRAP_UP, Events.wrapUp("1763840000.42", "PJSIP/op1", 95));
        browser.until(d -> browser.text("#wrapup").contains("زمان جمع‌بندی"));
        fixture.vertx.eventBus().publish(EventAddresses.QUEUE_ABANDONED, Events.abandoned("1763840077.7", "09130000009", 70));
        browser.until(d -> browser.text("#abandoned").contains(persian("09130000009")));
        WebElement callBack = browser.clickable(By.xpath("//section[@id='abandoned']//tr[contains(., '"
                + persian("09130000009") + "')]//button"));
        browser.screenshot("03b-desk-wrap-up-and-call-back");
        callBack.click();
        browser.until(d -> !browser.text("#abandoned").contains(persian("09130000009")));

        // The same caller again, about the same matter: one click adds it to the open case instead.
        fixture.vertx.eventBus().publish(EventAddresses.SCREEN_POP, Events.pop("1763840999.5", "PJSIP/op1", null, CALLER,
                caller, true, null, List.of()));
        browser.until(d -> browser.driver().findElement(By.id("duplicate")).isDisplayed());
        String existing = browser.text("#dup-code");
        browser.driver().findElement(By.name("summary")).sendKeys("هنوز لوله‌کشی نشده است");
        browser.clickable(By.id("add-to-existing")).click();
        assertThat(browser.visible(By.id("saved")).getText()).contains("پیام به پرونده موجود افزوده شد");
        assertThat(browser.text("#tracking-code")).isEqualTo(existing);
    }

    @Test
    @Order(4)
    void theWorkbenchPlaysAMessageSeeksFromAWordAndRegistersItUnderTheCodeTheCallerHeard() {
        CaseSummary voicemail = fixture.voicemail();
        ensureOn("transcriber", "workbench");
        browser.clickable(By.id("claim-next")).click();
        WebElement code = browser.visible(By.id("vm-code"));
        assertThat(code.getDomAttribute("data-code")).isEqualTo(voicemail.trackingCode().digits());
        browser.until(d -> browser.driver().findElements(By.cssSelector("#transcript .w")).size() == 4);

        browser.driver().findElement(By.cssSelector("#vm-head .player .play")).click();
        browser.until(d -> ((Number) browser.js("return document.querySelector('#vm-head audio').currentTime")).doubleValue() > 0.05);

        browser.driver().findElement(By.cssSelector("#transcript .w[data-i='2']")).click(); // «قطع», from 1.0 s
        double at = ((Number) browser.js("return document.querySelector('#vm-head audio').currentTime")).doubleValue();
        assertThat(at).isBetween(0.95, 2.0);
        browser.until(d -> browser.driver().findElement(By.cssSelector("#transcript .w[data-i='2']")).getDomAttribute("class").contains("now"));

        // Ctrl+↑ speeds up from anywhere, even while typing in a field.
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ARROW_UP).keyUp(Keys.CONTROL).perform();
        assertThat(((Number) browser.js("return document.querySelector('#vm-head audio').playbackRate")).doubleValue()).isEqualTo(1.25);

        assertThat(browser.driver().findElement(By.id("vm-nid")).getDomProperty("value")).isEqualTo(voicemail.subject().nationalId().digits());
        browser.driver().findElement(By.id("vm-nid-ok")).click();
        new Select(browser.driver().findElement(By.name("kind"))).selectByValue("COMPLAINT");
        browser.driver().findElement(By.name("summary")).sendKeys("قطعی آب");
        browser.screenshot("04-workbench");
        assertFitsTheScreen();

        browser.clickable(By.id("register-vm")).click();
        WebElement done = browser.visible(By.id("vm-done-code"));
        assertThat(done.getDomAttribute("data-code")).isEqualTo(voicemail.trackingCode().digits());
        CaseSummary registered = fixture.cases.findByTrackingCode(voicemail.trackingCode()).orElseThrow();
        assertThat(registered.status()).isNotEqualTo(CaseStatus.AWAITING_TRANSCRIPTION);
        assertThat(registered.subject().idVerified()).isTrue();

        // The next one is silence: closed as "not a matter" with its reason.
        CaseSummary silence = fixture.voicemail();
        browser.clickable(By.cssSelector("#vm-done button")).click();
        browser.until(d -> silence.trackingCode().digits().equals(browser.attr("#vm-code", "data-code")));
        new Select(browser.driver().findElement(By.id("nam-reason"))).selectByValue("SILENCE");
        browser.driver().findElement(By.id("not-a-matter")).click();
        browser.visible(By.id("nam-confirm-ok")).click(); // closing asks first (issue 15)
        browser.visible(By.id("vm-done"));
        assertThat(fixture.cases.findByTrackingCode(silence.trackingCode()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    @Order(5)
    void aFollowUpSearchByTrackingCodeOpensTheCasePage() {
        assertThat(deskTrackingCode).as("registered on the desk").isNotNull();
        ensureOn("supervisor", "cases");
        WebElement box = browser.visible(By.id("q-tracking"));
        box.sendKeys(persian(deskTrackingCode)); // as people type it, in Persian digits
        browser.driver().findElement(By.id("search")).click();
        By row = By.cssSelector("#results-table tr[data-code='" + deskTrackingCode + "']");
        browser.visible(row);
        assertThat(browser.driver().findElements(By.cssSelector("#results-table tbody tr"))).hasSize(1);
        browser.screenshot("05-cases-search");
        assertFitsTheScreen();

        browser.driver().findElement(row).click();
        browser.ready("case");
        assertThat(browser.driver().findElement(By.id("case-code")).getDomAttribute("data-code")).isEqualTo(deskTrackingCode);
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector("#case-actions details"))).as("supervisor's actions").isNotEmpty();
        browser.screenshot("06-case-page");
        assertFitsTheScreen();

        // The supervisor refers it to another agency; the page shows the new status and timeline entry.
        browser.driver().findElement(By.cssSelector("#action-refer summary")).click();
        new Select(browser.driver().findElement(By.cssSelector("#action-refer select[name='agencyId']")))
                .selectByValue(String.valueOf(fixture.otherAgencyId));
        browser.driver().findElement(By.cssSelector("#action-refer button[type='submit']")).click();
        browser.until(d -> browser.text("#case-status").equals("ارجاع شده"));
        assertThat(browser.text("#timeline")).contains("ارجاع").contains("دانشگاه علوم پزشکی");
        assertThat(fixture.cases.findByTrackingCode(TrackingCode.of(deskTrackingCode)).orElseThrow().status())
                .isEqualTo(CaseStatus.REFERRED);
    }

    @Test
    @Order(6)
    void markupInACaseIsShownAsTextNeverRun() {
        String hostile = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
        NationalId subject = TestNationalIds.random();
        CaseSummary c = fixture.cases.register(new NewCase(CaseKind.REPORT, Channel.WEB, SubjectPerson.self(subject, true),
                fixture.agencyId, hostile, hostile, DeadlineClass.SIMPLE, "09120000000", null, new Actor("operator")));
        ensureOn("supervisor", "cases/nationalId=" + subject.digits());
        browser.until(d -> browser.text("#results").contains(hostile));
        browser.go("case/" + c.id());
        browser.ready("case");
        assertThat(browser.text("#view")).contains(hostile);
        assertThat(browser.js("return window.__xss === undefined && !document.querySelector('#view img, #view script')")).isEqualTo(true);
    }

    @Test
    @Order(7)
    void theLiveQueueFollowsTheAdapterAndTheDueListShowsThisWeek() {
        ensureOn("supervisor", "due");
        // Nothing registered here falls due before Friday (the shortest deadline is ten days).
        assertThat(browser.text("#due-list")).doesNotContain(persianCode(deskTrackingCode)).isNotBlank();
        browser.screenshot("08a-due-this-week");
        assertFitsTheScreen();
        browser.go("queue");
        browser.ready("queue");
        fixture.vertx.eventBus().publish(EventAddresses.QUEUE_STATE, Events.state(
                List.of(Events.caller("c1", "09350000001", 1, 35, null)),
                List.of(Events.member("PJSIP/op1", null, OperatorState.READY, false, null, 3)), 40, 0.8, null));
        browser.until(d -> browser.text("#queue-callers").contains(persian("09350000001")));
        browser.screenshot("08b-live-queue");
        assertFitsTheScreen();
    }

    @Test
    @Order(8)
    void theReportPageDrawsItsChart() {
        ensureOn("supervisor", "reports");
        assertThat(browser.driver().findElement(By.id("report-table")).getText()).isNotBlank();
        browser.screenshot("07-reports");
        assertFitsTheScreen();
        Assumptions.assumeTrue(Boolean.TRUE.equals(browser.js("return !!window.Chart")),
                "Chart.js did not load from " + CHART_JS + ": the server does not serve the WebJars (META-INF/resources/webjars) yet");
        browser.until(d -> Boolean.TRUE.equals(browser.js(
                "const c = window.Chart && Chart.getChart(document.getElementById('report-chart'));"
                        + "return !!c && c.data.datasets.length > 0;")));
        browser.screenshot("07-reports");

        // Cases by kind has the cases registered above: the chart plots them.
        browser.driver().findElement(By.cssSelector("#report-tabs [data-report='cases-by-kind']")).click();
        browser.until(d -> Boolean.TRUE.equals(browser.js(
                "const c = Chart.getChart(document.getElementById('report-chart'));"
                        + "return !!c && c.data.datasets.some(s => s.data.some(v => v > 0));")));
        browser.screenshot("07b-report-cases-by-kind");
    }

    @Test
    @Order(9)
    void theAdminPagesOpenForTheAdministrator() {
        ensureOn("admin", "admin");
        assertThat(browser.visible(By.id("users-table")).getText()).contains("operator");
        browser.screenshot("09-admin-users");
        browser.driver().findElement(By.cssSelector("#admin-tabs [data-tab='holidays']")).click();
        browser.visible(By.id("holiday-date")).sendKeys("۱۴۰۵/۰۱/۰۱");
        browser.driver().findElement(By.id("holiday-name")).sendKeys("نوروز");
        browser.driver().findElement(By.cssSelector("#admin-body form button[type='submit']")).click();
        browser.until(d -> browser.text("#holidays-table").contains("نوروز"));
        browser.screenshot("10-admin-holidays");
        assertFitsTheScreen();
        // Script errors, CSP refusals, failed modules. HTTP statuses are left to the assertions above and
        // to the API tests (a refused sign-in answers 401 by design).
        assertThat(browser.severeLogs()).as("script errors in the page's console")
                .filteredOn(m -> !m.contains("Failed to load resource") && !m.contains(CHART_JS)
                        && !m.contains("کتابخانه نمودار بارگذاری نشد")).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String signedInAs;

    /** Signs in as {@code user} (signing the previous one out through the page) and opens {@code page}. */
    private void ensureOn(String user, String page) {
        if (!user.equals(signedInAs)) {
            if (signedInAs != null) browser.clickable(By.id("sign-out")).click();
            else browser.open("");
            signIn(user, ConsoleFixture.PASSWORD);
            browser.until(d -> !"signin".equals(browser.attr("#view", "data-page")));
        }
        browser.go(page);
        browser.ready(page.split("/")[0]);
    }

    private void signIn(String user, String password) {
        WebElement name = browser.visible(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement pass = browser.driver().findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        browser.driver().findElement(By.id("signin-submit")).click();
        if (ConsoleFixture.PASSWORD.equals(password)) signedInAs = user;
    }

    /** 1366×768 with nothing sticking out sideways: no horizontal scrolling of the page. */
    private void assertFitsTheScreen() {
        Object widths = browser.js("return [document.documentElement.scrollWidth, window.innerWidth,"
                + " document.getElementById('view').scrollWidth, document.getElementById('view').clientWidth];");
        @SuppressWarnings("unchecked") List<Number> w = (List<Number>) widths;
        assertThat(w.get(0).intValue()).as("page width").isLessThanOrEqualTo(w.get(1).intValue());
        assertThat(w.get(2).intValue()).as("content width").isLessThanOrEqualTo(w.get(3).intValue());
    }

    private Path wavInStore(String name) throws IOException {
        return Files.write(fixture.store.resolve(name + "-" + System.nanoTime() + ".wav"), ConsoleFixture.wav(8_000));
    }

    static String persian(String asciiDigits) {
        StringBuilder b = new StringBuilder();
        for (char c : asciiDigits.toCharArray()) b.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        return b.toString();
    }

    /** The grouping the UI and the server use to read codes out: ۱۲۳-۴۵۶-۷۸۹. */
    static String persianCode(TrackingCode code) { return persianCode(code.digits()); }

    static String persianCode(String digits) {
        return persian(digits.replaceAll("(\\d{3})(?=\\d)", "$1-"));
    }
}
