package org.hcp.intake.sms;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.events.rectification.FeedbackGiven;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.intake.service.SmsSender;
import org.hcp.localstack.DevSmsc;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Issue 29: intake sends evaluators' messages itself over SMPP 3.4, to jSMPP's own SMSC started for the test: the
 * invitation waits out quiet hours, a reply through the SMSC rates the case and is answered, 退订 stops the next one,
 * a refused message is tried again, a message a stopped sender left half-sent is parked rather than sent twice, and
 * the unit's feedback goes out with the short link to the follow-up page. On real PostgreSQL and Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@QuarkusTestResource(value = SmscResource.class, restrictToAnnotatedClass = true)
class SmsMessagesTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String CHANNEL = DevTokens.mint("channel");
    static final String ADMIN = DevTokens.mint("admin");

    @Inject
    SmsSender sender;

    @Inject
    org.hcp.intake.service.DefaultRatingScheduler scheduler;

    static DevSmsc smsc() {
        return SmscResource.smsc;
    }

    /** Tonight at 23:30 in Beijing (quiet), and tomorrow at 08:05 (not), both after the real time. */
    static Instant tonight() {
        LocalDate day = Instant.now().plus(Duration.ofMinutes(31)).atZone(CHINA).toLocalDate();
        return day.atTime(23, 30).atZone(CHINA).toInstant();
    }

    static Instant tomorrowMorning() {
        return tonight().atZone(CHINA).toLocalDate().plusDays(1).atTime(8, 5).atZone(CHINA).toInstant();
    }

    static String mobile() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
    }

    static String reportCaseFor(String mobile) {
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(directory())
                .post("/api/v1/directory/import").then().statusCode(200);
        String caseNumber = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        given().auth().oauth2(CHANNEL).contentType("application/json").body("""
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"JL-CY-CENTRE",
                 "windowCode":"JL-CY-W01","staffId":"JL-CY-S001","completedAt":"%s",
                 "evaluator":{"type":"NATURAL_PERSON","id":"220102199001011234","name":"张三","mobile":"%s"}}"""
                .formatted(caseNumber, Instant.now().minusSeconds(120), mobile)).post("/api/v1/cases")
                .then().statusCode(202);
        return caseNumber;
    }

    static String directory() {
        try (var in = SmsMessagesTest.class.getResourceAsStream("/demo/directory.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(String messageId) throws Exception {
        try (Connection c = LocalStack.shared().postgres().connect("intake");
             PreparedStatement s = c.prepareStatement("SELECT status FROM outbound_message WHERE message_id = ?")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void sql(String statement, String parameter) throws Exception {
        try (Connection c = LocalStack.shared().postgres().connect("intake");
             PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, parameter);
            s.executeUpdate();
        }
    }

    static long ratings(String caseNumber) throws Exception {
        try (Connection c = LocalStack.shared().postgres().connect("intake");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM rating WHERE case_number = ?")) {
            s.setString(1, caseNumber);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theInvitationWaitsOutQuietHoursAndAReplyThroughTheSmscRatesTheCase() throws Exception {
        String mobile = mobile();
        String caseNumber = reportCaseFor(mobile);
        String invitation = "invitation:" + caseNumber;
        assertEquals("PENDING", status(invitation), "R1.8: a case with a mobile queues its invitation");

        sender.runOnce(tonight());
        assertEquals(List.of(), smsc().receivedBy(mobile), "nothing during quiet hours");
        assertEquals("PENDING", status(invitation));

        sender.runOnce(tomorrowMorning());
        List<DevSmsc.Received> got = smsc().receivedBy(mobile);
        assertEquals(1, got.size());
        assertTrue(got.get(0).text().contains("/r/"), got.get(0).text());
        assertEquals("SENT", status(invitation));
        sender.runOnce(tomorrowMorning().plusSeconds(60));
        assertEquals(1, smsc().receivedBy(mobile).size(), "sent once");

        smsc().receipt(got.get(0), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(invitation)));

        // The evaluator replies through the SMSC: the case is rated as by the HTTP reply path, and answered.
        smsc().deliver(mobile, "2 3");
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc().receivedBy(mobile).size() == 2);
        assertTrue(smsc().receivedBy(mobile).get(1).text().contains("感谢您的评价"),
                smsc().receivedBy(mobile).get(1).text());
        assertEquals(1, ratings(caseNumber));
        // R2.5: the invitation went to the mobile the case's evaluator gave, so the reply is theirs: real-name.
        String event = org.hcp.testkit.TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(),
                Topics.RATINGS).stream().map(r -> r.value()).filter(v -> v.contains(caseNumber)).findFirst()
                .orElseThrow();
        assertTrue(org.hcp.events.EventJson.read(event, org.hcp.events.RatingSubmitted.class).payload()
                .evaluatorPseudonym() != null, event);
    }

    @Test
    void aPhoneGetsNoMoreThanTheDailyCapEvenWhenMoreAreDueInOneRound() throws Exception {
        String mobile = mobile();
        List<String> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(reportCaseFor(mobile));
        }
        sender.runOnce(tomorrowMorning().plusSeconds(3600));
        assertEquals(3, smsc().receivedBy(mobile).size(), "the national policy's cap of 3 a day");
        assertEquals(1, cases.stream().filter(c -> {
            try {
                return "PENDING".equals(status("invitation:" + c));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count(), "the fourth waits for the next morning");
    }

    @Test
    void anUnsubscribedPhoneGetsNoMoreMessages() throws Exception {
        String mobile = mobile();
        reportCaseFor(mobile);
        sender.runOnce(tomorrowMorning());
        assertEquals(1, smsc().receivedBy(mobile).size());

        smsc().deliver(mobile, "TD");
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc().receivedBy(mobile).size() == 2);
        assertTrue(smsc().receivedBy(mobile).get(1).text().contains("已退订"));

        String second = reportCaseFor(mobile);
        sender.runOnce(tomorrowMorning().plusSeconds(120));
        assertEquals(2, smsc().receivedBy(mobile).size(), "退订 is honoured");
        assertEquals("DROPPED", status("invitation:" + second));
    }

    @Test
    void aRefusedMessageIsTriedAgainAndAHalfSentOneIsParkedNotSentTwice() throws Exception {
        String mobile = mobile();
        String caseNumber = reportCaseFor(mobile);
        smsc().refuseNext(1);
        sender.runOnce(tomorrowMorning());
        assertEquals(0, smsc().receivedBy(mobile).size());
        assertEquals("PENDING", status("invitation:" + caseNumber), "refused: tried again after a back-off");
        sender.runOnce(tomorrowMorning().plusSeconds(600));
        assertEquals(1, smsc().receivedBy(mobile).size());

        // A sender that stopped between marking a message SENDING and the SMSC's answer: it may have gone out.
        String other = mobile();
        String abandoned = reportCaseFor(other);
        sql("UPDATE outbound_message SET status = 'SENDING', body = '已发送？', claimed_until = now() - interval "
                + "'1 minute' WHERE message_id = ?", "invitation:" + abandoned);
        sender.runOnce(tomorrowMorning().plusSeconds(900));
        assertEquals("PARKED", status("invitation:" + abandoned));
        assertEquals(0, smsc().receivedBy(other).size(), "at most once");
        given().auth().oauth2(ADMIN).get("/api/v1/sms/messages?status=PARKED").then().statusCode(200)
                .body(containsString("invitation:" + abandoned));
        given().auth().oauth2(ADMIN).get("/api/v1/sms/messages?status=LOST").then().statusCode(422)
                .body("errors.pointer", org.hamcrest.Matchers.hasItem("/status"));
        given().auth().oauth2(ADMIN).get("/api/v1/sms/messages?size=501").then().statusCode(422);
    }

    @Test
    void r2_4_theUnitsFeedbackGoesOutWithTheShortLinkToTheFollowUpPage() throws Exception {
        String mobile = mobile();
        String caseNumber = reportCaseFor(mobile);
        String ratingId = "R-" + caseNumber;
        given().auth().oauth2(CHANNEL).contentType("application/json").body("""
                {"ratingId":"%s","caseNumber":"%s","channel":"MOBILE_APP","level":1,"tags":["ATTITUDE"]}"""
                .formatted(ratingId, caseNumber)).post("/api/v1/ratings").then().statusCode(202);
        String rect = "RECT-" + caseNumber;
        Instant now = Instant.now();
        publish(rect, new RectificationOpened(rect, List.of(ratingId), List.of(caseNumber), 1, List.of("ATTITUDE"),
                Channel.MOBILE_APP, "ITEM-BIZ-LICENSE", "JL-CY-CENTRE", "JL-CY-W01", "JL-CY-S001", "220202", true,
                now, now, now.plus(Duration.ofDays(10)), false));
        publish(rect, new FeedbackGiven(rect, "SMS", "已对窗口人员批评教育。", "handler-x", now));
        await().atMost(Duration.ofSeconds(30)).until(() -> status("feedback:" + ratingId) != null);

        sender.runOnce(tomorrowMorning().plusSeconds(1800));
        List<DevSmsc.Received> got = smsc().receivedBy(mobile).stream()
                .filter(r -> r.text().contains("整改反馈")).toList();
        assertEquals(1, got.size(), smsc().receivedBy(mobile).toString());
        String text = got.get(0).text();
        String path = text.substring(text.indexOf("/r/"));
        assertEquals(3 + 22, path.length(), "a short link: " + text);
        given().get(path).then().statusCode(200).body(containsString("已对窗口人员批评教育"));
    }

    @Test
    void r1_9_taiansReminderGoesOutWhenTheCaseIsStillUnratedAfterOneWorkingDay() throws Exception {
        String mobile = mobile();
        String caseNumber = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(directory())
                .post("/api/v1/directory/import").then().statusCode(200);
        given().auth().oauth2(CHANNEL).contentType("application/json").body("""
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-BIZ-LICENSE","institutionCode":"TA-TS-CENTRE",
                 "windowCode":"TA-TS-W05","platformCode":"TA-BIZ","completedAt":"%s",
                 "evaluator":{"type":"NATURAL_PERSON","id":"370902199001011234","name":"赵六","mobile":"%s"}}"""
                .formatted(caseNumber, Instant.now().minusSeconds(120), mobile)).post("/api/v1/cases")
                .then().statusCode(202);
        Instant reminderDue;
        try (Connection c = LocalStack.shared().postgres().connect("intake");
             PreparedStatement q = c.prepareStatement("SELECT reminder_due_at FROM service_case WHERE case_number = ?")) {
            q.setString(1, caseNumber);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                reminderDue = rs.getTimestamp(1).toInstant();
            }
        }
        scheduler.runOnce(reminderDue.plusSeconds(60));
        assertEquals("PENDING", status("reminder:" + caseNumber), "R1.9 (TA): the reminder is a message too");

        Instant nextMorning = reminderDue.atZone(CHINA).toLocalDate().plusDays(1).atTime(10, 0).atZone(CHINA)
                .toInstant();
        sender.runOnce(nextMorning);
        assertTrue(smsc().receivedBy(mobile).stream().anyMatch(m -> m.text().contains("尚未评价")),
                smsc().receivedBy(mobile).toString());
        assertEquals("SENT", status("reminder:" + caseNumber));
    }

    static void publish(String rectificationId, EventPayload payload) {
        Instant now = Instant.now();
        TestEvents.publish(Topics.RECTIFICATIONS, EventEnvelope.of(payload, rectificationId, "220202", now, now, null,
                null, "rectification-service"));
    }
}
