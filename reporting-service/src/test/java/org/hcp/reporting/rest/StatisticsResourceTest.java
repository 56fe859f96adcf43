package org.hcp.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.FollowUpRated;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.text.Csv;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TopicProbe;
import static org.hcp.testkit.TestEvents.publish;
import static org.hcp.testkit.TestEvents.rating;
import org.junit.jupiter.api.Test;

/** The statistics projection and API, fed through a real broker, read from a real database. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class StatisticsResourceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String BUREAU = DevTokens.mint("bureau", "2202", Duration.ofHours(1));
    private static final String ADMIN = DevTokens.mint("admin");

    static String bootstrap() {
        return LocalStack.shared().kafka().bootstrapServers();
    }

    static JsonPath stats(String query) {
        return given().auth().oauth2(ADMIN).get("/api/v1/stats/satisfaction?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static String newInstitution() {
        return "INST-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void ratingsAreCountedPerLevelWithGoodBadAndTheSatisfactionRate() {
        String institution = newInstitution();
        Instant day = Instant.parse("2024-11-05T03:00:00Z");
        for (int level : new int[]{5, 5, 4, 3, 2, 1}) {
            publish(rating("220201", institution, level, day));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 6);
        JsonPath report = stats("institution=" + institution + "&from=2024-11-05&to=2024-11-05");
        assertEquals(6, report.getInt("total"));
        assertEquals(4, report.getInt("good"));
        assertEquals(2, report.getInt("bad"));
        assertEquals(2, report.getInt("byLevel.5"));
        assertEquals(0.6667, report.getDouble("goodRate"), 1e-9);
        assertEquals(0.5, report.getDouble("satisfactionRate"), 1e-9, "levels 4 and 5 of all (docs/figures.md)");
        assertEquals(0, stats("institution=" + institution + "&from=2024-11-06").getInt("total"));
    }

    @Test
    void r4_2_theFiguresComeAsCsvWithTheSameNumbersAsTheJson() {
        String institution = newInstitution();
        Instant day = Instant.parse("2024-10-08T03:00:00Z");
        for (int level : new int[]{5, 4, 4, 1}) {
            publish(rating("220201", institution, level, day));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 4);
        String query = "/api/v1/stats/figures?institution=" + institution + "&from=2024-10-01&to=2024-10-31&by=month";
        JsonPath json = given().auth().oauth2(ADMIN).accept("application/json").get(query).then().statusCode(200)
                .extract().jsonPath();
        String text = given().auth().oauth2(ADMIN).accept("text/csv").get(query).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        List<Csv.Record> rows = Csv.parse(text);
        List<String> header = rows.get(0).fields();
        assertEquals(List.of("group", "name", "ratings"), header.subList(0, 3));
        assertEquals(3, rows.size(), "the total, then October: " + text);
        for (int row = 1; row < rows.size(); row++) {
            String prefix = row == 1 ? "figures." : "groups[0].figures.";
            for (String figure : List.of("ratings", "good", "bad", "goodRate", "satisfactionRate")) {
                assertEquals(json.getString(prefix + figure), rows.get(row).fields().get(header.indexOf(figure)),
                        figure + " in row " + row);
            }
        }
        assertEquals(json.getString("groups[0].key"), rows.get(2).fields().get(0));
    }

    @Test
    void r4_2_regionFiltersByCodePrefix() {
        String institution = newInstitution();
        Instant at = Instant.parse("2024-11-05T03:00:00Z");
        publish(rating("220201", institution, 5, at));
        publish(rating("220202", institution, 4, at));
        publish(rating("370901", institution, 1, at));
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 3);
        assertEquals(2, stats("institution=" + institution + "&region=2202").getInt("total"));
        assertEquals(1, stats("institution=" + institution + "&region=220202").getInt("total"));
        assertEquals(1, stats("institution=" + institution + "&region=37").getInt("total"));
    }

    @Test
    void theStatisticsDayIsTheRatingsDayInChina() {
        String institution = newInstitution();
        // 2024-11-05 23:30 in UTC is 2024-11-06 07:30 in Asia/Shanghai.
        publish(rating("220201", institution, 5, Instant.parse("2024-11-05T23:30:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 1);
        assertEquals(1, stats("institution=" + institution + "&from=2024-11-06&to=2024-11-06").getInt("total"));
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        String institution = newInstitution();
        EventEnvelope<RatingSubmitted> event = rating("220201", institution, 5, Instant.now());
        publish(event);
        publish(event);
        publish(event);
        EventEnvelope<RatingSubmitted> marker = rating("220201", institution, 1, Instant.now());
        publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("bad") == 1);
        assertEquals(2, stats("institution=" + institution).getInt("total"));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheProjectionGoesOn() {
        String institution = newInstitution();
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicProbe.send(bootstrap(), Topics.RATINGS, poisonKey, "{not an event");
        publish(rating("220201", institution, 4, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicProbe.readAll(bootstrap(), Topics.DEAD_LETTER).stream()
                .anyMatch(r -> poisonKey.equals(r.key())));
        ConsumerRecord<String, String> letter = TopicProbe.readAll(bootstrap(), Topics.DEAD_LETTER).stream()
                .filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        String reason = new String(letter.headers().lastHeader("hcp.dlq.reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("unreadable"), reason);
    }

    @Test
    void aRebuildFromTheLogEqualsTheLiveStatistics() throws Exception {
        String institution = newInstitution();
        for (int i = 0; i < 30; i++) {
            publish(rating(i % 2 == 0 ? "220201" : "220202", institution, 1 + i % 5,
                    Instant.parse("2024-11-01T03:00:00Z").plus(Duration.ofDays(i % 7))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 30);
        String liveBefore = stats("region=22").prettify();
        List<String> liveRows = rows("agg_day");
        List<String> liveMonths = rows("agg_month");
        List<String> liveFacts = rows("rating_fact");

        JsonPath result = given().auth().oauth2(ADMIN).post("/api/v1/admin/rebuild")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(result.getLong("eventsReplayed") >= 30);
        assertEquals(liveBefore, stats("region=22").prettify());
        assertEquals(liveRows, rows("agg_day"), "the rebuilt counts equal the live ones, row for row");
        assertEquals(liveMonths, rows("agg_month"));
        assertEquals(liveFacts, rows("rating_fact"));

        // The projection goes on in the rebuilt tables.
        publish(rating("220201", institution, 5, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 31);
    }

    static EventEnvelope<FollowUpRated> followUp(String institution, String ratingId, int level, Instant at) {
        var f = new FollowUpRated("follow-up-" + ratingId, ratingId, "RECT-" + ratingId, "C-" + ratingId,
                "ITEM-BIZ-LICENSE", institution, null, null, "220201", Channel.SMS, level, "回访很及时", at);
        return EventEnvelope.of(f, f.caseNumber(), f.regionCode(), at, at, null, null, "intake-service");
    }

    @Test
    void followUpRatingsMakeTheSatisfactionWithRectificationOnTheirOwnDayEachCountedOnce() throws Exception {
        String institution = newInstitution();
        Instant day = Instant.parse("2024-11-12T03:00:00Z");
        var satisfied = followUp(institution, "r-" + institution + "-1", 5, day);
        publish(Topics.CASES, satisfied);
        publish(Topics.CASES, satisfied);
        publish(Topics.CASES, followUp(institution, "r-" + institution + "-2", 4, day));
        publish(Topics.CASES, followUp(institution, "r-" + institution + "-3", 2, day));
        String query = "/api/v1/stats/figures?institution=" + institution + "&from=2024-11-01&to=2024-11-30";
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN).get(query).then()
                .extract().jsonPath().getInt("figures.followUps") == 3);
        JsonPath figures = given().auth().oauth2(ADMIN).get(query).then().statusCode(200).extract().jsonPath();
        assertEquals(2, figures.getInt("figures.followUpsSatisfied"));
        assertEquals(0.6667, figures.getDouble("figures.followUpSatisfactionRate"), 1e-9);
        assertEquals(0, figures.getInt("figures.ratings"), "a follow-up is not a rating (the original stands)");

        List<String> liveRows = rows("agg_month");
        given().auth().oauth2(ADMIN).post("/api/v1/admin/rebuild").then().statusCode(200);
        assertEquals(liveRows, rows("agg_month"), "a rebuild counts the follow-ups as the live statistics did");
    }

    private static void decide(EventEnvelope<RatingSubmitted> rating, boolean notAdopted, String decisionId) {
        RatingSubmitted r = rating.payload();
        Instant at = Instant.now();
        var decision = notAdopted
                ? new RatingNotAdopted(r.ratingId(), r.caseNumber(), decisionId, false, "误评", "bureau:2202", at)
                : new RatingReinstated(r.ratingId(), r.caseNumber(), decisionId, "复核", "bureau:2202", at);
        publish(Topics.APPEALS, EventEnvelope.of(decision, r.ratingId(), r.regionCode(), at, at, null, null, "test"));
    }

    @Test
    void r3_4_aNotAdoptedRatingCountsNowhereWhicheverArrivesFirstAReinstatedOneAgainAndARebuildAgrees()
            throws Exception {
        String institution = newInstitution();
        Instant day = Instant.parse("2024-11-05T03:00:00Z");
        var bad = rating("220201", institution, 1, day);
        publish(bad);
        publish(rating("220201", institution, 5, day));
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 2);

        decide(bad, true, "d-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 1);
        assertEquals(0, stats("institution=" + institution).getInt("bad"), "the upheld bad review counts nowhere");

        // The decision read before its rating: the rating is never counted, whichever the projections read first.
        var early = rating("220201", institution, 2, day);
        decide(early, true, "d-2");
        publish(early);
        publish(rating("220201", institution, 4, day));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                .until(() -> stats("institution=" + institution).getInt("total") == 2);

        decide(bad, false, "d-3");
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 3);
        assertEquals(1, stats("institution=" + institution).getInt("bad"), "reinstated, it counts again");

        List<String> liveRows = rows("agg_month");
        List<String> liveFacts = rows("rating_fact");
        given().auth().oauth2(ADMIN).post("/api/v1/admin/rebuild").then().statusCode(200);
        assertEquals(liveRows, rows("agg_month"), "a rebuild counts the decisions as the live statistics did");
        assertEquals(liveFacts, rows("rating_fact"));
        assertEquals(3, stats("institution=" + institution).getInt("total"));
    }

    /** Every row of a table in the live schema, in a fixed order. */
    private static List<String> rows(String table) throws Exception {
        try (Connection connection = LocalStack.shared().postgres().connect("reporting")) {
            String schema;
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT active_schema FROM projection_state WHERE projection = 'statistics'")) {
                rs.next();
                schema = rs.getString(1);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT t::text FROM " + schema + "." + table + " t ORDER BY t::text")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    private static void register(String institution, int version, String name, String effectiveFrom) {
        Instant from = Instant.parse(effectiveFrom);
        var entry = new org.hcp.events.DirectoryEntryRecorded(org.hcp.events.DirectoryKind.INSTITUTION, institution,
                version, name, "220201", null, null, true, from);
        String key = org.hcp.events.DirectoryEntryRecorded.key(org.hcp.events.DirectoryKind.INSTITUTION, institution);
        publish(Topics.DIRECTORY, EventEnvelope.of(entry, key, "220201", from, from, null, null, "test"));
    }

    @Test
    void r4_2_aGroupIsNamedAsTheDirectoryNamedItAtTheEndOfThePeriod() {
        String institution = newInstitution();
        register(institution, 1, "城东服务中心", "2024-12-31T16:00:00Z");
        register(institution, 2, "城东政务服务中心", "2025-05-31T16:00:00Z");
        publish(rating("220201", institution, 5, Instant.parse("2025-03-05T03:00:00Z")));
        publish(rating("220201", institution, 4, Instant.parse("2025-07-05T03:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 2);
        String figures = "/api/v1/stats/figures?region=220201&by=institution&limit=1000";
        await().atMost(Duration.ofSeconds(20)).until(() -> "城东服务中心".equals(given().auth().oauth2(ADMIN)
                .get(figures + "&from=2025-03-01&to=2025-03-31").then().extract().jsonPath()
                .getString("groups.find { it.key == '" + institution + "' }.name")));
        given().auth().oauth2(ADMIN).get(figures + "&from=2025-07-01&to=2025-07-31").then().statusCode(200)
                .body("groups.find { it.key == '" + institution + "' }.name", equalTo("城东政务服务中心"));
        given().auth().oauth2(ADMIN).get("/api/v1/stats/rankings?region=220201&from=2025-03-01&to=2025-03-31")
                .then().statusCode(200)
                .body("units.find { it.unit == '" + institution + "' }.name", equalTo("城东服务中心"));
        // Rated before the directory had it at all (registered later, as ./hcp up's demo is): its first name, not none.
        publish(rating("220201", institution, 3, Instant.parse("2024-11-05T03:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> stats("institution=" + institution).getInt("total") == 3);
        given().auth().oauth2(ADMIN).get(figures + "&from=2024-11-01&to=2024-11-30").then().statusCode(200)
                .body("groups.find { it.key == '" + institution + "' }.name", equalTo("城东服务中心"));
    }

    @Test
    void aBureauSeesOnlyItsOwnRegion() {
        given().auth().oauth2(BUREAU).get("/api/v1/stats/satisfaction?region=220201").then().statusCode(200)
                .body("region", equalTo("220201"));
        given().auth().oauth2(BUREAU).get("/api/v1/stats/satisfaction").then().statusCode(200)
                .body("region", equalTo("2202"));
        given().auth().oauth2(BUREAU).get("/api/v1/stats/satisfaction?region=37").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        given().auth().oauth2(ADMIN).get("/api/v1/stats/satisfaction?region=abc&from=2024-13-01").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("?region"))
                .body("errors.pointer", hasItem("?from"));
        given().auth().oauth2(ADMIN).get("/api/v1/stats/satisfaction?from=2024-11-02&to=2024-11-01").then()
                .statusCode(422);
    }

    @Test
    void accessNeedsATokenAndTheRightRole() throws Exception {
        given().get("/api/v1/stats/satisfaction").then().statusCode(401);
        given().auth().oauth2(DevTokens.mint("channel")).get("/api/v1/stats/satisfaction").then().statusCode(403);
        given().auth().oauth2(DevTokens.mint("bureau", "2202", Duration.ofHours(1))).post("/api/v1/admin/rebuild")
                .then().statusCode(403);
        given().get(management.toURI().resolve("/q/health/ready").toString()).then().statusCode(200).body("status", equalTo("UP"));
    }
}
