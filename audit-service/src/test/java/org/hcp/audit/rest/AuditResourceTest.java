package org.hcp.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/** R5.3: the auditor API recomputes from the log what stood at an instant, and a case's history, read-only. */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class AuditResourceTest {

    private static final String AUDITOR = DevTokens.mint("auditor");
    // 呼和浩特市新城区: no other test rates there.
    private static final String COUNTY = "150102";

    @Test
    void r5_3_theFiguresAsTheyStoodBeforeADecisionAndAfterIt() throws InterruptedException {
        Instant rated = Instant.parse("2025-09-03T02:00:00Z");
        List<EventEnvelope<RatingSubmitted>> ratings = new ArrayList<>();
        for (int level : new int[]{5, 4, 1}) {
            ratings.add(TestEvents.rating(COUNTY, "G-150102-C", level, rated));
        }
        TestEvents.publishAll(Topics.RATINGS, ratings);
        Thread.sleep(20);
        Instant beforeTheDecision = Instant.now();
        Thread.sleep(20);
        RatingSubmitted bad = ratings.get(2).payload();
        Instant decided = Instant.now();
        TestEvents.publish(Topics.APPEALS, EventEnvelope.of(new RatingNotAdopted(bad.ratingId(), bad.caseNumber(),
                "d-audit", false, "误评", "bureau:15", decided), bad.ratingId(), COUNTY, decided, decided, null, null,
                "test"));

        JsonPath then = given().auth().oauth2(AUDITOR).queryParam("asOf", beforeTheDecision.toString())
                .queryParam("region", COUNTY).queryParam("events", true).get("/api/v1/audit/figures")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, then.getInt("figures.''.ratings"));
        assertEquals(1, then.getInt("figures.''.bad"));
        assertEquals(3, then.getList("events.counted").size());

        JsonPath now = given().auth().oauth2(AUDITOR).queryParam("asOf", "2099-12-31T24:00+08:00")
                .queryParam("region", COUNTY).queryParam("events", true).get("/api/v1/audit/figures")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, now.getInt("figures.''.ratings"));
        assertEquals(0, now.getInt("figures.''.bad"));
        List<String> takenOut = now.getList("events.notAdopted");
        assertEquals(1, takenOut.size());
        assertTrue(takenOut.get(0).contains(ratings.get(2).eventId().toString())
                && takenOut.get(0).contains("RatingNotAdopted"), takenOut.toString());

        List<Map<String, Object>> history = given().auth().oauth2(AUDITOR)
                .get("/api/v1/audit/cases/" + bad.caseNumber()).then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(List.of("RatingSubmitted", "RatingNotAdopted"), history.stream().map(e -> e.get("type")).toList());

        given().auth().oauth2(AUDITOR).queryParam("region", COUNTY).get("/api/v1/audit/bulletins")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aRequestThatCannotBeAnsweredSaysWhy() {
        given().auth().oauth2(AUDITOR).queryParam("region", COUNTY).get("/api/v1/audit/figures")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("?asOf"));
        given().auth().oauth2(AUDITOR).queryParam("asOf", "yesterday").queryParam("region", COUNTY)
                .get("/api/v1/audit/figures").then().statusCode(422).body("errors[0].pointer", equalTo("?asOf"));
        given().auth().oauth2(AUDITOR).queryParam("asOf", "2025-10-31T24:00+08:00")
                .get("/api/v1/audit/figures").then().statusCode(422).body("errors[0].pointer", equalTo("?region"));
        given().auth().oauth2(AUDITOR).queryParam("asOf", "2025-10-31T24:00+08:00").queryParam("region", COUNTY)
                .queryParam("by", "evaluator").get("/api/v1/audit/figures")
                .then().statusCode(422).body("errors[0].pointer", equalTo("?by"));
        given().auth().oauth2(AUDITOR).get("/api/v1/audit/cases/NO-SUCH-CASE").then().statusCode(404);
    }
}
