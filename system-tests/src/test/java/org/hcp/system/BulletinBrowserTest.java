package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.hcp.events.Channel;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * R4.3 / R4.7: a public bulletin in a real browser, from the packaged reporting service on real Kafka and PostgreSQL,
 * on a laptop and on a tablet, before and after an upheld appeal in its month. Screenshots in
 * {@code system-tests/target/screenshots/bulletin-*.png}.
 */
class BulletinBrowserTest {

    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(1));
    private static final String COUNTY = "220204";

    private static ServiceProcess reporting;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startReportingAndTheBrowser() throws IOException {
        HeadlessChromium.requireBrowser("the bulletin browser test");
        // The test writes the ratings itself, as no producer with a watermark: the cut-off is the publication.
        reporting = new ServiceProcess("reporting-service", "reporting", LocalStack.shared())
                .with("HCP_BULLETIN_AWAIT_WATERMARKS", "false").start();
        chromium = HeadlessChromium.start(1280, 1600);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (reporting != null) {
            reporting.stop();
        }
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return reporting.call(ADMIN, method, path, body);
    }

    private static void awaitBody(String path, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!call("GET", path, null).body().contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered " + expected);
            }
            Thread.sleep(300);
        }
    }

    @Test
    void r4_3_aPublicBulletinRendersOnALaptopAndATabletAndShowsItsErratum() throws Exception {
        String institution = "BRW-" + UUID.randomUUID().toString().substring(0, 8);
        Instant february = Instant.parse("2025-02-12T02:00:00Z");
        List<EventEnvelope<RatingSubmitted>> ratings = new ArrayList<>();
        for (int level : new int[] {5, 5, 5, 4, 4, 3, 2, 1}) {
            ratings.add(TestEvents.rating(COUNTY, institution, level, february));
        }
        ratings.forEach(TestEvents::publish);
        String figures = "/api/v1/stats/figures?institution=" + institution + "&from=2025-02-01&to=2025-02-28";
        awaitBody(figures, "\"ratings\":8,");

        HttpResponse<String> published = call("POST", "/api/v1/bulletins",
                "{\"month\":\"2025-02\",\"scope\":\"REGION\",\"code\":\"" + COUNTY + "\"}");
        assertEquals(201, published.statusCode(), published.body());
        String page = reporting.url("/api/v1/bulletins/2025-02/REGION/" + COUNTY + "/bulletin.html");

        chromium.browser.get(page);
        assertTrue(chromium.browser.getTitle().contains("“好差评”情况通报"), chromium.browser.getTitle());
        String text = chromium.browser.findElement(By.id("figures")).getText();
        assertTrue(text.contains("好评率") && text.contains("75.00%"), text);
        assertFalse(chromium.browser.findElements(By.id("errata")).iterator().hasNext(), "no erratum yet");
        chromium.screenshot("bulletin-01-laptop");
        chromium.browser.manage().window().setSize(new Dimension(768, 1024));
        chromium.browser.get(page);
        chromium.screenshot("bulletin-02-tablet");

        RatingSubmitted worst = ratings.get(7).payload();
        Instant now = Instant.now();
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(new RatingNotAdopted(worst.ratingId(),
                worst.caseNumber(), "d-browser", true, "误评", "bureau:2202", now), worst.ratingId(), COUNTY, now, now,
                null, null, "test"));
        awaitBody(figures, "\"ratings\":7,");
        chromium.browser.manage().window().setSize(new Dimension(1280, 1600));
        chromium.browser.get(page);
        String errata = chromium.browser.findElement(By.id("errata")).getText();
        assertTrue(errata.contains("勘误") && errata.contains("差评数"), errata);
        assertTrue(chromium.browser.findElement(By.id("figures")).getText().contains("75.00%"),
                "the bulletin itself is as published");
        chromium.screenshot("bulletin-03-erratum");
    }

    private static final String PSEUDONYM = "ev_browser_bulletin";
    private static final String TEXT = "请打电话给我 13800138000";

    /** A rating as a window's pad sends it, real-name and with words: neither may reach a bulletin (R4.7). */
    private static EventEnvelope<RatingSubmitted> rated(String region, String institution, String staff, int level,
            Instant at) {
        String id = UUID.randomUUID().toString();
        RatingSubmitted p = new RatingSubmitted(id, "C-" + id.substring(0, 8), null, "ITEM-1", institution, null, staff,
                null, region, Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE.nationalPf(), level,
                level <= 2 ? List.of("WAITING") : List.of(), TEXT, List.of(), null, PSEUDONYM, RatingOrigin.EVALUATOR, 1,
                at, at, RatingScope.CASE, null, null, null, null);
        return EventEnvelope.of(p, id, region, at, Instant.now(), null, null, "test");
    }

    private static void named(DirectoryKind kind, String code, String name, String region) {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        TestEvents.publish(Topics.DIRECTORY, EventEnvelope.of(new DirectoryEntryRecorded(kind, code, 1, name, region,
                null, Map.of(), true, at), DirectoryEntryRecorded.key(kind, code), region, at, at, null, null, "test"));
    }

    /**
     * Issue 30: a city's bulletin comparing its districts, a district's, their English edition and the public index,
     * on a desktop and on a phone; nothing of an evaluator anywhere in them.
     */
    @Test
    void r4_3_aCitysAndADistrictsBulletinAndTheIndexRenderOnADesktopAndAPhone() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        named(DirectoryKind.REGION, "220200", "吉林市", "220200");
        named(DirectoryKind.REGION, "220202", "昌邑区", "220202");
        named(DirectoryKind.REGION, "220204", "船营区", "220204");
        String east = "CY-" + suffix;
        String west = "CHY-" + suffix;
        String small = "SMALL-" + suffix;
        named(DirectoryKind.INSTITUTION, east, "昌邑区政务服务中心" + suffix, "220202");
        named(DirectoryKind.INSTITUTION, west, "船营区政务服务中心" + suffix, "220204");
        named(DirectoryKind.INSTITUTION, small, "船营区便民服务站" + suffix, "220204");
        Instant march = Instant.parse("2025-03-12T02:00:00Z");
        Instant april = Instant.parse("2025-04-09T02:00:00Z");
        List<EventEnvelope<RatingSubmitted>> ratings = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ratings.add(rated("220202", east, null, i % 8 == 0 ? 2 : 5, march));
            ratings.add(rated("220204", west, null, i % 4 == 0 ? 1 : 4, march));
            ratings.add(rated("220202", east, null, 5, april));
            ratings.add(rated("220204", west, null, i % 3 == 0 ? 2 : 5, april));
        }
        ratings.add(rated("220204", small, null, 1, april));
        TestEvents.publishAll(Topics.RATINGS, ratings);
        awaitBody("/api/v1/stats/figures?region=2202&from=2025-04-01&to=2025-04-30", "\"ratings\":49,");

        for (String month : List.of("2025-03", "2025-04")) {
            HttpResponse<String> published = call("POST", "/api/v1/bulletins", "{\"month\":\"" + month + "\"}");
            assertTrue(published.statusCode() == 201 || published.statusCode() == 200, published.body());
        }
        String city = reporting.url("/api/v1/bulletins/2025-04/REGION/220200/bulletin.html");
        String district = reporting.url("/api/v1/bulletins/2025-04/REGION/220204/bulletin.html");
        String index = reporting.url("/public/bulletins?region=2202&month=2025-04");
        List<String> pages = new ArrayList<>();

        chromium.browser.manage().window().setSize(new Dimension(1280, 1000));
        chromium.browser.get(city);
        String summary = chromium.browser.findElement(By.id("summary")).getText();
        assertTrue(summary.startsWith("2025年4月，吉林市共收到政务服务评价"), summary);
        assertTrue(summary.contains("较上月"), "month-on-month: " + summary);
        assertTrue(chromium.browser.findElement(By.id("districts")).getText().contains("昌邑区")
                && chromium.browser.findElement(By.id("districts")).getText().contains("船营区"), "the districts");
        String ranking = chromium.browser.findElement(By.id("ranking")).getText();
        assertTrue(ranking.contains("样本不足") && ranking.contains("船营区便民服务站" + suffix),
                "the unit with one rating is listed, not ranked: " + ranking);
        assertTrue(chromium.browser.findElement(By.id("document-number")).getText().startsWith("吉市政数评〔2025〕4-"));
        assertTrue(chromium.browser.findElements(By.cssSelector("#levels img")).iterator().hasNext(), "a chart");
        pages.add(chromium.browser.getPageSource());
        chromium.fullScreenshot("bulletin-city-desktop");
        chromium.browser.get(district);
        assertTrue(chromium.browser.getTitle().startsWith("船营区政务服务"), chromium.browser.getTitle());
        pages.add(chromium.browser.getPageSource());
        chromium.fullScreenshot("bulletin-district-desktop");
        chromium.browser.get(city + "?lang=en");
        assertTrue(chromium.browser.findElement(By.id("summary")).getText().startsWith("In April 2025,"));
        pages.add(chromium.browser.getPageSource());
        chromium.fullScreenshot("bulletin-city-english");
        chromium.browser.get(index);
        String listed = chromium.browser.findElement(By.id("bulletins")).getText();
        assertTrue(listed.contains("吉林市") && listed.contains("昌邑区") && listed.contains("船营区政务服务中心" + suffix),
                listed);
        List<String> numbers = chromium.browser.findElements(By.cssSelector("#bulletins .meta")).stream()
                .map(m -> m.getText().split(" · ")[0]).toList();
        assertEquals(numbers.size(), new java.util.HashSet<>(numbers).size(), "a month's numbers never repeat: "
                + numbers);
        pages.add(chromium.browser.getPageSource());
        chromium.fullScreenshot("bulletin-index-desktop");
        List<String> violations = new ArrayList<>(chromium.axe("index"));

        chromium.browser.manage().window().setSize(new Dimension(390, 844));
        for (String[] page : new String[][] {{city, "city"}, {district, "district"}, {index, "index"}}) {
            chromium.browser.get(page[0]);
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) chromium.browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow <= 1, page[1] + " is wider than a phone by " + overflow + " px");
            violations.addAll(chromium.axe(page[1] + " on a phone"));
            chromium.fullScreenshot("bulletin-" + page[1] + "-phone");
        }
        chromium.browser.get(index.replace("month=2025-04", "month=2020-01"));
        assertTrue(chromium.browser.findElement(By.id("empty")).getText().contains("暂无"), "the empty state");
        chromium.browser.manage().window().setSize(new Dimension(1280, 1600));
        assertTrue(violations.isEmpty(), "axe-core, serious or critical:\n" + String.join("\n", violations));
        for (String page : pages) {
            assertFalse(page.contains(PSEUDONYM) || page.contains("13800138000") || page.contains("请打电话"),
                    "R4.7: never an evaluator or a rating's words");
            assertFalse(page.contains("WINDOW_DEVICE") || page.contains(">" + east + "<"), "names, never codes");
        }
    }
}
