package org.hcp.sync.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcp.events.Channel;
import org.hcp.events.EventEnvelope;
import org.hcp.events.FollowUpRated;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TopicProbe;
import org.hcp.tools.history.Generate;
import org.hcp.tools.history.HistoryGenerator;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * R5.2 / R5.5: a province pulls its feed page by page and gets each of its ratings exactly once, each case before its
 * rating, a not-adopted decision after it, a default rating marked as one, and nothing of another province.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync"))
class SyncFeedTest {

    // 海南省 (46) and 西藏 (54): no other test rates there.
    private static final String PROVINCE = "46";
    private static final String COUNTY = "460105";
    private static final String SYNC = DevTokens.mint("sync", PROVINCE, Duration.ofHours(1));

    @Test
    void r5_2_everyRatingOfTheProvinceExactlyOnceInOrderAcrossPages() {
        List<EventEnvelope<RatingSubmitted>> ratings = new ArrayList<>();
        Instant at = Instant.parse("2025-09-01T02:00:00Z");
        for (int i = 0; i < 7; i++) {
            ratings.add(TestEvents.rating(COUNTY, "G-460105-C", 1 + i % 5, at.plusSeconds(i)));
        }
        RatingSubmitted r = TestEvents.rating(COUNTY, "G-460105-C", 3, at).payload();
        RatingSubmitted byTheSystem = new RatingSubmitted(r.ratingId(), r.caseNumber(), r.caseKind(), r.itemCode(),
                r.institutionCode(), null, null, null, COUNTY, Channel.SYSTEM_DEFAULT, 5, 3, List.of(), null, null,
                null, null, RatingOrigin.DEFAULT_RATING, 1, at, null, null, null, null, null, null);
        ratings.add(EventEnvelope.of(byTheSystem, r.ratingId(), COUNTY, at, at, null, null, "test"));
        // A record no one can read sits in the log among them: the feed steps over it (projections dead-letter it).
        TopicProbe.send(LocalStack.shared().kafka().bootstrapServers(), Topics.RATINGS, "poison-sync", "{not an event");
        TestEvents.publishAll(Topics.RATINGS, ratings);
        TestEvents.publish(Topics.RATINGS, TestEvents.rating("540102", "G-540102-C", 5, at));
        RatingSubmitted appealed = ratings.get(0).payload();
        Instant decided = Instant.parse("2025-09-20T02:00:00Z");
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(new RatingNotAdopted(appealed.ratingId(),
                appealed.caseNumber(), "d-sync", false, "误评", "bureau:46", decided), appealed.ratingId(), COUNTY,
                decided, decided, null, null, "test"));
        // 追评 of another bad review, weeks later: the standard profile sends it as its own record (docs/sync.md).
        RatingSubmitted followedUp = ratings.get(1).payload();
        Instant later = Instant.parse("2025-09-25T02:00:00Z");
        TestEvents.publish(Topics.CASES, EventEnvelope.of(new FollowUpRated("follow-up-" + followedUp.ratingId(),
                followedUp.ratingId(), followedUp.ratingId(), followedUp.caseNumber(), followedUp.itemCode(),
                followedUp.institutionCode(), null, null, COUNTY, Channel.SMS, 4, null, later),
                followedUp.caseNumber(), COUNTY, later, later, null, null, "test"));

        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        String secondPageCursor = null;
        List<Map<String, Object>> secondPage = null;
        for (int page = 0; page < 50; page++) {
            var request = given().auth().oauth2(SYNC).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath body = request.get("/api/v1/sync/ratings").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> got = body.getList("items");
            if (page == 1) {
                secondPageCursor = cursor;
                secondPage = got;
            }
            items.addAll(got);
            cursor = body.getString("next");
            if (body.getBoolean("caughtUp")) {
                break;
            }
        }

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) item.get("record");
            String kind = (String) item.get("kind");
            assertTrue(((String) record.getOrDefault("areaCode", "460105000000")).startsWith(PROVINCE), item.toString());
            if (kind.equals("evaluate") && record.containsKey("originalEvaluateId")) {
                assertEquals(followedUp.ratingId(), record.get("originalEvaluateId"));
                assertEquals(3, record.get("assessNumber"));
                assertTrue(order.contains("evaluate:" + followedUp.ratingId()), "after the rating it follows up");
                assertTrue(seen.add((String) record.get("evaluateId")), "exactly once: " + record.get("evaluateId"));
            } else if (kind.equals("evaluate")) {
                assertTrue(seen.add((String) record.get("evaluateId")), "exactly once: " + record.get("evaluateId"));
                assertEquals("case:" + record.get("projectNo"), order.get(order.size() - 1), "its case just before");
            }
            order.add(kind.equals("case") ? "case:" + record.get("projectNo")
                    : kind + ":" + record.get("evaluateId"));
        }
        for (EventEnvelope<RatingSubmitted> rating : ratings) {
            assertTrue(seen.contains(rating.payload().ratingId()), "delivered: " + rating.payload().ratingId());
        }
        assertTrue(seen.contains("follow-up-" + followedUp.ratingId()), "the follow-up rating delivered");
        assertEquals(ratings.size() + 1, seen.size(), "nothing of another province");
        int statusAt = order.indexOf("status:" + appealed.ratingId());
        assertTrue(statusAt > order.indexOf("evaluate:" + appealed.ratingId()), "the decision after its rating");
        Map<String, Object> defaultRecord = items.stream().map(i -> recordOf(i))
                .filter(rec -> byTheSystem.ratingId().equals(rec.get("evaluateId")) && rec.containsKey("pf"))
                .findFirst().orElseThrow();
        assertEquals("1", defaultRecord.get("defaultEvaluation"), "R1.9: the standard profile marks a default");

        // The same cursor gives the same page again: a province that lost a response asks again.
        List<Map<String, Object>> again = given().auth().oauth2(SYNC).queryParam("limit", 3)
                .queryParam("after", secondPageCursor).get("/api/v1/sync/ratings")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(secondPage, again);
    }

    @Test
    void r5_2_aGeneratedHistoryIsPulledExactlyOnce() {
        Generate.write(LocalStack.shared().kafka().bootstrapServers(),
                new HistoryGenerator.Options(31, java.time.LocalDate.of(2025, 2, 1), 1, 0.05));
        // Each rating of Jilin as often as the log holds it: a relay that published one twice (at least once) shows.
        Map<String, Integer> expected = new java.util.HashMap<>();
        TopicProbe.forEach(LocalStack.shared().kafka().bootstrapServers(), List.of(Topics.RATINGS),
                Duration.ofMinutes(2), r -> {
                    try {
                        RatingSubmitted rating = org.hcp.events.EventJson.read(r.value(), RatingSubmitted.class)
                                .payload();
                        if (rating.regionCode().startsWith("22")) {
                            expected.merge(rating.ratingId(), 1, Integer::sum);
                        }
                    } catch (RuntimeException unreadable) {
                        // not a rating
                    }
                });
        // And each follow-up rating (追评) of Jilin, which the standard profile sends as its own record.
        TopicProbe.forEach(LocalStack.shared().kafka().bootstrapServers(), List.of(Topics.CASES),
                Duration.ofMinutes(2), r -> {
                    if (r.value().contains("\"FollowUpRated\"")) {
                        FollowUpRated f = org.hcp.events.EventJson.read(r.value(), FollowUpRated.class).payload();
                        if (f.regionCode().startsWith("22")) {
                            expected.merge(f.followUpId(), 1, Integer::sum);
                        }
                    }
                });
        String jilin = DevTokens.mint("sync", "22", Duration.ofHours(1));

        Map<String, Integer> times = new java.util.HashMap<>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            var request = given().auth().oauth2(jilin).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath body = request.get("/api/v1/sync/ratings").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            for (Map<String, Object> item : items) {
                if ("evaluate".equals(item.get("kind"))) {
                    times.merge((String) recordOf(item).get("evaluateId"), 1, Integer::sum);
                }
            }
            cursor = body.getString("next");
            if (body.getBoolean("caughtUp")) {
                break;
            }
        }

        assertTrue(expected.size() > 100, "the history has Jilin's ratings: " + expected.size());
        // Every record of the log exactly once: no rating missing, none repeated beyond what the log holds.
        assertEquals(expected, times);
    }

    @Test
    void aSyncTokenWithoutItsProvinceOrABadCursorIsRefusedSayingWhy() {
        given().auth().oauth2(DevTokens.mint("sync")).get("/api/v1/sync/ratings")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("province"));
        given().auth().oauth2(SYNC).queryParam("after", "bm90LWEtY3Vyc29y").get("/api/v1/sync/ratings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("?after"));
        given().auth().oauth2(SYNC).queryParam("limit", 0).get("/api/v1/sync/ratings")
                .then().statusCode(422).body("errors[0].pointer", equalTo("?limit"));
        given().auth().oauth2(SYNC).queryParam("region", "3709").get("/api/v1/sync/ratings")
                .then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordOf(Map<String, Object> item) {
        return (Map<String, Object>) item.get("record");
    }
}
