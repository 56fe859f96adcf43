package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevSmsc;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.FakeHotline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 29's loop on the packaged services, each its own process on a real broker and database, with jSMPP's SMSC and
 * a fake 12345 platform: a case reported with a mobile in quiet hours gets its SMS invitation only when they end; the
 * citizen rates 2 through the SMS link; the bad review goes to 12345 once; the unit works it and gives feedback; the
 * SMSC gets the feedback with the short link; the page shows the timeline; the follow-up rating is taken once;
 * reporting counts it; 12345's reply becomes a step.
 */
class CitizenLoopSystemTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CHANNEL = DevTokens.mint("channel", null, Duration.ofHours(1));
    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(1));
    private static final String HANDLER = DevTokens.mint("handler", "JL-CY-CENTRE", Duration.ofHours(1));
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/r/[A-Za-z0-9_-]{22}");
    /** The test's quiet hours end this long after the services start. */
    private static final Duration QUIET_FOR = Duration.ofSeconds(40);

    private static DevSmsc smsc;
    private static FakeHotline hotline;
    private static ServiceProcess intake;
    private static ServiceProcess rectification;
    private static ServiceProcess reporting;
    private static Instant quietUntil;

    @BeforeAll
    static void start() throws IOException {
        LocalStack stack = LocalStack.shared();
        smsc = DevSmsc.start();
        hotline = new FakeHotline();
        Path dir = Files.createTempDirectory("hcp-citizen-loop");
        // Changyi district (220202) for this run: bad reviews go to 12345, and quiet hours end in QUIET_FOR.
        quietUntil = Instant.now().plus(QUIET_FOR);
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        LocalTime to = quietUntil.atZone(CHINA).toLocalTime();
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("220202-test.json"), """
                {"regionCode":"220202","effectiveFrom":"2019-01-01","name":"昌邑区（系统测试）","source":"a test policy",
                 "hotlineWorkOrders":true,
                 "messaging":{"sends":["INVITATION","FEEDBACK"],"quietFrom":"%s","quietTo":"%s","dailyCapPerPhone":5}}"""
                .formatted(to.minusHours(2).format(hms), to.format(hms)));
        Path subscribers = dir.resolve("subscribers.json");
        Files.writeString(subscribers, """
                [{"id":"%s","regionPrefix":"2202","url":"%s","key":"%s"}]"""
                .formatted(FakeHotline.ID, hotline.url(), hotline.keyBase64()));
        intake = new ServiceProcess("intake-service", "intake", stack).with("HCP_POLICIES_DIR", policies.toString())
                .with("HCP_SMS_SMPP_HOST", "127.0.0.1").with("HCP_SMS_SMPP_PORT", Integer.toString(smsc.port()))
                .with("HCP_SMS_SENDER_INTERVAL", "PT1S").start();
        rectification = new ServiceProcess("rectification-service", "rectification", stack)
                .with("HCP_POLICIES_DIR", policies.toString())
                .with("HCP_HOTLINE_SUBSCRIBERS_FILE", subscribers.toString()).with("HCP_HOTLINE_INTERVAL", "PT1S")
                .start();
        reporting = new ServiceProcess("reporting-service", "reporting", stack).start();
        try {
            intake.importDemoDirectory();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[]{intake, rectification, reporting}) {
            if (service != null) {
                service.stop();
            }
        }
        if (smsc != null) {
            smsc.close();
        }
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void aCitizenHearsBackFromRatingToFeedbackAndRatesTheResultOnce() throws Exception {
        String mobile = "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        String caseNumber = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        HttpResponse<String> reported = intake.call(CHANNEL, "POST", "/api/v1/cases", """
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"JL-CY-CENTRE",
                 "windowCode":"JL-CY-W01","staffId":"JL-CY-S001","completedAt":"%s",
                 "evaluator":{"type":"NATURAL_PERSON","id":"220102199001011234","name":"李四","mobile":"%s"}}"""
                .formatted(caseNumber, Instant.now().minusSeconds(60), mobile));
        assertEquals(202, reported.statusCode(), reported.body());

        // Quiet hours: nothing reaches the SMSC until they end; then the invitation, once.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), quietUntil).toMillis() - 5_000));
        assertEquals(List.of(), smsc.receivedBy(mobile), "nothing in quiet hours");
        HeadlessChromium.until("the invitation after quiet hours", () -> !smsc.receivedBy(mobile).isEmpty());
        DevSmsc.Received invitation = smsc.receivedBy(mobile).get(0);
        String link = link(invitation.text());

        // The citizen rates 2 through the SMS link.
        HttpResponse<String> rated = form(link, "level=2&tags=WAITING&text=" + enc("等了一个小时"));
        assertEquals(303, rated.statusCode(), rated.body());

        // The bad review opens its rectification and goes to 12345, once.
        JsonNode entry = awaitRectification(caseNumber);
        String rectificationId = entry.get("rectificationId").asText();
        String workOrderId = "HCP-" + rectificationId;
        HeadlessChromium.until("the work order at 12345", () -> hotline.workOrders().containsKey(workOrderId));

        // The unit works it and gives feedback; the evaluator gets it by SMS, with the same short link.
        // The platform's own SMS went to the mobile the evaluator gave: the rating is theirs, so a callback is owed.
        assertTrue(entry.get("realName").asBoolean(), entry.toString());
        step(rectificationId, "assignment", "{\"responsiblePerson\":\"窗口负责人\"}");
        step(rectificationId, "callbacks", "{\"result\":\"REACHED\",\"note\":\"已回访\"}");
        step(rectificationId, "classification", "{\"classification\":\"CLEAR\",\"reason\":\"排队时间过长\"}");
        step(rectificationId, "resolution", "{\"resolution\":\"RECTIFIED\",\"measures\":\"高峰时段增开两个窗口\"}");
        step(rectificationId, "feedback", "{\"means\":\"SMS\",\"summary\":\"已增开窗口，感谢您的监督。\"}");
        HeadlessChromium.until("the feedback SMS", () -> smsc.receivedBy(mobile).stream()
                .anyMatch(m -> m.text().contains("整改反馈")));
        String feedbackText = smsc.receivedBy(mobile).stream().filter(m -> m.text().contains("整改反馈"))
                .findFirst().orElseThrow().text();
        assertEquals(link, link(feedbackText), "the link that rated is the one to follow it");

        // The page shows the timeline, and takes the follow-up rating once.
        String page = get(link).body();
        for (String step : List.of("评价已收到", "已转交", "办理单位已回访您", "高峰时段增开两个窗口", "已增开窗口，感谢您的监督。",
                "对整改结果评价")) {
            assertTrue(page.contains(step), step);
        }
        long followUpsBefore = followUps();
        assertEquals(303, form(link + "/follow-up", "level=4").statusCode());
        assertEquals(409, form(link + "/follow-up", "level=5").statusCode(), "once");
        HeadlessChromium.until("reporting counts the follow-up", () -> followUps() == followUpsBefore + 1);

        // 12345 replies that it closed the work order: a step of the rectification, once.
        assertEquals(1, hotline.deliveries().stream().filter(workOrderId::equals).count(), "the work order once");
        String reply = """
                {"replyId":"R-%s","status":"CLOSED","text":"已电话回访群众，群众满意。","repliedAt":"%s"}"""
                .formatted(rectificationId, Instant.now());
        HttpResponse<String> replied = HTTP.send(HttpRequest.newBuilder(URI.create(rectification.url(
                        "/api/v1/hotline/work-orders/" + workOrderId + "/replies")))
                .header("Content-Type", "application/json").header("X-HCP-Subscriber", FakeHotline.ID)
                .header("X-HCP-Signature", hotline.sign(reply.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(reply)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, replied.statusCode(), replied.body());
        JsonNode detail = json(rectification.call(HANDLER, "GET", "/api/v1/rectifications/" + rectificationId, null));
        List<String> types = new java.util.ArrayList<>();
        detail.get("history").forEach(h -> types.add(h.get("type").asText()));
        assertTrue(types.containsAll(List.of("WorkOrderDispatched", "WorkOrderReplied", "FeedbackGiven")),
                types.toString());
        assertTrue(smsc.received().stream().noneMatch(m -> !m.destination().equals(mobile)
                && m.text().contains(caseNumber)), "nothing of this case to another number");
        for (ServiceProcess service : new ServiceProcess[]{intake, rectification, reporting}) {
            assertTrue(!service.log().contains(mobile), "the mobile is never logged: " + service.name);
        }
        assertTrue(!hotline.workOrders().get(workOrderId).contains(mobile), "nor sent to 12345");
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "a short link in: " + text);
        return m.group();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return EventJson.mapper().readTree(response.body());
    }

    private static void step(String id, String step, String body) throws Exception {
        HttpResponse<String> done = rectification.call(HANDLER, "POST", "/api/v1/rectifications/" + id + "/" + step,
                body);
        assertEquals(200, done.statusCode(), step + ": " + done.body());
    }

    private static JsonNode awaitRectification(String caseNumber) {
        JsonNode[] found = new JsonNode[1];
        HeadlessChromium.until("the rectification of " + caseNumber, () -> {
            JsonNode page;
            try {
                page = json(rectification.call(HANDLER, "GET",
                        "/api/v1/rectifications?institution=JL-CY-CENTRE&size=200", null));
            } catch (IOException | InterruptedException e) {
                return false;
            }
            for (JsonNode item : page.get("items")) {
                for (JsonNode c : item.get("caseNumbers")) {
                    if (c.asText().equals(caseNumber)) {
                        found[0] = item;
                        return true;
                    }
                }
            }
            return false;
        });
        return found[0];
    }

    private static long followUps() {
        try {
            return json(reporting.call(ADMIN, "GET", "/api/v1/stats/figures?institution=JL-CY-CENTRE", null))
                    .get("figures").get("followUps").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
