package ir.line111.console.browser;

import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.persistence.PersistentCaseOversight;
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

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency desk and the complaints board in headless Chromium against the real console (issue 16):
 * the liaison's inbox (urgent first, Jalali due dates), a case without the national ID, an answer;
 * the supervisor's agenda, the verdict and the printable agenda. Screenshots go to
 * target/test-artifacts/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgencyBrowserTest {

    private static final Actor SUP = new Actor("supervisor");
    private ConsoleFixture fx;
    private Browser browser;
    private CaseSummary plain, urgent, board;

    @BeforeAll
    void start() throws IOException {
        Browser.assumeInstalled();
        fx = ConsoleFixture.h2();
        browser = Browser.start(fx.base());
        plain = fx.liveCase(TestNationalIds.random());
        fx.cases.refer(plain.id(), fx.agencyId, null, SUP);
        urgent = fx.liveCase(TestNationalIds.random());
        fx.cases.refer(urgent.id(), fx.agencyId, null, SUP);
        new PersistentCaseOversight(fx.db, fx.clock).urgent(urgent.id(), true, "بیمارستان بی‌آب است", SUP);
        board = fx.liveCase(TestNationalIds.random());
        fx.cases.refer(board.id(), fx.agencyId, null, SUP);
        fx.cases.answer(board.id(), "تعمیر شد", null, SUP);
        fx.cases.object(board.id(), null, Actor.IVR, "no");
        fx.cases.answer(board.id(), "تعمیر شد", null, SUP);
        assertThat(fx.cases.object(board.id(), null, Actor.IVR, "no").status()).isEqualTo(CaseStatus.COMPLAINTS_BOARD);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (fx != null) fx.close();
    }

    @Test
    @Order(1)
    void theLiaisonsInboxPutsUrgentFirstAndTheCaseHidesTheNationalId() {
        browser.ensureOn("liaison", "agency");
        var rows = browser.driver().findElements(By.cssSelector("#agency-inbox tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.getFirst().getAttribute("data-case-id")).isEqualTo(String.valueOf(urgent.id()));
        assertThat(rows.getFirst().getText()).contains("فوری").containsPattern("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}").contains("روز مانده");
        assertThat(browser.text("#view")).doesNotContain(board.trackingCode().persianGrouped());
        browser.screenshot("16-01-agency-inbox");

        browser.go("agency/" + plain.id());
        browser.visible(By.id("agency-case"));
        browser.ready("agency");
        assertThat(browser.text("#agency-case")).contains("کد ملی با دستگاه به اشتراک گذاشته نشده است")
                .doesNotContain(plain.subject().nationalId().digits());
        assertThat(browser.driver().findElements(By.id("no-recordings"))).hasSize(1);
        browser.screenshot("16-02-agency-case");
        WebElement text = browser.visible(By.cssSelector("#answer-form textarea[name=text]"));
        text.sendKeys("لوله در محل تعمیر شد.");
        browser.driver().findElement(By.cssSelector("#answer-form button[type=submit]")).click();
        browser.until(d -> browser.text("#agency-case").contains("پاسخ داده شده"));
        assertThat(browser.driver().findElements(By.id("answer-form"))).isEmpty();
        browser.screenshot("16-03-agency-answered");
        // the only console error allowed: the sign-in page asking /api/me before anyone signed in
        assertThat(browser.severeLogs()).allMatch(l -> l.contains("/api/me") && l.contains("401"));
    }

    @Test
    @Order(2)
    void theSupervisorSeesTheAgendaRecordsTheVerdictAndPrintsIt() {
        browser.ensureOn("supervisor", "board");
        browser.visible(By.cssSelector("#agenda-table tr[data-case-id='" + board.id() + "']"));
        browser.screenshot("16-04-board-agenda");
        WebElement row = browser.driver().findElement(By.cssSelector("#agenda-table tr[data-case-id='" + board.id() + "']"));
        row.findElement(By.cssSelector("button.attend")).click();
        browser.until(d -> browser.text("#agenda-table tr[data-case-id='" + board.id() + "']").contains("حاضر")
                && browser.driver().findElements(By.cssSelector("#agenda-table tr[data-case-id='" + board.id() + "'] button.attend")).isEmpty());
        row = browser.driver().findElement(By.cssSelector("#agenda-table tr[data-case-id='" + board.id() + "']"));
        row.findElement(By.cssSelector(".verdict-form textarea")).sendKeys("شرکت آب لوله را تعویض کند");
        row.findElement(By.cssSelector(".verdict-form button")).click();
        browser.until(d -> browser.text("#agenda-table tr[data-case-id='" + board.id() + "']").contains("مهلت اجرا"));
        browser.screenshot("16-05-board-verdict");
        String href = browser.attr("#print-agenda", "href");
        browser.driver().get(href.startsWith("http") ? href : fx.base() + href);
        browser.until(d -> browser.text("h1").contains("دستور جلسهٔ هیأت رسیدگی به شکایات"));
        assertThat(browser.text("body")).contains(board.trackingCode().persianGrouped()).contains("شرکت آب لوله را تعویض کند");
        browser.screenshot("16-06-printable-agenda");
        browser.driver().navigate().back();
        browser.ready("board");
    }

    @Test
    @Order(3)
    void theSupervisorsDigestAndUrgentList() {
        browser.ensureOn("supervisor", "oversight");
        assertThat(browser.text("#urgent")).contains(urgent.trackingCode().persianGrouped());
        assertThat(browser.attr("#urgent-csv", "href")).endsWith("/api/oversight/urgent.csv");
        browser.screenshot("16-07-oversight");
    }

    @Test
    @Order(4)
    void theDueListPutsTheUrgentCaseFirstWithItsBadge() throws java.sql.SQLException {
        CaseSummary earlier = fx.liveCase(TestNationalIds.random()); // due before the urgent one, yet listed after it
        try (var conn = fx.db.dataSource().getConnection();
             var ps = conn.prepareStatement("update case_record set due_at = ? where id = ?")) {
            for (var due : java.util.Map.of(earlier.id(), 2, urgent.id(), 1).entrySet()) {
                ps.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(due.getValue()));
                ps.setLong(2, due.getKey());
                ps.executeUpdate();
            }
        }
        browser.ensureOn("supervisor", "due");
        var rows = browser.driver().findElements(By.cssSelector("#due-table tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.getFirst().getAttribute("data-case-id")).isEqualTo(String.valueOf(urgent.id()));
        assertThat(rows.getFirst().findElements(By.cssSelector(".badge.urgent"))).extracting(WebElement::getText).containsExactly("فوری");
        assertThat(browser.driver().findElements(By.cssSelector("#due-table tr[data-case-id='" + earlier.id() + "']"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#due-table tr[data-case-id='" + earlier.id() + "'] .badge.urgent"))).isEmpty();
        browser.screenshot("16-08-due-urgent-first");
    }
}
