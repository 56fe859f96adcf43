package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.FeedbackGiven;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationResolved;
import org.hcp.events.rectification.Resolution;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TestEvents;
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

    private static ServiceProcess intake;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startIntakeAndTheBrowser() throws IOException {
        HeadlessChromium.requireBrowser("the rating page browser test");
        intake = new ServiceProcess("intake-service", "intake", LocalStack.shared()).start();
        try {
            intake.importDemoDirectory();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
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
        assertEquals("您的评价办理进度", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().contains("感谢您的评价"));
        screenshot("04-thanks");

        JsonNode rating = get("/api/v1/ratings/link-" + link.get("linkId").asText());
        assertEquals(2, rating.get("level").asInt());
        assertEquals("QR_CODE", rating.get("channel").asText());
        assertEquals(caseNumber, rating.get("caseNumber").asText());

        // Issue 29: opened again, the link follows the bad review instead of saying only that it was used.
        browser.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("您的评价办理进度", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.tagName("form")).isEmpty(), "no second rating");
        screenshot("05-reopened-follow-up");
    }

    /**
     * Issue 29, R2.4: the evaluator's follow-up page on a phone, in Chinese, in English and in large text (长辈版),
     * as rectification-service's events arrive on the log; no serious accessibility violation in any of them.
     */
    @Test
    void theFollowUpPageShowsTheRectificationOnAPhoneInBothLanguagesAndInLargeText() throws Exception {
        String caseNumber = reportACase();
        JsonNode link = post("/api/v1/rating-links", """
                {"caseNumber":"%s","channel":"SMS"}""".formatted(caseNumber), 201);
        String url = link.get("url").asText();
        List<String> violations = new ArrayList<>();

        // The switch is on the rating page too: large text, clearly marked, without JavaScript.
        browser.get(url);
        browser.findElement(By.cssSelector("a.size")).click();
        HeadlessChromium.until("the large-text rating page", () -> "large".equals(
                browser.findElement(By.tagName("html")).getAttribute("class")));
        assertEquals("标准版", browser.findElement(By.cssSelector("a.size")).getText());
        chromium.fullScreenshot("07-large-text-rating-page");
        violations.addAll(chromium.axe("the large-text rating page"));
        browser.findElement(By.cssSelector("label.level-1")).click();
        browser.findElement(By.cssSelector("input[name=tags][value='ATTITUDE']")).click();
        browser.findElement(By.id("submit")).click();
        HeadlessChromium.until("the follow-up page, still in large text", () -> browser.getCurrentUrl()
                .contains("/thanks") && "large".equals(browser.findElement(By.tagName("html")).getAttribute("class")));

        String rect = "RECT-" + caseNumber;
        String ratingId = "link-" + link.get("linkId").asText();
        Instant opened = Instant.now().plusSeconds(60);
        publish(rect, new RectificationOpened(rect, List.of(ratingId), List.of(caseNumber), 1, List.of("ATTITUDE"),
                Channel.SMS, "ITEM-BIZ-LICENSE", "JL-CY-CENTRE", "JL-CY-W01", "JL-CY-S001", "220202", true, opened,
                opened, opened.plus(Duration.ofDays(10)), false));
        publish(rect, new CallbackRecorded(rect, CallbackResult.REACHED, null, "handler-JL-CY-CENTRE",
                opened.plusSeconds(600)));
        publish(rect, new RectificationResolved(rect, Resolution.RECTIFIED,
                "对窗口工作人员进行服务规范培训，并在窗口公示监督电话。", null, false, "handler-JL-CY-CENTRE",
                opened.plusSeconds(1200)));
        publish(rect, new FeedbackGiven(rect, "SMS", "您反映的服务态度问题已核实，已对相关人员批评教育，感谢您的监督。",
                "handler-JL-CY-CENTRE", opened.plusSeconds(1300)));
        HeadlessChromium.until("the feedback on the page", () -> {
            browser.navigate().refresh();
            return browser.getPageSource().contains("感谢您的监督");
        });
        chromium.fullScreenshot("08-follow-up-large-text");
        violations.addAll(chromium.axe("the follow-up page, large text"));

        browser.findElement(By.cssSelector("a.size")).click();
        HeadlessChromium.until("the standard-size follow-up page", () -> browser.findElement(By.tagName("html"))
                .getAttribute("class").isEmpty());
        String page = browser.findElement(By.tagName("main")).getText();
        for (String step : List.of("评价已收到", "已转交昌邑区政务服务中心核实整改", "办理单位已回访您", "已完成整改",
                "办理单位已向您反馈整改结果", "下一步")) {
            assertTrue(page.contains(step), step + " in\n" + page);
        }
        assertFalse(page.contains("handler-"), "no staff member is named");
        chromium.fullScreenshot("09-follow-up-zh");
        violations.addAll(chromium.axe("the follow-up page, Chinese"));

        browser.findElement(By.cssSelector("a.lang")).click();
        HeadlessChromium.until("the English follow-up page", () -> "en".equals(
                browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertEquals("Progress of your review", browser.findElement(By.tagName("h1")).getText());
        chromium.fullScreenshot("10-follow-up-en");
        violations.addAll(chromium.axe("the follow-up page, English"));

        // 追评: the feedback opens the follow-up rating; given once, the page says what was given.
        browser.findElement(By.cssSelector("a.lang")).click();
        WebElement form = browser.findElement(By.id("follow-up-form"));
        form.findElement(By.cssSelector("label.level-4")).click();
        browser.findElement(By.id("follow-up-text")).sendKeys("态度明显改善");
        chromium.fullScreenshot("11-follow-up-rating-form");
        violations.addAll(chromium.axe("the follow-up rating form"));
        browser.findElement(By.id("follow-up-submit")).click();
        HeadlessChromium.until("the follow-up rating recorded", () -> browser.getPageSource()
                .contains("您已对整改结果作出评价：满意"));
        assertTrue(browser.findElements(By.id("follow-up-form")).isEmpty(), "once only");
        chromium.fullScreenshot("12-follow-up-rated");
        assertTrue(violations.isEmpty(), "axe-core, serious or critical:\n" + String.join("\n", violations));
    }

    private static void publish(String rectificationId, EventPayload payload) {
        Instant now = Instant.now();
        TestEvents.publish(Topics.RECTIFICATIONS, EventEnvelope.of(payload, rectificationId, "220202", now, now, null,
                null, "rectification-service"));
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
