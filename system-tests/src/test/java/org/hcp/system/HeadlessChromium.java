package org.hcp.system;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium through its chromium-driver, for the browser tests, and their screenshots in
 * {@code system-tests/target/screenshots/}. Without a browser a test is skipped loudly, unless
 * {@code HCP_REQUIRE_BROWSER} is set (CI sets it), when it fails.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HCP_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("HCP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("hcp.screenshots", "target/screenshots"));

    final WebDriver browser;

    private HeadlessChromium(WebDriver browser) {
        this.browser = browser;
    }

    /** Skips (or, when required, fails) the calling test class when there is no browser. */
    static void requireBrowser(String test) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "no browser: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (Debian packages chromium and "
                    + "chromium-driver; ./hcp test installs them when it can)";
            if (System.getenv("HCP_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("HCP_REQUIRE_BROWSER is set but there is " + why);
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPED: " + test + ", " + why + "\n"
                    + "!".repeat(100) + "\n");
            Assumptions.abort(why);
        }
    }

    /** A browser window of {@code width} × {@code height} CSS pixels, Chinese first. */
    static HeadlessChromium start(int width, int height) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("hcp-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags that keep chromium from reaching out to the closed network (env: java-maven.md).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(browser);
    }

    void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /**
     * Waits up to 90 s until {@code done}, looking every 300 ms (Awaitility); a page between two addresses (a
     * WebDriverException while it loads) is looked at again.
     */
    static void until(String what, java.util.function.BooleanSupplier done) {
        org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class).until(done::getAsBoolean);
    }

    /** axe-core's serious and critical violations on the page as it is drawn, each named with {@code where}. */
    List<String> axe(String where) {
        Results results = new AxeBuilder().analyze(browser);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        return found;
    }

    /** The whole page, not only the window: the window grows to the page's height for the picture. */
    void fullScreenshot(String name) throws IOException {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
                Math.min(5000, Math.max(before.getHeight(), height.intValue() + 140))));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /**
     * Waits until the console says {@code view} is drawn (its body's data-ready) and answers the view's text; a
     * problem the console shows instead fails at once, with its text.
     */
    String awaitView(String view) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String ready = browser.findElement(By.tagName("body")).getAttribute("data-ready");
                if (view.equals(ready) && !browser.findElements(By.id("view-" + view)).isEmpty()) {
                    return browser.findElement(By.id("view-" + view)).getText();
                }
                if ("problem".equals(ready)) {
                    throw new AssertionError(view + ": " + browser.findElement(By.id("problem")).getText());
                }
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException navigating) {
                // the page was replaced under us (a redirect back from the identity provider, a redraw): look again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(view + " was never drawn");
    }

    @Override
    public void close() {
        browser.quit();
    }
}
