package ir.line111.console.browser;

import ir.line111.console.store.Jdbc;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.events.EventAddresses;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "ordinary mistakes lose nothing", in real headless Chromium against the real console:
 * drafts and signing in again in place, toasts, closing a message, the workbench's messages about
 * transcription, durations and silence, the desk's call timer and wrap-up codes (administered, reported).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MistakesBrowserTest {

    private ConsoleFixture fixture;
    private Browser browser;

    @BeforeAll
    void start() throws IOException {
        Browser.assumeInstalled();
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
    void errorToastsAreCappedDismissibleClearOfTheSaveButtonAndGoneOnTheNextPage() {
        browser.ensureOn("operator", "desk");
        for (int i = 0; i < 5; i++) browser.driver().findElement(By.id("check-duplicate")).click(); // no national ID typed: an error each time
        browser.until(d -> count(".toast.error") > 0);
        assertThat(count(".toast")).as("at most three at once").isEqualTo(3);
        assertThat(browser.text("#toasts")).contains("کد ملی صاحب موضوع را وارد کنید");
        Rectangle save = browser.driver().findElement(By.id("save-case")).getRect();
        for (WebElement t : browser.driver().findElements(By.cssSelector(".toast"))) {
            assertThat(overlaps(t.getRect(), save)).as("a toast at " + t.getRect() + " covers the save button at " + save).isFalse();
        }
        browser.screenshot("15-01-toasts");
        browser.driver().findElements(By.cssSelector(".toast .toast-close")).getFirst().click();
        assertThat(count(".toast")).isEqualTo(2);
        browser.go("cases");
        browser.ready("cases");
        assertThat(count(".toast")).as("navigation clears them").isZero();
    }

    @Test
    @Order(2)
    void aHalfTypedCaseSurvivesAReloadAndAnExpiredSessionAndIsSavedAsTyped() {
        browser.ensureOn("operator", "desk");
        NationalId id = TestNationalIds.random();
        new Select(browser.visible(By.name("kind"))).selectByValue("COMPLAINT");
        browser.driver().findElement(By.name("nationalId")).sendKeys(id.digits());
        browser.driver().findElement(By.name("summary")).sendKeys("لوله ترکیده");
        browser.driver().findElement(By.name("description")).sendKeys("از دیروز");

        browser.driver().navigate().refresh(); // a reload mid-typing
        browser.ready("desk");
        browser.visible(By.id("draft-restored"));
        assertThat(value("summary")).isEqualTo("لوله ترکیده");
        assertThat(value("description")).isEqualTo("از دیروز");
        assertThat(value("kind")).isEqualTo("COMPLAINT");
        assertThat(value("nationalId")).isEqualTo(id.digits());
        browser.driver().findElement(By.name("description")).sendKeys(" آب قطع است");

        fixture.clock.advance(Duration.ofMinutes(31)); // the session ends on the server while the operator types
        browser.js("document.getElementById('save-case').click()");
        WebElement password = browser.visible(By.id("reauth-password"));
        assertThat(browser.driver().findElement(By.id("reauth-username")).getDomProperty("value")).isEqualTo("operator");
        browser.screenshot("15-02-sign-in-again");
        assertThat(value("description")).as("the page behind the dialog keeps what was typed").isEqualTo("از دیروز آب قطع است");
        password.sendKeys(ConsoleFixture.PASSWORD);
        browser.driver().findElement(By.id("reauth-submit")).click();

        browser.visible(By.id("tracking-code"));
        Jdbc jdbc = new Jdbc(fixture.db.dataSource());
        assertThat(jdbc.one("select summary from case_record where subject_national_id = ?", rs -> rs.getString(1), id.digits()))
                .contains("لوله ترکیده");
        assertThat(jdbc.count("select count(*) from case_record where subject_national_id = ? and description = ?", id.digits(),
                "از دیروز آب قطع است")).isEqualTo(1);
        assertThat(browser.js("return Object.keys(localStorage).filter(k => k.startsWith('line111.draft.')).length")).isEqualTo(0L);
        browser.driver().navigate().refresh();
        browser.ready("desk");
        assertThat(browser.driver().findElements(By.id("draft-restored"))).as("saved: the draft is gone").isEmpty();
        assertThat(value("summary")).isEmpty();
    }

    @Test
    @Order(3)
    void theCallTimerRunsFromThePopToTheHangUpAndTheOperatorPicksAWrapUpCode() {
        browser.ensureOn("operator", "desk");
        browser.until(d -> "hello".equals(browser.attr("body", "data-live")));
        browser.driver().findElement(By.name("summary")).sendKeys("نیمه‌کارهٔ تماس قبلی"); // not saved before the next call
        String call = "1764000000.15";
        fixture.vertx.eventBus().publish(EventAddresses.SCREEN_POP, ir.line111.console.support.Events.pop(call, "PJSIP/op1", null,
                "09121112233", TestNationalIds.random(), true, null, List.of()));
        browser.visible(By.id("call-timer"));
        browser.visible(By.id("earlier-draft"));
        assertThat(value("summary")).as("the new call gets a fresh form").isEmpty();
        browser.driver().findElement(By.id("restore-earlier")).click();
        browser.until(d -> "نیمه‌کارهٔ تماس قبلی".equals(value("summary")));
        assertThat(browser.driver().findElements(By.id("earlier-draft"))).as("nothing else was left aside").isEmpty();
        browser.until(d -> browser.text("#call-timer").matches("[۰-۹]+:[۰-۹]{2}") && !browser.text("#call-timer").equals("۰:۰۰"));
        fixture.vertx.eventBus().publish(EventAddresses.CALL_WRAP_UP, ir.line111.console.support.Events.wrapUp(call, "PJSIP/op1", 2));
        browser.visible(By.id("wrapup-code"));
        String stopped = browser.text("#call-timer");
        assertThat(browser.attr("#call-timer", "class")).contains("stopped");
        new Select(browser.driver().findElement(By.id("wrapup-code"))).selectByValue("INFORMATION");
        browser.driver().findElement(By.id("wrapup-save")).click();
        assertThat(browser.visible(By.id("wrapup-chosen")).getText()).contains("راهنمایی و اطلاع‌رسانی");
        assertThat(browser.text("#call-timer")).as("stopped at the hang-up").isEqualTo(stopped);
        browser.screenshot("15-03-desk-call-timer-wrap-up");
        assertThat(new Jdbc(fixture.db.dataSource()).one("select code from console_call_wrapup where call_id = ?", rs -> rs.getString(1), call))
                .contains("INFORMATION");
    }

    @Test
    @Order(4)
    void theWorkbenchSaysThereIsNoTranscriptionShowsDurationsAndClosesASilentMessageInOneConfirmedAction() throws IOException {
        CaseSummary silent = voicemail(ConsoleFixture.wav(8_000 * 6 + 4_000)); // 6.5 s of silence, no transcript
        browser.ensureOn("transcriber", "workbench");
        browser.until(d -> browser.text("#vm-queue").contains("۰:۰۲"));
        assertThat(browser.text("#vm-queue")).doesNotContain("—");
        browser.clickable(By.id("claim-next")).click();
        browser.until(d -> silent.trackingCode().digits().equals(browser.attr("#vm-code", "data-code")));
        assertThat(browser.visible(By.id("transcript-off")).getText()).contains("مدل تبدیل گفتار به متن تنظیم نشده");
        browser.until(d -> browser.text("#vm-head .time").endsWith("۰:۰۷"));
        assertThat(browser.visible(By.id("vm-silent")).getText()).contains("بی‌صدا");
        browser.screenshot("15-04-workbench-silent-no-transcription");
        browser.driver().findElement(By.id("close-silent")).click();
        browser.visible(By.id("nam-confirm"));
        browser.screenshot("15-05-close-confirmation");
        browser.driver().findElement(By.id("nam-confirm-ok")).click();
        browser.visible(By.id("vm-done"));
        assertThat(new Jdbc(fixture.db.dataSource()).one("select outcome || ':' || reason from console_voicemail_done where case_id = ?",
                rs -> rs.getString(1), silent.id())).contains("NOT_A_MATTER:SILENCE");
    }

    @Test
    @Order(5)
    void closingAMessageHasNoDefaultReasonAndAsksFirst() throws IOException {
        CaseSummary vm = fixture.voicemail();
        browser.ensureOn("transcriber", "workbench");
        browser.clickable(By.id("claim-next")).click();
        browser.until(d -> vm.trackingCode().digits().equals(browser.attr("#vm-code", "data-code")));
        assertThat(new Select(browser.driver().findElement(By.id("nam-reason"))).getFirstSelectedOption().getDomProperty("value")).isEmpty();
        browser.driver().findElement(By.id("not-a-matter")).click();
        browser.until(d -> browser.text("#toasts").contains("دلیل را انتخاب کنید"));
        assertThat(browser.driver().findElements(By.id("nam-confirm"))).as("one click closes nothing").isEmpty();
        new Select(browser.driver().findElement(By.id("nam-reason"))).selectByValue("WRONG_NUMBER");
        browser.driver().findElement(By.id("not-a-matter")).click();
        browser.visible(By.id("nam-confirm-cancel")).click();
        assertThat(browser.driver().findElements(By.id("vm-done"))).isEmpty();
        assertThat(new Jdbc(fixture.db.dataSource()).count("select count(*) from console_voicemail_done where case_id = ?", vm.id())).as("cancelled: still open").isZero();
        browser.driver().findElement(By.id("not-a-matter")).click();
        browser.visible(By.id("nam-confirm-ok")).click();
        browser.visible(By.id("vm-done"));
    }

    @Test
    @Order(6)
    void theAdminAdministersWrapUpCodesAndTheSupervisorCountsThem() {
        browser.ensureOn("admin", "admin/wrapup");
        browser.visible(By.name("code")).sendKeys("WATER_OUTAGE");
        browser.driver().findElement(By.name("label")).sendKeys("قطعی آب");
        browser.driver().findElement(By.id("wrapup-add")).click();
        browser.until(d -> browser.text("#wrapup-table").contains("WATER_OUTAGE"));
        WebElement label = browser.driver().findElement(By.cssSelector("tr[data-code='WATER_OUTAGE'] input[name='label']"));
        label.clear();
        label.sendKeys("قطعی آب شهری");
        browser.driver().findElement(By.cssSelector("tr[data-code='WATER_OUTAGE'] button.rename")).click();
        browser.until(d -> "قطعی آب شهری".equals(browser.js("return document.querySelector(\"tr[data-code='WATER_OUTAGE'] input[name='label']\")?.value")));
        browser.until(d -> browser.text("#toasts").contains("ذخیره شد"));
        browser.js("document.querySelector(\"tr[data-code='CALL_DROPPED'] button.retire\").click()");
        browser.until(d -> browser.text("tr[data-code='CALL_DROPPED']").contains("بازنشسته"));
        browser.screenshot("15-06-admin-wrap-up-codes");

        browser.ensureOn("supervisor", "wrapup-report");
        browser.until(d -> browser.text("#wrapup-report").contains("راهنمایی و اطلاع‌رسانی"));
        assertThat(browser.text("tr[data-code='INFORMATION']")).contains("۱");
        assertThat(browser.text("#wrapup-report")).contains("قطعی آب شهری").doesNotContain("قطع تماس پیش از طرح موضوع");
        Object csv = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(document.getElementById('wrapup-csv').href).then(r => r.text()).then(done, e => done(String(e)));");
        assertThat(String.valueOf(csv)).contains("کد,عنوان,وضعیت,تعداد تماس").contains("INFORMATION,راهنمایی و اطلاع‌رسانی,فعال,1");
        browser.screenshot("15-07-wrap-up-report");
        assertThat(browser.severeLogs()).allMatch(l -> l.contains("401"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private CaseSummary voicemail(byte[] wav) throws IOException {
        Path msg = Files.write(fixture.store.resolve("vm-" + System.nanoTime() + ".wav"), wav);
        long msgId = fixture.recordings.add(RecordingKind.VOICEMAIL, msg, null);
        return fixture.cases.registerVoicemail(new VoicemailIntake("vm-" + System.nanoTime(), "09121111111",
                SubjectPerson.self(TestNationalIds.random(), false), null, msgId, fixture.clock.instant()));
    }

    private long count(String css) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length", css)).longValue();
    }

    private String value(String name) {
        return browser.driver().findElement(By.name(name)).getDomProperty("value");
    }

    private static boolean overlaps(Rectangle a, Rectangle b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }
}
