package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hcp.intake.rest.IntakeFixtures.CHANNEL;
import static org.hcp.intake.rest.IntakeFixtures.reportInstantCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.FollowUpRated;
import org.hcp.events.Topics;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.FeedbackGiven;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationResolved;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.events.rectification.Resolution;
import org.hcp.events.rectification.ResponsibleAssigned;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Issue 29, R2.4: after rating, the same link shows the evaluator how the bad review is handled, from the
 * rectification events on the log; a good review only its thanks. On real PostgreSQL and Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class FollowUpPageTest {

    record Rated(String caseNumber, String token, String ratingId) {
    }

    static Rated rateThroughALink(int level) {
        String caseNumber = reportInstantCase();
        JsonPath link = given().auth().oauth2(CHANNEL).contentType("application/json")
                .body("{\"caseNumber\":\"%s\",\"channel\":\"SMS\"}".formatted(caseNumber))
                .post("/api/v1/rating-links").then().statusCode(201).extract().jsonPath();
        var form = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("level", Integer.toString(level));
        if (level <= 2) {
            form.formParam("tags", "WAITING").formParam("text", "排队两个小时");
        }
        form.redirects().follow(false).post("/r/" + link.getString("token")).then().statusCode(303);
        return new Rated(caseNumber, link.getString("token"), "link-" + link.getString("linkId"));
    }

    static void publish(String rectificationId, EventPayload payload, Instant at) {
        org.hcp.testkit.TestEvents.publish(Topics.RECTIFICATIONS, EventEnvelope.of(payload, rectificationId, "220202",
                at, at, null, null, "rectification-service"));
    }

    static List<String> followUpEvents(String caseNumber) {
        return TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.CASES).stream()
                .map(r -> r.value()).filter(v -> v.contains("\"FollowUpRated\"") && v.contains(caseNumber))
                .toList();
    }

    static String page(String token, String query) {
        return given().get("/r/" + token + query).then().statusCode(200).extract().asString();
    }

    @Test
    void r2_4_theLinkShowsEachStepOfTheRectificationWithItsDateAndNoStaffName() throws Exception {
        Rated rated = rateThroughALink(2);
        // Before rectification-service has opened anything, the page says the rating waits to be passed on.
        given().get("/r/" + rated.token()).then().statusCode(200)
                .body(containsString("评价已收到"), containsString("待转交办理单位核实整改"), containsString("不满意"));

        String rect = "RECT-" + rated.caseNumber();
        Instant opened = Instant.parse("2026-12-01T02:00:00Z");
        publish(rect, new RectificationOpened(rect, List.of(rated.ratingId()), List.of(rated.caseNumber()), 2,
                List.of("WAITING"), Channel.SMS, "ITEM-SOCIAL-CARD", "JL-CY-CENTRE", "JL-CY-W01", "JL-CY-S001",
                "220202", true, opened, opened, Instant.parse("2026-12-15T09:00:00Z"), false), opened);
        publish(rect, new ResponsibleAssigned(rect, "王科长", "handler-JL-CY-CENTRE", opened.plusSeconds(600)),
                opened);
        await().atMost(Duration.ofSeconds(30)).until(() -> page(rated.token(), "").contains("已指定专人负责"));
        given().get("/r/" + rated.token()).then()
                .body(containsString("已转交昌邑区政务服务中心核实整改"), containsString("2026-12-01 10:00"),
                        containsString("下一步"), containsString("办理单位回访您"),
                        containsString("应于 2026-12-15 17:00（北京时间） 前完成"), containsString("10 个工作日"),
                        not(containsString("王科长")), not(containsString("handler-")));

        publish(rect, new CallbackRecorded(rect, CallbackResult.REACHED, "电话里说了家里地址", "handler-x",
                opened.plusSeconds(3600)), opened);
        publish(rect, new RectificationResolved(rect, Resolution.RECTIFIED, "高峰时段增开两个窗口", null, false,
                "handler-x", opened.plusSeconds(7200)), opened);
        publish(rect, new FeedbackGiven(rect, "SMS", "已在上午高峰增开窗口，欢迎再次监督。", "handler-x",
                opened.plusSeconds(7300)), opened);
        await().atMost(Duration.ofSeconds(30)).until(() -> page(rated.token(), "").contains("欢迎再次监督"));
        given().get("/r/" + rated.token()).then()
                .body(containsString("办理单位已回访您"), containsString("整改措施：</span>高峰时段增开两个窗口"),
                        containsString("反馈内容：</span>已在上午高峰增开窗口"), not(containsString("家里地址")));
        given().get("/r/" + rated.token() + "?lang=en&size=large").then()
                .body(containsString("class=\"large\""), containsString("Progress of your review"),
                        containsString("Measures: </span>高峰时段增开两个窗口"), containsString("Standard text"),
                        containsString("size=large"));

        // 追评: the feedback opens the follow-up rating, once; it is its own event and leaves the rating alone.
        given().get("/r/" + rated.token()).then().body(containsString("对整改结果评价（追评）"),
                containsString("id=\"follow-up-form\""));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("level", "9")
                .redirects().follow(false).post("/r/" + rated.token() + "/follow-up").then().statusCode(422)
                .body(containsString("请选择对整改结果的评价"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("level", "4")
                .formParam("text", "a".repeat(2001)).redirects().follow(false)
                .post("/r/" + rated.token() + "/follow-up").then().statusCode(422).body(containsString("2000"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("level", "4")
                .formParam("text", "快多了").redirects().follow(false)
                .post("/r/" + rated.token() + "/follow-up?lang=zh&size=large")
                .then().statusCode(303).header("Location", endsWith("/r/" + rated.token() + "?lang=zh&size=large"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("level", "1")
                .redirects().follow(false).post("/r/" + rated.token() + "/follow-up").then().statusCode(409)
                .body(containsString("您已对整改结果作出评价：满意"));
        given().get("/r/" + rated.token()).then().body(containsString("您已对整改结果作出评价：满意"),
                not(containsString("id=\"follow-up-form\"")));
        await().atMost(Duration.ofSeconds(20)).until(() -> followUpEvents(rated.caseNumber()).size() == 1);
        FollowUpRated followUp = EventJson.read(followUpEvents(rated.caseNumber()).get(0), FollowUpRated.class)
                .payload();
        assertEquals(4, followUp.level());
        assertEquals(rated.ratingId(), followUp.ratingId());
        assertEquals(rect, followUp.rectificationId());
        assertEquals("JL-CY-CENTRE", followUp.institutionCode());
        assertEquals("快多了", followUp.text());
        assertEquals(1, IntakeTestSupport.ratingRows(rated.caseNumber()), "the original rating stands alone");

        publish(rect, new RectificationWithdrawn(rect, rated.ratingId(), "D-1", opened.plusSeconds(9000)), opened);
        await().atMost(Duration.ofSeconds(30)).until(() -> page(rated.token(), "").contains("不予采纳"));
        given().get("/r/" + rated.token()).then().body(not(containsString("下一步")));
    }

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    org.hcp.intake.repository.RectificationProgressRepository progress;

    /**
     * Deterministic replay: the whole of hcp.rectifications folded again in one pass, into a scratch copy of the
     * tables, gives the rows the live projection wrote batch by batch.
     */
    @Test
    void theProgressTablesAreWhatTheLogFoldedAgainGives() throws Exception {
        Rated rated = rateThroughALink(1);
        String rect = "RECT-" + rated.caseNumber();
        Instant at = Instant.parse("2026-11-02T02:00:00Z");
        publish(rect, new RectificationOpened(rect, List.of(rated.ratingId()), List.of(rated.caseNumber()), 1,
                List.of("WAITING"), Channel.SMS, "ITEM-SOCIAL-CARD", "JL-CY-CENTRE", null, null, "220202", false, at,
                at, at.plusSeconds(86_400), false), at);
        publish(rect, new RectificationResolved(rect, Resolution.EXPLAINED, "已解释", null, false, "h", at), at);
        publish(rect, new RectificationWithdrawn(rect, rated.ratingId(), "D-9", at.plusSeconds(60)), at);
        await().atMost(Duration.ofSeconds(30)).until(() -> page(rated.token(), "").contains("不予采纳"));
        List<String> tables = List.of("rectification_progress", "rectification_progress_rating",
                "rectification_progress_step");
        List<EventEnvelope<EventPayload>> log = TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(),
                Topics.RECTIFICATIONS).stream().map(r -> org.hcp.events.EventJson.read(r.value())).toList();
        org.hcp.kit.db.Transactions.inTransaction(pool, tx -> {
            org.hcp.kit.db.Transactions.update(tx, "CREATE SCHEMA IF NOT EXISTS replay", io.vertx.mutiny.sqlclient.Tuple.tuple());
            for (String table : tables) {
                org.hcp.kit.db.Transactions.update(tx, "DROP TABLE IF EXISTS replay." + table,
                        io.vertx.mutiny.sqlclient.Tuple.tuple());
                org.hcp.kit.db.Transactions.update(tx, "CREATE TABLE replay." + table + " (LIKE public." + table
                        + " INCLUDING ALL)", io.vertx.mutiny.sqlclient.Tuple.tuple());
            }
            org.hcp.kit.db.Transactions.update(tx, "SET LOCAL search_path TO replay, public",
                    io.vertx.mutiny.sqlclient.Tuple.tuple());
            progress.record(tx, log);
            return null;
        });
        for (String table : tables) {
            List<String> live = rows("public." + table);
            org.junit.jupiter.api.Assertions.assertFalse(live.isEmpty(), table);
            assertEquals(live, rows("replay." + table), table);
        }
    }

    static List<String> rows(String table) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        try (java.sql.Connection c = LocalStack.shared().postgres().connect("intake");
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT t::text FROM " + table
                     + " t ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void r2_4_aGoodReviewsLinkShowsItsThanksAndNoProgress() {
        Rated rated = rateThroughALink(5);
        given().get("/r/" + rated.token() + "/thanks?lang=zh").then().statusCode(200)
                .body(containsString("感谢您的评价"), not(containsString("整改进度")));
        given().get("/r/" + rated.token()).then().statusCode(200)
                .body(containsString("感谢您对政务服务的肯定"), containsString("非常满意"),
                        not(containsString("整改进度")), not(containsString("<form")));
    }
}
