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
import org.hcp.events.EventEnvelope;
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
        assertTrue(chromium.browser.getTitle().contains("月度通报"), chromium.browser.getTitle());
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
        assertTrue(errata.contains("勘误") && errata.contains("bad"), errata);
        assertTrue(chromium.browser.findElement(By.id("figures")).getText().contains("75.00%"),
                "the bulletin itself is as published");
        chromium.screenshot("bulletin-03-erratum");
    }
}
