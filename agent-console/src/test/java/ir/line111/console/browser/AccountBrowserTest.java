package ir.line111.console.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** «حساب من» in Chromium: from the name in the header, a user changes their own password. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountBrowserTest {
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
    void aTranscriberChangesTheirOwnPasswordFromTheHeader() {
        var admin = fixture.signedIn("admin");
        assertThat(admin.post("/api/admin/users", new JsonObject().put("username", "maryam").put("password", "the first password")
                .put("roles", new JsonArray().add("transcriber"))).status()).isEqualTo(201);
        browser.open("");
        type("username", "maryam");
        type("password", "the first password");
        browser.driver().findElement(By.id("signin-submit")).click();
        browser.until(d -> !"signin".equals(browser.attr("#view", "data-page")));

        browser.clickable(By.id("who-name")).click();
        browser.ready("account");
        assertThat(browser.text("#account-username")).isEqualTo("maryam");

        type("current-password", "not my password");
        type("new-password", "the second password");
        type("new-password-again", "the second password");
        browser.driver().findElement(By.id("account-submit")).click();
        WebElement error = browser.visible(By.id("account-error"));
        assertThat(error.getText()).isEqualTo("گذرواژهٔ کنونی درست نیست.");

        type("current-password", "the first password");
        type("new-password", "short");
        type("new-password-again", "short");
        browser.driver().findElement(By.id("account-submit")).click();
        browser.until(d -> browser.text("#account-error").contains("۱۰ نویسه"));

        type("new-password", "the second password");
        type("new-password-again", "the second password");
        browser.driver().findElement(By.id("account-submit")).click();
        assertThat(browser.visible(By.id("account-done")).getText()).contains("گذرواژهٔ شما عوض شد");
        browser.screenshot("account-password-changed");
        assertThat(browser.severeLogs()).as("script errors in the page's console (the refused requests above are expected)")
                .filteredOn(m -> !m.contains("Failed to load resource")).isEmpty();

        assertThat(fixture.browser().signIn("maryam", "the first password").status()).isEqualTo(401);
        assertThat(fixture.browser().signIn("maryam", "the second password").status()).isEqualTo(200);
    }

    private void type(String id, String text) {
        WebElement el = browser.visible(By.id(id));
        el.clear();
        el.sendKeys(text);
    }
}
