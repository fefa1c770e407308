package ir.line111.console.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Debian's headless Chromium driven by its own ChromeDriver, at the 1366×768 the console is made for.
 * The driver path is always given, so Selenium Manager never goes looking for (or downloading) one.
 * Absent Chromium skips the suite with a reason, except in CI where it must be there.
 */
final class Browser implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LINE111_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("LINE111_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "test-artifacts", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private String signedInAs;
    final String baseUrl;

    private Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        profile = Files.createTempDirectory("line111-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=fa");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /** Skips the calling test (outside CI, where it must run) when Chromium is not installed. */
    static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium or ChromeDriver not installed at " + CHROMIUM + " / " + CHROMEDRIVER
                    + " (scripts/test-prerequisites.sh installs them): browser tests skipped");
        }
    }

    /** Starts the browser, or skips the test (see {@link #assumeInstalled()}). */
    static Browser start(String baseUrl) throws IOException {
        assumeInstalled();
        Files.createDirectories(SCREENSHOTS);
        return new Browser(baseUrl);
    }

    WebDriver driver() { return driver; }

    /**
     * Signs in as {@code user} with the fixture's password, signing the previous user out, unless that user
     * is signed in already; returns once the role's start page has loaded, so no redirect of the sign-in can
     * overtake a navigation that follows.
     */
    void signInAs(String user) {
        if (user.equals(signedInAs)) return;
        if (signedInAs != null) clickable(By.id("sign-out")).click();
        else open("");
        WebElement name = visible(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(ir.line111.console.support.ConsoleFixture.PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        until(d -> !"signin".equals(attr("#view", "data-page")) && "true".equals(attr("#view", "data-ready")));
        signedInAs = user;
    }

    /** Signed in as {@code user} (see {@link #signInAs}) on {@code page}, its data in. */
    void ensureOn(String user, String page) {
        signInAs(user);
        go(page);
        ready(page.split("/")[0]);
    }

    void open(String hashPath) {
        driver.get(baseUrl + "/#/" + hashPath);
    }

    /** Navigates inside the single-page app without reloading it (keeps the WebSocket). */
    /**
     * Navigates; the view is marked not ready in the same script, so a following {@link #ready} cannot
     * read the previous page's flag before the hashchange handler runs (one case page to another).
     */
    void go(String hashPath) {
        js("const v = document.getElementById('view'); if (v && location.hash !== arguments[0]) v.dataset.ready = 'false';"
                + " location.hash = arguments[0]", "#/" + hashPath);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
    }

    WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Waits until the page named {@code page} has rendered and loaded its data. */
    void ready(String page) {
        until(d -> page.equals(attr("#view", "data-page")) && "true".equals(attr("#view", "data-ready")));
    }

    String attr(String css, String name) {
        List<WebElement> els = driver.findElements(By.cssSelector(css));
        return els.isEmpty() ? null : els.getFirst().getDomAttribute(name);
    }

    /** The text of the first element matching {@code css} ("" when none), read in one go so a re-render cannot go stale under us. */
    String text(String css) {
        Object t = js("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css);
        return t == null ? "" : t.toString();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the current page for people to look at (RTL, Persian text, 1366×768 fit). */
    Path screenshot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the page logged to the console (uncaught exceptions, failed module loads). */
    List<String> severeLogs() {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.debug("could not remove the Chromium profile {}", profile, e);
            }
        }
    }
}
