package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's rating page in a real browser (R1.8): Debian's headless chromium, driven through its chromium-driver,
 * against the packaged intake service on real Kafka and PostgreSQL. Screenshots of every step go to
 * {@code system-tests/target/screenshots/}. Without a browser the test is skipped loudly, unless
 * {@code HCP_REQUIRE_BROWSER} is set (CI sets it), when it fails.
 */
class RatingPageBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHANNEL = DevTokens.mint("channel", null, Duration.ofHours(1));
    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(1));

    private static ServiceProcess intake;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startIntakeAndTheBrowser() throws IOException {
        HeadlessChromium.requireBrowser("the rating page browser test");
        intake = new ServiceProcess("intake-service", "intake", LocalStack.shared()).start();
        registerTheDemoDirectory();
        chromium = HeadlessChromium.start(390, 1200);
        browser = chromium.browser;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (intake != null) {
            intake.stop();
        }
    }

    @Test
    void aCitizenRatesTwoWithATagThroughAQrLinkAndTheLinkIsThenUsed() throws Exception {
        String caseNumber = reportACase();
        JsonNode link = post("/api/v1/rating-links", """
                {"caseNumber":"%s","channel":"QR_CODE"}""".formatted(caseNumber), 201);
        String url = link.get("url").asText();

        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("请对本次政务服务进行评价", browser.findElement(By.tagName("h1")).getText());
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.getPageSource().contains("个体工商户设立登记"), "the service item by its name");
        WebElement tags = browser.findElement(By.id("tags"));
        assertFalse(tags.isDisplayed(), "the tag list waits for a bad level (R1.3)");
        screenshot("01-opened");

        // Keyboard: the levels are a radio group; its first option takes the focus, arrows move through it.
        WebElement firstLevel = browser.findElement(By.cssSelector("input[name=level][value='5']"));
        firstLevel.sendKeys(Keys.SPACE);
        assertTrue(firstLevel.isSelected());
        browser.findElement(By.cssSelector("label.level-2")).click();
        wait.until(ExpectedConditions.visibilityOf(tags));
        screenshot("02-bad-level-shows-the-tags");

        browser.findElement(By.cssSelector("input[name=tags][value='WAITING']")).click();
        browser.findElement(By.id("text")).sendKeys("排队等了一个小时");
        screenshot("03-filled-in");
        browser.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.urlContains("/thanks"));
        assertEquals("感谢您的评价", browser.findElement(By.tagName("h1")).getText());
        screenshot("04-thanks");

        JsonNode rating = get("/api/v1/ratings/link-" + link.get("linkId").asText());
        assertEquals(2, rating.get("level").asInt());
        assertEquals("QR_CODE", rating.get("channel").asText());
        assertEquals(caseNumber, rating.get("caseNumber").asText());

        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("该评价链接已使用", browser.findElement(By.tagName("h1")).getText());
        screenshot("05-reopened-already-used");
    }

    @Test
    void theEnglishPageSaysWhatIsMissingAndKeepsTheFocusOnIt() throws Exception {
        String caseNumber = reportACase();
        String url = post("/api/v1/rating-links", """
                {"caseNumber":"%s","channel":"SMS"}""".formatted(caseNumber), 201).get("url").asText();
        browser.get(url + "?lang=en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("Please rate the service you received", browser.findElement(By.tagName("h1")).getText());

        // A bad level with no tag: the server refuses it (R1.3), the error summary is announced and focused.
        browser.findElement(By.cssSelector("label.level-1")).click();
        browser.findElement(By.id("submit")).click();
        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertEquals("alert", errors.getAttribute("role"));
        assertTrue(errors.getText().contains("needs at least one tag"), errors.getText());
        assertEquals("errors", browser.switchTo().activeElement().getAttribute("id"));
        assertTrue(browser.findElement(By.cssSelector("input[name=level][value='1']")).isSelected(),
                "what was entered is kept");
        screenshot("06-english-error");
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    private static String reportACase() throws Exception {
        String caseNumber = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        post("/api/v1/cases", """
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"JL-CY-CENTRE",
                 "windowCode":"JL-CY-W01","staffId":"JL-CY-S001","completedAt":"%s"}"""
                .formatted(caseNumber, Instant.now().minusSeconds(300)), 202);
        return caseNumber;
    }

    private static void registerTheDemoDirectory() throws IOException {
        try (InputStream in = RatingPageBrowserTest.class.getResourceAsStream("/demo/directory.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(intake.url(
                            "/api/v1/directory/import"))).header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode post(String path, String json, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(intake.url(path)))
                .header("Authorization", "Bearer " + CHANNEL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return EventJson.mapper().readTree(response.body());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(intake.url(path)))
                .header("Authorization", "Bearer " + CHANNEL).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return EventJson.mapper().readTree(response.body());
    }
}
