package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.DirectoryKind;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisor console (R4, role bureau) in a real browser: the packaged console in front of intake, reporting,
 * rectification and appeal services on real Kafka and PostgreSQL, a county's bureau signed in through the address {@code ./hcp console}
 * prints. Every screen is visited and its data checked, in Chinese, in English and on a tablet. Screenshots in
 * {@code system-tests/target/screenshots/console-*.png}.
 */
class ConsoleBrowserTest {

    private static final String COUNTY = "370911";
    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(1));
    private static final String BUREAU = DevTokens.mint("bureau", COUNTY, Duration.ofHours(1));

    private static ServiceProcess intake;
    private static ServiceProcess reporting;
    private static ServiceProcess console;
    private static ServiceProcess rectification;
    private static ServiceProcess appeal;
    private static HeadlessChromium chromium;
    private static ConsoleStack services;

    @BeforeAll
    static void startTheServicesAndTheBrowser() throws Exception {
        HeadlessChromium.requireBrowser("the console browser test");
        services = ConsoleStack.start();
        intake = services.intake;
        rectification = services.rectification;
        appeal = services.appeal;
        reporting = services.reporting;
        console = services.console;
        chromium = HeadlessChromium.start(1280, 1000);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (services != null) {
            services.close();
        }
    }

    private static boolean answers(ServiceProcess service, String token, String path, String expected) {
        try {
            return service.call(token, "GET", path, null).body().contains(expected);
        } catch (Exception e) {
            return false;
        }
    }

    /** Clicks a tab or a row and waits until the console says the view is drawn. */
    private static String show(By target, String view) {
        chromium.browser.findElement(target).click();
        return waitFor(view);
    }

    private static String waitFor(String view) {
        return chromium.awaitView(view);
    }

    @Test
    void r4_theBureausConsoleShowsEveryScreenFromTheStatisticsTheLedgerAndTheAppealQueue() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String centre = "CON-C-" + suffix;
        String station = "CON-S-" + suffix;
        Instant now = Instant.now();
        List<EventEnvelope<RatingSubmitted>> ratings = new ArrayList<>();
        int[] centreLevels = {5, 5, 5, 5, 4, 4, 3, 2, 1, 1};
        for (int i = 0; i < centreLevels.length; i++) {
            ratings.add(TestEvents.rating(COUNTY, centre, centre + "-W0" + (i % 2 + 1), centre + "-P" + (i % 3),
                    centreLevels[i], now.minusSeconds(60)));
        }
        for (int level : new int[] {5, 5, 5, 4, 4, 2}) {
            ratings.add(TestEvents.rating(COUNTY, station, station + "-W01", station + "-P0", level,
                    now.minusSeconds(60)));
        }
        // A bad review a past month's bulletin counts.
        Instant february = Instant.parse("2025-02-12T02:00:00Z");
        for (int level : new int[] {5, 4, 1}) {
            ratings.add(TestEvents.rating(COUNTY, centre, centre + "-W01", centre + "-P0", level, february));
        }
        ratings.forEach(TestEvents::publish);

        YearMonth month = YearMonth.from(now.atZone(ZoneId.of("Asia/Shanghai")));
        String figures = "/api/v1/stats/figures?institution=" + centre + "&from=" + month.atDay(1) + "&to="
                + month.atEndOfMonth();
        HeadlessChromium.until("the statistics count the month",
                () -> answers(reporting, ADMIN, figures, "\"ratings\":10,"));
        HeadlessChromium.until("the ledger has the centre's four bad reviews", () -> answers(rectification, ADMIN,
                "/api/v1/rectifications/summary?institution=" + centre, "\"badReviews\":4"));
        RatingSubmitted appealed = ratings.get(8).payload();
        String filing = "{\"ratingId\":\"%s\",\"appellant\":\"STAFF\",\"grounds\":\"误触评价器\"}"
                .formatted(appealed.ratingId());
        String handler = DevTokens.mint("handler", centre, Duration.ofHours(1));
        HeadlessChromium.until("the appeal is filed", () -> {
            try {
                return appeal.call(handler, "POST", "/api/v1/appeals", filing).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        // 409 while the statistics are still reading the log (R4.3: never from a read model catching up).
        HeadlessChromium.until("February's bulletin is published", () -> {
            try {
                int status = reporting.call(ADMIN, "POST", "/api/v1/bulletins",
                        "{\"month\":\"2025-02\",\"scope\":\"REGION\",\"code\":\"" + COUNTY + "\"}").statusCode();
                return status == 201 || status == 200;
            } catch (Exception e) {
                return false;
            }
        });

        // Signed in as ./hcp console does it: the token in the fragment.
        // Signed out, the console shows its sign-in and nothing else: no tabs, no filters (issue 28: the tabs'
        // display:flex used to beat the hidden attribute).
        chromium.browser.get(console.url("/console/"));
        ((JavascriptExecutor) chromium.browser).executeScript("sessionStorage.clear(); location.reload();");
        HeadlessChromium.until("the sign-in screen", () -> {
            try {
                return chromium.browser.findElement(By.id("signin")).isDisplayed();
            } catch (WebDriverException reloading) {
                return false;
            }
        });
        assertTrue(!chromium.browser.findElement(By.id("nav")).isDisplayed()
                && !chromium.browser.findElement(By.id("filters")).isDisplayed(), "tabs hidden while signed out");
        chromium.screenshot("console-00-signed-out");
        chromium.browser.get(console.url("/console/?from=" + month + "&to=" + month + "#token=" + BUREAU));
        String overview = waitFor("overview");
        assertTrue(overview.contains("评价数") && overview.contains("好评率") && overview.contains("整改率"), overview);
        // Issue 28: the role and the region in words, not codes.
        assertTrue(chromium.browser.findElement(By.id("scope")).getText().startsWith("监管部门 · "),
                chromium.browser.findElement(By.id("scope")).getText());
        assertTrue(!chromium.browser.getCurrentUrl().contains("token="), "the token leaves the address bar");
        for (String chart : List.of("trend-chart", "channel-chart", "below-chart")) {
            assertTrue(chromium.browser.findElement(By.id(chart)).getSize().getHeight() > 100
                    && !chromium.browser.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty(), chart);
        }
        // docs/rules.md: while this year's or (from 1 November) next year's official calendar is missing, deadlines
        // are provisional and the supervisor is told so on every screen.
        List<Integer> missing = WorkingCalendar.shipped().missingYears(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        HeadlessChromium.until("the calendar check answered", () -> missing.isEmpty()
                || chromium.browser.findElement(By.id("calendar-warning")).isDisplayed());
        WebElement banner = chromium.browser.findElement(By.id("calendar-warning"));
        if (missing.isEmpty()) {
            assertTrue(!banner.isDisplayed(), banner.getText());
        } else {
            assertTrue(banner.getText().contains(missing.get(missing.size() - 1) + " 年")
                    && banner.getText().contains("临时期限"), banner.getText());
        }
        chromium.screenshot("console-01-overview");

        String drill = show(By.cssSelector("nav a[data-view=drill]"), "drill");
        assertTrue(drill.contains(centre) && drill.contains(station), drill);
        chromium.screenshot("console-02-drill-county");
        String institution = show(By.xpath("//table[@id='drill-table']//td[contains(., '" + centre + "')]"), "drill");
        assertTrue(institution.contains(centre + "-W01") && institution.contains(centre + "-P2"), institution);
        chromium.screenshot("console-03-drill-institution");
        String window = show(By.xpath("//table[@id='window-table']//td[contains(., '" + centre + "-W01')]"), "drill");
        assertTrue(chromium.browser.findElement(By.id("crumbs")).getText().contains(centre + "-W01"), window);
        assertEquals("5", chromium.browser.findElement(By.cssSelector("#kpis .kpi .v")).getText(),
                "the window's ratings this month: " + window);
        chromium.screenshot("console-04-drill-window");

        String rankings = show(By.cssSelector("nav a[data-view=rankings]"), "rankings");
        assertTrue(rankings.contains(centre) && rankings.contains(station) && rankings.contains(" – "), rankings);
        chromium.screenshot("console-05-rankings");

        String tags = show(By.cssSelector("nav a[data-view=tags]"), "tags");
        assertTrue(tags.contains("办理时间长"), "R4.6 with the catalogue's name: " + tags);
        chromium.screenshot("console-06-tags");

        String ledger = show(By.cssSelector("nav a[data-view=rectifications]"), "rectifications");
        assertTrue(ledger.contains(centre) && ledger.contains(station), ledger);
        // Issue 28: statuses in words.
        assertTrue(ledger.contains("待办理") && !ledger.contains("OPEN"), ledger);
        chromium.screenshot("console-07-rectifications");

        String appeals = show(By.cssSelector("nav a[data-view=appeals]"), "appeals");
        assertTrue(appeals.contains(appealed.caseNumber()) && appeals.contains("待复核"), appeals);
        // Issue 28: every time in Beijing time, whatever the browser's zone (the API answers instants in UTC).
        String filedAt = "";
        for (JsonNode item : EventJson.mapper().readTree(appeal.call(ADMIN, "GET", "/api/v1/appeals?region=" + COUNTY,
                null).body()).path("items")) {
            if (item.path("ratingId").asText().equals(appealed.ratingId())) {
                filedAt = item.path("filedAt").asText();
            }
        }
        String beijing = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"))
                .format(Instant.parse(filedAt));
        assertTrue(appeals.contains(beijing), "filed " + filedAt + ", in Beijing " + beijing + ": " + appeals);
        chromium.screenshot("console-08-appeals");

        show(By.cssSelector("nav a[data-view=bulletins]"), "bulletins");
        // A month is chosen from a list (issue 28: <input type=month> does not work in desktop Firefox).
        new Select(chromium.browser.findElement(By.id("bulletin-month"))).selectByValue("2025-02");
        String bulletins = waitFor("bulletins");
        assertTrue(bulletins.contains("区域") && bulletins.contains("PDF"), bulletins);
        chromium.screenshot("console-09-bulletins");

        chromium.browser.findElement(By.id("lang")).click();
        String english = waitFor("bulletins");
        assertTrue(chromium.browser.findElement(By.id("nav")).getText().contains("Overview")
                && english.contains("Bulletin"), english);
        show(By.cssSelector("nav a[data-view=overview]"), "overview");
        chromium.screenshot("console-10-overview-english");

        chromium.browser.manage().window().setSize(new Dimension(768, 1024));
        chromium.browser.findElement(By.id("lang")).click();
        waitFor("overview");
        chromium.screenshot("console-11-overview-tablet");
    }

    /** A directory entry as intake publishes it, with whatever name an import gave it. */
    private static EventEnvelope<DirectoryEntryRecorded> named(DirectoryKind kind, String code, String institution,
            String name) {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        return EventEnvelope.of(new DirectoryEntryRecorded(kind, code, 1, name, COUNTY, institution, Map.of(), true,
                from), DirectoryEntryRecorded.key(kind, code), COUNTY, from, Instant.now(), null, null, "test");
    }

    /**
     * Issue 25, 4: names imported as HTML never become HTML in the console. Hostile institution, window and staff
     * names are rated; every chart of every screen is hovered across its width so that each tooltip is drawn; no
     * element the names carry may exist in the page, and the console answers with a strict Content-Security-Policy.
     */
    @Test
    void hostileNamesInTheDirectoryStayTextInEveryChartAndTooltip() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String centre = "XSS-C-" + suffix;
        String payload = "<img src=x class=hcp-injected onerror=\"document.title='pwned'\">";
        TestEvents.publishAll(Topics.DIRECTORY, List.of(
                named(DirectoryKind.INSTITUTION, centre, null, payload + "中心"),
                named(DirectoryKind.WINDOW, centre + "-W01", centre, payload + "窗口"),
                named(DirectoryKind.STAFF, centre + "-P0", centre, payload + "工作人员")));
        Instant now = Instant.now();
        for (int level : new int[] {5, 4, 2, 1, 5, 3}) {
            TestEvents.publish(TestEvents.rating(COUNTY, centre, centre + "-W01", centre + "-P0", level,
                    now.minusSeconds(120)));
        }
        YearMonth month = YearMonth.from(now.atZone(ZoneId.of("Asia/Shanghai")));
        HeadlessChromium.until("the statistics know the hostile name",
                () -> answers(reporting, ADMIN, "/api/v1/stats/figures?region="
                + COUNTY + "&by=institution&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth(), "hcp-injected"));
        HeadlessChromium.until("the ledger has the bad reviews", () -> answers(rectification, ADMIN,
                "/api/v1/rectifications/summary?institution=" + centre, "\"badReviews\":2"));

        String policy = console.call(null, "GET", "/console/", null).headers().firstValue("Content-Security-Policy")
                .orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        var script = console.call(null, "GET", "/console/console.js", null);
        assertEquals("no-cache", script.headers().firstValue("Cache-Control").orElse(""),
                "no version in the file's name: the browser asks again");
        assertEquals("nosniff", reporting.call(ADMIN, "GET", "/api/v1/stats/satisfaction?region=" + COUNTY, null)
                .headers().firstValue("X-Content-Type-Options").orElse(""));

        chromium.browser.manage().window().setSize(new Dimension(1280, 1000));
        chromium.browser.get("about:blank");
        chromium.browser.get(console.url("/console/?from=" + month + "&to=" + month + "#token=" + BUREAU));
        waitFor("overview");
        int hovered = 0;
        for (String view : List.of("overview", "drill", "rankings", "tags", "rectifications", "appeals",
                "bulletins")) {
            show(By.cssSelector("nav a[data-view=" + view + "]"), view);
            hovered += hoverEveryChart();
            assertNothingInjected(view);
        }
        show(By.cssSelector("nav a[data-view=drill]"), "drill");
        show(By.xpath("//table[@id='drill-table']//td[contains(., '中心')]"), "drill");
        hovered += hoverEveryChart();
        assertNothingInjected("drill, the hostile institution");
        assertTrue(hovered >= 5, "charts hovered: " + hovered);
        show(By.cssSelector("nav a[data-view=rankings]"), "rankings");
        hoverEveryChart();
        chromium.screenshot("console-12-hostile-names-rankings");
        assertTrue(chromium.browser.findElement(By.id("view-rankings")).getText().contains("<img src=x"),
                "the name is shown as the text it is");
        // The console keeps the page; the next test signs in afresh.
        chromium.browser.get("about:blank");
    }

    /** Moves the mouse across every chart on the screen; answers how many charts it hovered. */
    private static int hoverEveryChart() {
        List<WebElement> charts = chromium.browser.findElements(By.cssSelector(".chart"));
        for (WebElement chart : charts) {
            if (chart.getSize().getHeight() < 20) {
                continue;
            }
            ((JavascriptExecutor) chromium.browser).executeScript("arguments[0].scrollIntoView({block:'center'})",
                    chart);
            int width = chart.getSize().getWidth();
            int height = chart.getSize().getHeight();
            for (int x = -width / 2 + 20; x < width / 2 - 10; x += Math.max(12, width / 24)) {
                for (int y : new int[] {-height / 4, 0, height / 4}) {
                    new Actions(chromium.browser).moveToElement(chart, x, y).perform();
                }
            }
        }
        return charts.size();
    }

    private static void assertNothingInjected(String where) {
        Object injected = ((JavascriptExecutor) chromium.browser).executeScript(
                "return document.querySelectorAll('img.hcp-injected, img[src=\"x\"]').length;");
        assertEquals(0L, injected, where + ": a name became an element");
        assertTrue(!"pwned".equals(chromium.browser.getTitle()), where + ": a name's script ran");
    }
}
