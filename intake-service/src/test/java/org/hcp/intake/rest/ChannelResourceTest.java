package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hcp.intake.rest.IntakeFixtures.ADMIN;
import static org.hcp.intake.rest.IntakeFixtures.CHANNEL;
import static org.hcp.intake.rest.IntakeFixtures.caseJson;
import static org.hcp.intake.rest.IntakeFixtures.demoDirectory;
import static org.hcp.intake.rest.IntakeFixtures.newCaseNumber;
import static org.hcp.intake.rest.IntakeFixtures.reportCase;
import static org.hcp.intake.rest.IntakeFixtures.reportInstantCase;
import static org.hcp.intake.rest.IntakeTestSupport.count;
import static org.hcp.intake.rest.IntakeTestSupport.execute;
import static org.hcp.intake.rest.IntakeTestSupport.ratingEventsFor;
import static org.hcp.intake.rest.IntakeTestSupport.ratingRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hcp.events.Channel;
import org.hcp.events.EventJson;
import org.hcp.events.RatingSubmitted;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/** Every R1.8 channel at the service boundary, on real PostgreSQL and Kafka: the good input and the bad. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class ChannelResourceTest {

    static RatingSubmitted publishedRating(String caseNumber) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !ratingEventsFor(caseNumber).isEmpty());
        return EventJson.read(ratingEventsFor(caseNumber).get(0).value(), RatingSubmitted.class).payload();
    }

    static Response post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType("application/json").body(json).post(path);
    }

    @Test
    void r1_8_aWindowPadRatesTheCaseOfItsWindowAndAnUnknownDeviceIsRefused() throws Exception {
        String caseNumber = reportInstantCase();
        post(CHANNEL, "/api/v1/devices/PAD-JL-CY-W01/ratings", """
                {"caseNumber":"%s","level":2,"tags":["WAITING"]}""".formatted(caseNumber))
                .then().statusCode(202).body("caseNumbers", hasItem(caseNumber));
        RatingSubmitted rating = publishedRating(caseNumber);
        assertEquals("WINDOW_DEVICE", rating.channel().name());
        assertEquals(4, rating.channelPf());
        assertEquals("JL-CY-W01", rating.windowCode());

        String other = reportInstantCase();
        post(CHANNEL, "/api/v1/devices/PAD-UNKNOWN/ratings", """
                {"caseNumber":"%s","level":5}""".formatted(other))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("PAD-UNKNOWN"));
        // A pad of another institution's window cannot rate this case.
        post(CHANNEL, "/api/v1/devices/PAD-JL-EDZ-W01/ratings", """
                {"caseNumber":"%s","level":5}""".formatted(other))
                .then().statusCode(422).body("errors.pointer", hasItem("/institutionCode"));
        assertEquals(0, ratingRows(other));

        post(CHANNEL, "/api/v1/devices/KIOSK-JL-CY-01/ratings", """
                {"caseNumber":"%s","level":5}""".formatted(other)).then().statusCode(202);
        RatingSubmitted kiosk = publishedRating(other);
        assertEquals("SELF_SERVICE_TERMINAL", kiosk.channel().name());
        assertEquals(5, kiosk.channelPf());
        given().auth().oauth2(CHANNEL).get("/api/v1/devices/PAD-JL-CY-W01").then().statusCode(200)
                .body("windowCode", equalTo("JL-CY-W01")).body("channel", equalTo("WINDOW_DEVICE"));
    }

    @Test
    void r1_8_aQrLinkOpensTheRatingPageRatesOnceAndIsThenUsed() throws Exception {
        String caseNumber = reportInstantCase();
        JsonPath link = post(CHANNEL, "/api/v1/rating-links", """
                {"caseNumber":"%s","channel":"QR_CODE"}""".formatted(caseNumber))
                .then().statusCode(201).extract().jsonPath();
        String token = link.getString("token");
        assertTrue(link.getString("url").endsWith("/r/" + token));
        // Issue 29: a short link, about 30 characters after the host, so the QR code stays coarse and the SMS short.
        assertTrue(java.net.URI.create(link.getString("url")).getPath().length() <= 30, link.getString("url"));
        assertEquals(0, count("SELECT count(*) FROM rating_link WHERE code_hash = ?", token),
                "the table keeps the code's hash, not the code");

        given().get("/r/" + token).then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("设立登记"), containsString("昌邑区政务服务中心"),
                        containsString("综合受理窗口1"), containsString("非常满意"), containsString("排队等候久"),
                        not(containsString("220102199001011234")));
        given().get("/r/" + token + "?lang=en").then().statusCode(200)
                .body(containsString("lang=\"en\""), containsString("Very satisfied"), containsString("Long queue"));

        // R1.3 on the page: a bad level without a tag is shown again with the error, and nothing is recorded.
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("level", "2")
                .redirects().follow(false).post("/r/" + token)
                .then().statusCode(422).body(containsString("差评须至少选择一项差评指标"), containsString("role=\"alert\""));
        assertEquals(0, ratingRows(caseNumber));

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("level", "2")
                .formParam("tags", "WAITING").formParam("text", "排队太久").formParam("guidanceClear", "yes")
                .formParam("suggestions", "多开窗口").redirects().follow(false).post("/r/" + token)
                .then().statusCode(303).header("Location", containsString("/r/" + token + "/thanks"));
        RatingSubmitted rating = publishedRating(caseNumber);
        assertEquals("QR_CODE", rating.channel().name());
        assertEquals(3, rating.channelPf());
        assertEquals(List.of("WAITING"), rating.tags());
        assertEquals(null, rating.evaluatorPseudonym(), "a QR code may be scanned by anyone: not real-name");
        assertEquals(Boolean.TRUE, rating.detailForm().guidanceClear());
        assertEquals("多开窗口", rating.detailForm().suggestions());

        given().get("/r/" + token + "/thanks?lang=zh").then().statusCode(200)
                .body(containsString("感谢您的评价"), containsString("整改结果将向您反馈"));
        // Issue 29: the used link is now the evaluator's follow-up page, not a dead end.
        given().get("/r/" + token).then().statusCode(200).body(containsString("您的评价办理进度"),
                containsString("评价已收到"), not(containsString("<form")));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("level", "5")
                .redirects().follow(false).post("/r/" + token).then().statusCode(409);
        assertEquals(1, ratingRows(caseNumber));

        // No second link for a rated case.
        post(CHANNEL, "/api/v1/rating-links", """
                {"caseNumber":"%s"}""".formatted(caseNumber)).then().statusCode(409);
    }

    @Test
    void r1_8_aSignedLinkIssuedBeforeShortLinksStillRatesOnce() throws Exception {
        String caseNumber = reportInstantCase();
        String linkId = "legacy-" + caseNumber;
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        execute("INSERT INTO rating_link (link_id, case_number, channel, issued_by, issued_at, expires_at) "
                + "VALUES (?, ?, 'QR_CODE', 'test', ?, ?)", linkId, caseNumber, now, now.plusDays(1));
        byte[] key = org.hcp.intake.domain.RatingLinkToken.keyBytes(org.eclipse.microprofile.config.ConfigProvider
                .getConfig().getValue("hcp.rating-link.key", String.class));
        String token = org.hcp.intake.domain.RatingLinkToken.sign(new org.hcp.intake.domain.RatingLinkToken.Claims(
                linkId, caseNumber, null, Channel.QR_CODE, now.plusDays(1).toEpochSecond()), key);

        given().get("/r/" + token).then().statusCode(200).body(containsString("设立登记"));
        given().contentType("application/x-www-form-urlencoded").formParam("level", "5").redirects().follow(false)
                .post("/r/" + token).then().statusCode(303);
        assertEquals(1, ratingRows(caseNumber));
        given().contentType("application/x-www-form-urlencoded").formParam("level", "4").redirects().follow(false)
                .post("/r/" + token).then().statusCode(409);
        assertEquals(1, ratingRows(caseNumber));
    }

    @Test
    void r1_8_anAlteredOrExpiredLinkIsRefusedAndRecordsNothing() throws Exception {
        String caseNumber = reportInstantCase();
        String token = post(CHANNEL, "/api/v1/rating-links", """
                {"caseNumber":"%s","channel":"SMS","validFor":"PT2S"}""".formatted(caseNumber))
                .then().statusCode(201).extract().path("token");
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().get("/r/" + altered).then().statusCode(404).body(containsString("评价链接无效"));
        given().contentType("application/x-www-form-urlencoded").formParam("level", "5").redirects().follow(false)
                .post("/r/" + altered).then().statusCode(404);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/r/" + token).statusCode() == 410);
        given().get("/r/" + token).then().body(containsString("该评价链接已过期"));
        given().contentType("application/x-www-form-urlencoded").formParam("level", "5").redirects().follow(false)
                .post("/r/" + token).then().statusCode(410);
        assertEquals(0, ratingRows(caseNumber));

        post(CHANNEL, "/api/v1/rating-links", """
                {"caseNumber":"NO-SUCH-CASE"}""").then().statusCode(422).body("errors.pointer", hasItem("/caseNumber"));
        post(CHANNEL, "/api/v1/rating-links", """
                {"caseNumber":"%s","channel":"WINDOW_DEVICE"}""".formatted(caseNumber))
                .then().statusCode(422).body("errors.pointer", hasItem("/channel"));
    }

    @Test
    void r1_8_anSmsDigitReplyRatesTheInvitedCaseAndAnythingElseRecordsNothing() throws Exception {
        String caseNumber = reportInstantCase();
        String phone = "139" + String.format("%08d", Math.abs(caseNumber.hashCode()) % 100_000_000);
        JsonPath invitation = post(CHANNEL, "/api/v1/sms/invitations", """
                {"caseNumber":"%s","phone":"%s"}""".formatted(caseNumber, phone))
                .then().statusCode(201).extract().jsonPath();
        assertTrue(invitation.getString("message").contains("5非常满意"), invitation.getString("message"));
        assertTrue(invitation.getString("message").contains("/r/"));
        assertEquals(0, count("SELECT count(*) FROM sms_invitation WHERE phone_key = ?", phone),
                "the phone number is stored only as a pseudonym");

        reply("m-" + caseNumber + "-1", phone, "好的").then().statusCode(200)
                .body("outcome", equalTo("NOT_UNDERSTOOD")).body("reply", containsString("未能识别"));
        reply("m-" + caseNumber + "-2", phone, "２").then().body("outcome", equalTo("NEEDS_TAGS"))
                .body("reply", containsString("1服务态度差"));
        assertEquals(0, ratingRows(caseNumber));

        reply("m-" + caseNumber + "-3", phone, "２ ３，１").then().body("outcome", equalTo("RECORDED"));
        RatingSubmitted rating = publishedRating(caseNumber);
        assertEquals("SMS", rating.channel().name());
        assertEquals(7, rating.channelPf());
        assertEquals(List.of("WAITING", "ATTITUDE"), rating.tags());

        // The gateway retries a message: the same answer, nothing twice. A later reply finds nothing open.
        reply("m-" + caseNumber + "-3", phone, "２ ３，１").then().body("outcome", equalTo("RECORDED"));
        reply("m-" + caseNumber + "-4", phone, "5").then().body("outcome", equalTo("NO_OPEN_INVITATION"));
        assertEquals(1, ratingRows(caseNumber));

        reply("m-" + caseNumber + "-5", "12345", "5").then().statusCode(422).body("errors.pointer", hasItem("/from"))
                .body(not(containsString("12345\"")));
    }

    static Response reply(String messageId, String from, String text) {
        return post(CHANNEL, "/api/v1/sms/replies", """
                {"messageId":"%s","from":"%s","text":"%s"}""".formatted(messageId, from, text));
    }

    @Test
    void r1_8_theHotlinePushesOneRecordOrManyAndEachIsAnsweredOnItsOwn() throws Exception {
        String single = reportInstantCase();
        post(CHANNEL, "/api/v1/hotline/ratings", """
                {"workOrderNo":"WO-%s","caseNumber":"%s","level":4}""".formatted(single, single))
                .then().statusCode(200).body("accepted", equalTo(1));
        assertEquals("HOTLINE_12345", publishedRating(single).channel().name());

        String good = reportInstantCase();
        String json = """
                [{"workOrderNo":"WO-%s","caseNumber":"%s","level":1,"tags":["ATTITUDE"],"text":"电话回访不满意"},
                 {"workOrderNo":"WO-X-%s","caseNumber":"NO-SUCH-CASE","level":5},
                 {"workOrderNo":"WO-Y-%s","caseNumber":"%s","level":2},
                 {"caseNumber":"%s","level":5}]""".formatted(good, good, good, good, good, good);
        JsonPath answer = post(CHANNEL, "/api/v1/hotline/ratings", json).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("accepted", "rejected", "rejected", "rejected"), answer.getList("results.outcome"));
        assertEquals(List.of(202, 422, 422, 422), answer.getList("results.status"));
        assertEquals("/tags", answer.getString("results[2].problem.errors[0].pointer"));
        assertEquals("/workOrderNo", answer.getString("results[3].problem.errors[0].pointer"));
        assertEquals(1, ratingRows(good));

        JsonPath again = post(CHANNEL, "/api/v1/hotline/ratings", json).then().statusCode(200).extract().jsonPath();
        assertEquals("replayed", again.getString("results[0].outcome"));
        assertEquals(1, ratingRows(good));
    }

    @Test
    void r1_8_theBatchEndpointAnswersEachOfUpTo500Ratings() throws Exception {
        String a = reportInstantCase();
        String b = reportInstantCase();
        JsonPath answer = post(CHANNEL, "/api/v1/ratings/batch", """
                {"ratings":[{"ratingId":"b-%s","caseNumber":"%s","channel":"MOBILE_APP","level":5},
                            {"ratingId":"b-%s","caseNumber":"%s","channel":"TELEPATHY","level":5},
                            null,
                            {"ratingId":"b2-%s","caseNumber":"%s","channel":"WEBSITE","level":3}]}"""
                .formatted(a, a, b, b, a, a)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("accepted", "rejected", "rejected", "rejected"), answer.getList("results.outcome"));
        assertEquals(List.of(202, 422, 422, 409), answer.getList("results.status"));
        assertEquals("/ratings/1", answer.getString("results[1].problem.instance"));
        assertEquals(1, answer.getInt("accepted"));
        assertEquals(0, ratingRows(b));
        assertEquals("MOBILE_APP", publishedRating(a).channel().name());

        String tooMany = IntStream.range(0, 501).mapToObj(i -> "{\"caseNumber\":\"C" + i + "\"}")
                .collect(Collectors.joining(",", "{\"ratings\":[", "]}"));
        post(CHANNEL, "/api/v1/ratings/batch", tooMany).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/ratings")).body("detail", containsString("500"));
    }

    @Test
    void r1_8_paperFormsImportRowByRowAndAReimportAcceptsNothingTwice() throws Exception {
        demoDirectory();
        String one = reportInstantCase();
        String two = reportInstantCase();
        String edz = newCaseNumber();
        reportCase(caseJson(edz, "INSTANT", "JL-EDZ-CENTRE", "JL-EDZ-W01", null, Instant.now().minusSeconds(600),
                null, null, null)).then().statusCode(202);
        String csv = """
                formNo,caseNumber,level,tags,businessLevel,text,ratedOn
                P-001,%s,2,WAITING;SLOW,3,"等候太久，""叫号""混乱",%s
                P-002,%s,x,,,,
                P-003,NO-SUCH-CASE,5,,,,
                P-004,%s,1,,,,
                P-005,%s,5,,,,
                """.formatted(one, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), two, two, edz);
        JsonPath report = importPaper(ADMIN, csv).then().statusCode(200).extract().jsonPath();
        assertEquals(5, report.getInt("rows"));
        assertEquals(2, report.getInt("accepted"), report.prettify());
        assertEquals(3, report.getInt("rejected"));
        assertEquals(List.of(2, 3, 4, 5, 6), report.getList("results.line"));
        assertEquals(List.of("accepted", "rejected", "rejected", "rejected", "accepted"),
                report.getList("results.outcome"));
        assertEquals("/level", report.getString("results[1].errors[0].pointer"));
        assertEquals("/tags", report.getString("results[3].errors[0].pointer"));
        RatingSubmitted paper = publishedRating(one);
        assertEquals("PAPER_FORM", paper.channel().name());
        assertEquals("等候太久，\"叫号\"混乱", paper.text());
        assertEquals(0, ratingRows(two));

        JsonPath again = importPaper(ADMIN, csv).then().statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("accepted"));
        assertEquals(2, again.getInt("duplicates"));
        assertEquals("duplicate", again.getString("results[0].outcome"));
        assertEquals(1, ratingRows(one));

        // A handler imports for its own institution only.
        String handler = DevTokens.mint("handler", "JL-EDZ-CENTRE", Duration.ofMinutes(5));
        String mine = newCaseNumber();
        reportCase(caseJson(mine, "INSTANT", "JL-EDZ-CENTRE", "JL-EDZ-W01", null, Instant.now().minusSeconds(600),
                null, null, null)).then().statusCode(202);
        JsonPath scoped = importPaper(handler, """
                formNo,caseNumber,level
                H-1,%s,5
                H-2,%s,5
                """.formatted(mine, two)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("accepted", "rejected"), scoped.getList("results.outcome"));
        assertEquals("/institutionCode", scoped.getString("results[1].errors[0].pointer"));

        importPaper(ADMIN, "formNo,case,level\nP-9,X,5\n").then().statusCode(422)
                .body("errors.pointer", hasItem("/header/1"));
        assertFalse(importPaper(ADMIN, "formNo,caseNumber,level\nP-9,\"open,5\n").then().statusCode(422)
                .extract().asString().isEmpty());
    }

    static Response importPaper(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/paper-forms/import");
    }
}
