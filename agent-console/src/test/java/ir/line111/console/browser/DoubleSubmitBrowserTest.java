package ir.line111.console.browser;

import ir.line111.console.store.Jdbc;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A double click on «ثبت پرونده», and a retry of a lost answer, register one case in real Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoubleSubmitBrowserTest {

    private ConsoleFixture fixture;
    private Browser browser;

    @BeforeAll
    void start() throws IOException {
        Browser.assumeInstalled();
        fixture = ConsoleFixture.h2();
        browser = Browser.start(fixture.base());
        browser.open("");
        browser.visible(By.id("username")).sendKeys("operator");
        browser.driver().findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
        browser.driver().findElement(By.id("signin-submit")).click();
        browser.ready("desk");
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (fixture != null) fixture.close();
    }

    private long casesOf(NationalId id) {
        return new Jdbc(fixture.db.dataSource()).count("select count(*) from case_record where subject_national_id = ?", id.digits());
    }

    @Test
    void aDoubleClickOnSaveRegistersOneCase() {
        NationalId id = TestNationalIds.random();
        new Select(browser.visible(By.name("kind"))).selectByValue("COMPLAINT");
        browser.driver().findElement(By.name("nationalId")).sendKeys(id.digits());
        browser.driver().findElement(By.name("summary")).sendKeys("دو بار کلیک شد");
        WebElement save = browser.clickable(By.id("save-case"));
        new Actions(browser.driver()).doubleClick(save).perform();
        browser.visible(By.id("tracking-code"));
        assertThat(casesOf(id)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRetriedSubmissionSendsTheSameKeyAndGetsTheSameCase() {
        NationalId id = TestNationalIds.random();
        Object ids = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/js/api.js').then(async m => {"
                        + "  const once = m.submission();"
                        + "  const body = {kind: 'REQUEST', channel: 'PHONE_LIVE', summary: 'تکرار', subject: {nationalId: arguments[0], relation: 'SELF'}};"
                        + "  const [a, b] = await Promise.all([m.api.registerCase(body, once), m.api.registerCase(body, once)]);"
                        + "  const c = await m.api.registerCase(body, once);"
                        + "  const other = await m.api.registerCase({...body, summary: 'دیگر'}, once);"
                        + "  done([a.id, b.id, c.id, other.id]);"
                        + "}).catch(e => done(String(e)));", id.digits());
        List<Number> got = (List<Number>) ids;
        assertThat(got.subList(0, 3).stream().map(Number::longValue).distinct()).as("one key for the same submission").hasSize(1);
        assertThat(got.get(3).longValue()).as("changed content: a new key").isNotEqualTo(got.get(0).longValue());
        assertThat(casesOf(id)).isEqualTo(2);
    }
}
