package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcp.events.Channel;
import org.hcp.events.EvaluatorType;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 28: the staff at work in a real browser, on the packaged services (ConsoleStack). A handling unit signs in
 * through the sign-in page and takes a real-name bad review from assignment to closing, with a callback (the
 * evaluator's contact revealed on request) and feedback, and appeals another with a PDF; its bureau verifies the
 * rectification, decides the appeal, reviews an integrity flag and publishes a month's bulletin. Then every screen
 * of both roles is drawn in Chinese, in English and at tablet width, screenshotted
 * ({@code system-tests/target/screenshots/workbench-*.png}) and checked with axe-core: no serious or critical
 * violation.
 */
class WorkbenchBrowserTest {

    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(1));
    private static final String CHANNEL = DevTokens.mint("channel", null, Duration.ofHours(1));
    /** A county of this test's own: its bulletins are nobody else's. */
    private static final String COUNTY = "370923";

    private static ConsoleStack services;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startTheServicesAndTheBrowser() throws Exception {
        HeadlessChromium.requireBrowser("the workbench browser test");
        services = ConsoleStack.start();
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

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) chromium.browser;
    }

    private static WebElement find(String css) {
        return chromium.browser.findElement(By.cssSelector(css));
    }

    /** Signs out, then in as the person whose button carries this role and scope on the sign-in page. */
    private static String signInAs(String role, String scope, String view) {
        chromium.browser.get(services.console.url("/console/"));
        js().executeScript("sessionStorage.clear(); location.hash = ''; location.reload();");
        HeadlessChromium.until("the sign-in page", () -> "signin".equals(find("body").getAttribute("data-ready"))
                && !chromium.browser.findElements(By.cssSelector("button.person")).isEmpty());
        find("button.person[data-role=" + role + "][data-scope='" + scope + "']").click();
        return chromium.awaitView(view);
    }

    /** Fills a step's form (field name → value; a select by its value) and submits it; the page is drawn again. */
    private static String submit(String form, Map<String, String> values, String view) {
        for (Map.Entry<String, String> v : values.entrySet()) {
            WebElement field = find("#" + form + " [name=" + v.getKey() + "]");
            if (field.getTagName().equals("select")) {
                new Select(field).selectByValue(v.getValue());
            } else {
                field.clear();
                field.sendKeys(v.getValue());
            }
        }
        js().executeScript("document.body.dataset.ready = ''");
        find("#" + form + " button[type=submit]").click();
        return chromium.awaitView(view);
    }

    private static String open(String hash, String view) {
        js().executeScript("location.hash = arguments[0]", hash);
        return chromium.awaitView(view);
    }

    @Test
    void aUnitWorksItsBadReviewsAndItsBureauActsInTheBrowserOnEveryScreenInBothLanguagesAndOnATablet()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String centre = "WB-C-" + suffix;
        String centreName = "东平县政务服务中心" + suffix;
        String window = centre + "-W01";
        String directory = """
                [{"kind":"REGION","code":"370000","name":"山东省"},
                 {"kind":"REGION","code":"370900","name":"泰安市","regionCode":"370000"},
                 {"kind":"REGION","code":"%1$s","name":"东平县","regionCode":"370900"},
                 {"kind":"ITEM","code":"ITEM-BIZ-LICENSE","name":"个体工商户设立登记","attributes":{"itemKind":"行政许可"}},
                 {"kind":"INSTITUTION","code":"%2$s","name":"%3$s","regionCode":"%1$s","attributes":{"institutionKind":"CENTRE"}},
                 {"kind":"WINDOW","code":"%4$s","name":"综合受理窗口1","institutionCode":"%2$s"},
                 {"kind":"STAFF","code":"%2$s-S01","name":"赵敏","institutionCode":"%2$s"}]"""
                .formatted(COUNTY, centre, centreName, window);
        int imported = services.intake.call(ADMIN, "POST", "/api/v1/directory/import", directory).statusCode();
        assertEquals(200, imported, "the directory import");

        // Two real-name bad reviews of the centre, through intake as a window's rating pad sends them.
        String closedCase = "WB-" + suffix + "-1";
        String appealedCase = "WB-" + suffix + "-2";
        for (String caseNumber : List.of(closedCase, appealedCase)) {
            String report = """
                    {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"%s",
                     "windowCode":"%s","staffId":"%s-S01","completedAt":"%s",
                     "evaluator":{"type":"NATURAL_PERSON","id":"370923199001011234","name":"李四","mobile":"13900001111"}}"""
                    .formatted(caseNumber, centre, window, centre, Instant.now().minusSeconds(300));
            assertEquals(202, services.intake.call(CHANNEL, "POST", "/api/v1/cases", report).statusCode());
            // real-name: the evaluator names themself on the rating too (R2.2)
            String rating = """
                    {"ratingId":"%1$s-R","caseNumber":"%1$s","channel":"WINDOW_DEVICE","level":2,"tags":["WAITING"],
                     "evaluator":{"type":"NATURAL_PERSON","id":"370923199001011234"}}""".formatted(caseNumber);
            assertEquals(202, services.intake.call(CHANNEL, "POST", "/api/v1/ratings", rating).statusCode());
        }
        String handler = DevTokens.mint("handler", centre, Duration.ofHours(1));
        HeadlessChromium.until("both rectifications are open", () -> {
            try {
                String ledger = services.rectification.call(handler, "GET", "/api/v1/rectifications", null).body();
                return ledger.contains(closedCase) && ledger.contains(appealedCase);
            } catch (Exception e) {
                return false;
            }
        });
        // And a burst of good ratings from the window's own pad, which the integrity rules flag (R6.3).
        Instant start = Instant.now().minusSeconds(1800);
        for (int i = 0; i < 6; i++) {
            Instant at = start.plusSeconds(60L * i);
            String id = "wb-burst-" + suffix + "-" + i;
            TestEvents.publish(Topics.RATINGS, EventEnvelope.of(new RatingSubmitted(id, "C-" + id,
                    org.hcp.events.CaseKind.INSTANT, "ITEM-BIZ-LICENSE", centre, window, centre + "-S01", null,
                    COUNTY, Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE.nationalPf(), 5, List.of(), null, null,
                    EvaluatorType.NATURAL_PERSON, "p-burst-" + suffix + i, RatingOrigin.EVALUATOR, 1, at,
                    at.minusSeconds(30), RatingScope.CASE, null, null, null, null), id, COUNTY, at, at, null, null,
                    "test"));
        }
        String bureau = DevTokens.mint("bureau", COUNTY, Duration.ofHours(1));
        HeadlessChromium.until("the burst is flagged", () -> {
            try {
                return services.appeal.call(bureau, "GET", "/api/v1/integrity-flags?region=" + COUNTY, null).body()
                        .contains("DEVICE_BURST");
            } catch (Exception e) {
                return false;
            }
        });

        // ---- the handling unit ----
        chromium.browser.get(services.console.url("/console/"));
        js().executeScript("sessionStorage.clear(); location.hash = ''; location.reload();");
        HeadlessChromium.until("the sign-in page's people",
                () -> !chromium.browser.findElements(By.cssSelector("button.person")).isEmpty());
        chromium.screenshot("workbench-00-sign-in");
        List<String> signInPage = chromium.axe("the sign-in page");
        assertTrue(signInPage.isEmpty(), String.join("\n", signInPage));
        String tasks = signInAs("handler", centre, "tasks");
        chromium.screenshot("workbench-01-handler-tasks");
        assertTrue(tasks.contains(closedCase) && tasks.contains(appealedCase) && tasks.contains("个体工商户设立登记")
                && tasks.contains(centreName) && tasks.contains("待办理") && tasks.contains("指定责任人")
                && tasks.contains("排队等候久"), "names and words, not codes: " + tasks);
        assertTrue(!tasks.contains("ITEM-BIZ-LICENSE") && !tasks.contains(centre + " ") && !tasks.contains("OPEN"),
                tasks);
        assertTrue(find("#scope").getText().contains(centreName), find("#scope").getText());
        HeadlessChromium.until("the counts on the tabs",
                () -> !chromium.browser.findElements(By.cssSelector("nav a[data-view=tasks] .count")).isEmpty());
        assertEquals("2", find("nav a[data-view=tasks] .count").getText(), "counts on the tab");

        String rectificationId = closedCase + "-R";
        chromium.browser.findElement(By.xpath("//table[@id='task-table']//a[.='" + closedCase + "']")).click();
        String page = chromium.awaitView("rectification");
        assertTrue(page.contains("待办理") && page.contains("指定责任人") && page.contains("综合受理窗口1"), page);
        page = submit("form-assign", Map.of("responsiblePerson", "孙主任"), "rectification");
        assertTrue(page.contains("已指派") && page.contains("孙主任"), page);

        // R2.2 with R6.1: masked until asked for, for the callback; intake records the reading.
        String masked = find("#contact").getText();
        assertTrue(!masked.contains("13900001111") && !masked.contains("李四"), masked);
        find("#reveal-contact").click();
        HeadlessChromium.until("the contact", () -> find("#contact").getText().contains("13900001111"));
        assertTrue(find("#contact").getText().contains("李四"), find("#contact").getText());
        chromium.fullScreenshot("workbench-02-handler-rectification-callback");
        page = submit("form-callback", Map.of("result", "REACHED", "note", "已电话联系评价人"), "rectification");
        assertTrue(page.contains("已联系上") && !page.contains("13900001111"), "the contact is not kept: " + page);
        page = submit("form-classify", Map.of("classification", "CLEAR", "reason", "高峰期叫号等候超过一小时"),
                "rectification");
        // R2.3: a clear case is rectified by the end of a working day: its countdown in working days
        assertTrue(page.contains("已定性") && (page.contains("个工作日") || page.contains("今日")), page);
        page = submit("form-resolve", Map.of("resolution", "RECTIFIED", "measures", "增开高峰时段窗口"),
                "rectification");
        assertTrue(page.contains("已整改"), page);
        page = submit("form-feedback", Map.of("means", "PHONE", "summary", "告知已增开窗口"), "rectification");
        assertTrue(page.contains("反馈评价人") && page.contains("告知已增开窗口"), page);

        // The second bad review: appealed within its window, with a PDF.
        open("#rectification/" + appealedCase + "-R", "rectification");
        assertTrue(find("#form-appeal").getText().contains("剩"), "the window's countdown");
        Path pdf = Files.createTempFile("evidence-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.US_ASCII);
        find("#form-appeal input[type=file]").sendKeys(pdf.toString());
        String filed = submit("form-appeal", Map.of("appellant", "STAFF", "grounds", "当日系统故障，已现场致歉"),
                "appeal");
        assertTrue(filed.contains("待复核") && filed.contains(pdf.getFileName().toString())
                && filed.contains("当日系统故障"), filed);
        chromium.fullScreenshot("workbench-03-handler-appeal-filed");

        // ---- the bureau ----
        signInAs("bureau", COUNTY, "overview");
        String verified = open("#rectification/" + rectificationId, "rectification");
        assertTrue(verified.contains("已整改") && verified.contains("监管核实"), verified);
        verified = submit("form-verify", Map.of("note", "回访评价人，确认已整改"), "rectification");
        assertTrue(verified.contains("已核实"), verified);

        String queue = open("#appeals", "appeals");
        assertTrue(queue.contains(appealedCase) && queue.contains(centreName), queue);
        chromium.browser.findElement(By.xpath("//table[@id='appeal-table']//a[.='" + appealedCase + "']")).click();
        String file = chromium.awaitView("appeal");
        assertTrue(file.contains(pdf.getFileName().toString()), file);
        file = submit("form-verification", Map.of("method", "FILE_REVIEW", "finding", "调阅当日系统日志"), "appeal");
        file = submit("form-decision", Map.of("outcome", "UPHELD", "reason", "系统故障所致，非服务问题"), "appeal");
        assertTrue(find("#appeal-status").getText().equals("申诉成立"), file);
        chromium.fullScreenshot("workbench-04-bureau-appeal-decided");

        String flags = open("#flags", "flags");
        assertTrue(flags.contains("窗口评价器集中好评") && flags.contains("待核查"), flags);
        chromium.browser.findElement(By.cssSelector("#flag-table a")).click();
        String flag = chromium.awaitView("flag");
        assertTrue(flag.contains("综合受理窗口1") && flag.contains("窗口评价器"), flag);
        flag = submit("form-review", Map.of("outcome", "NOT_ADOPTED", "reason", "同一设备集中评价，系刷好评"), "flag");
        assertTrue(find("#flag-status-badge").getText().contains("不予采纳"), flag);
        chromium.fullScreenshot("workbench-05-bureau-flag-reviewed");

        open("#bulletins", "bulletins");
        new Select(find("#form-publish [name=scope]")).selectByValue("REGION");
        String published = submit("form-publish", Map.of("code", COUNTY), "bulletins");
        assertTrue(published.contains("东平县") && published.contains("PDF")
                && (published.contains("已发布") || published.contains("通报已发布过")), published);
        chromium.fullScreenshot("workbench-06-bureau-bulletin-published");

        // ---- the unit closes what its bureau verified ----
        signInAs("handler", centre, "tasks");
        page = open("#rectification/" + rectificationId, "rectification");
        page = submit("form-close", Map.of(), "rectification");
        assertTrue(page.contains("已办结"), page);

        List<String> violations = new ArrayList<>();
        String notices = open("#notices", "notices");
        assertTrue(notices.contains(appealedCase) && notices.contains("申诉成立"), notices);

        // ---- the public (R2.7, R4.3, R4.7): the result and the bulletins at the console's address, no sign-in ----
        String results = services.console.url("/public/rectification-results?institution=" + centre);
        HeadlessChromium.until("the unit's name on the results page", () -> {
            chromium.browser.get(results);
            return chromium.browser.getPageSource().contains(centreName);
        });
        String shown = find("#results").getText();
        assertTrue(shown.contains(centreName) && shown.contains("个体工商户设立登记") && shown.contains("增开高峰时段窗口"),
                shown);
        for (String personal : List.of("李四", "13900001111", "370923199001011234", closedCase)) {
            assertFalse(chromium.browser.getPageSource().contains(personal), "R4.7: never " + personal);
        }
        chromium.fullScreenshot("public-results-desktop");
        violations.addAll(chromium.axe("public results"));
        chromium.browser.manage().window().setSize(new Dimension(390, 844));
        chromium.browser.get(results);
        chromium.fullScreenshot("public-results-phone");
        chromium.browser.get(services.console.url("/public/bulletins?region=" + COUNTY));
        assertTrue(find("#bulletins").getText().contains("东平县"), find("#bulletins").getText());
        chromium.fullScreenshot("public-bulletins-phone");
        chromium.browser.manage().window().setSize(new Dimension(1280, 1000));
        chromium.browser.get(services.console.url("/public/bulletins?region=" + COUNTY));
        chromium.fullScreenshot("public-bulletins-desktop");
        violations.addAll(chromium.axe("public bulletins"));


        // ---- every screen, in both languages and on a tablet, with axe-core ----
        Map<String, String> handlerScreens = new LinkedHashMap<>();
        handlerScreens.put("tasks", "tasks");
        handlerScreens.put("rectification/" + rectificationId, "rectification");
        handlerScreens.put("myAppeals", "myAppeals");
        handlerScreens.put("appeal/" + appealedCase + "-R", "appeal");
        handlerScreens.put("notices", "notices");
        Map<String, String> bureauScreens = new LinkedHashMap<>();
        for (String view : List.of("overview", "drill", "rankings", "tags", "rectifications", "appeals", "flags",
                "credit", "bulletins")) {
            bureauScreens.put(view, view);
        }
        bureauScreens.put("rectification/" + rectificationId, "rectification");
        bureauScreens.put("appeal/" + appealedCase + "-R", "appeal");
        int screens = 0;
        for (String who : List.of("handler", "bureau")) {
            Map<String, String> screensOf = who.equals("handler") ? handlerScreens : bureauScreens;
            for (String layout : List.of("zh", "en", "tablet")) {
                signInAs(who, who.equals("handler") ? centre : COUNTY, who.equals("handler") ? "tasks" : "overview");
                chromium.browser.manage().window().setSize(layout.equals("tablet") ? new Dimension(768, 1024)
                        : new Dimension(1280, 1000));
                if (layout.equals("en")) {
                    find("#lang").click();
                    chromium.awaitView(who.equals("handler") ? "tasks" : "overview");
                }
                for (Map.Entry<String, String> screen : screensOf.entrySet()) {
                    String text = open("#" + screen.getKey(), screen.getValue());
                    assertTrue(layout.equals("en") != containsChinese(find("nav").getText()),
                            layout + " " + screen.getKey() + ": " + find("nav").getText());
                    chromium.fullScreenshot("workbench-" + who + "-" + layout + "-"
                            + screen.getKey().replaceAll("[^A-Za-z]+.*", ""));
                    violations.addAll(chromium.axe(who + " " + layout + " " + screen.getKey()));
                    assertTrue(!text.isBlank(), screen.getKey());
                    screens++;
                }
                if (layout.equals("en")) {
                    find("#lang").click();
                }
            }
        }
        chromium.browser.manage().window().setSize(new Dimension(1280, 1000));
        assertEquals(3 * (handlerScreens.size() + bureauScreens.size()), screens);
        assertTrue(violations.isEmpty(), "axe-core, serious or critical:\n" + String.join("\n", violations));

        // Ten minutes before the session ends, the page says so (and when it has ended, it signs out).
        String ending = DevTokens.mint("handler", centre, Duration.ofMinutes(9));
        chromium.browser.get("about:blank");
        chromium.browser.get(services.console.url("/console/#token=" + ending));
        chromium.awaitView("tasks");
        HeadlessChromium.until("the warning", () -> find("#session-warning").isDisplayed());
        assertTrue(find("#session-warning").getText().contains("过期"), find("#session-warning").getText());
        chromium.screenshot("workbench-07-session-ending");
    }

    private static boolean containsChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
