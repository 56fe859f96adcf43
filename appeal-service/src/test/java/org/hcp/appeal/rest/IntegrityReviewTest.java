package org.hcp.appeal.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hcp.appeal.domain.RatingStreams;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.kit.db.Transactions;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.hcp.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * R6.3 on a real Kafka and PostgreSQL: a generated clean day of a Tai'an hall with a seeded 刷好评 burst, published in
 * shuffled order, raises exactly one flag; the bureau reviews it and the burst's ratings are not adopted.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class IntegrityReviewTest {

    private static final String BUREAU_TAIAN = DevTokens.mint("bureau", "3709", Duration.ofHours(1));
    private static final String COUNTY = "370921";
    private static final String BUREAU_JILIN = DevTokens.mint("bureau", "2202", Duration.ofHours(1));

    @Inject
    Pool pool;

    @Test
    void r6_3_aSeededBurstInACleanDayIsFlaggedAloneAndItsRatingsAreNotAdoptedOnReview() {
        // 宁阳县 (370921): no other test rates there, so its queue holds this test's flags only.
        List<RatingSubmitted> ratings = new ArrayList<>(RatingStreams.clean(11, COUNTY, LocalDate.of(2025, 3, 12), 1,
                6, 4));
        List<RatingSubmitted> burst = RatingStreams.deviceBurst(3, COUNTY, "INST-2", "INST-2-W1", "INST-2-S1",
                Instant.parse("2025-03-12T02:00:00Z"), 7);
        ratings.addAll(burst);
        Collections.shuffle(ratings, new Random(1));

        TestEvents.publishAll(Topics.RATINGS, ratings.stream().map(r -> EventEnvelope.of(r, r.ratingId(),
                r.regionCode(), r.ratedAt(), r.ratedAt(), null, null, "test")).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> observed(ratings) == ratings.size());

        given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/integrity-flags?region=" + COUNTY).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].rule", equalTo("DEVICE_BURST"))
                .body("items[0].status", equalTo("PENDING"));
        String flagId = given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/integrity-flags?region=" + COUNTY).then()
                .extract().path("items[0].flagId");
        List<String> evidence = given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/integrity-flags/" + flagId).then()
                .statusCode(200).body(not(containsString("p-burst")))
                .extract().path("evidence.ratingId");
        assertTrue(evidence.containsAll(burst.stream().map(RatingSubmitted::ratingId).toList()), evidence::toString);
        given().auth().oauth2(BUREAU_JILIN).get("/api/v1/integrity-flags/" + flagId).then().statusCode(404);

        review(flagId, "{\"outcome\":\"DISMISSED\",\"malicious\":true,\"reason\":\"x\"}").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/malicious"));
        review(flagId, "{\"outcome\":\"NOT_ADOPTED\",\"reason\":\"调取监控：工作人员代评\"}").then().statusCode(200)
                .body("status", equalTo("NOT_ADOPTED")).body("pending", equalTo(0));
        review(flagId, "{\"outcome\":\"DISMISSED\",\"reason\":\"again\"}").then().statusCode(409);

        // The outbox relay publishes after the answer: wait for it, then look at exactly what is on the topic.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(evidence.stream().sorted().toList(),
                TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.APPEALS).stream()
                        .filter(r -> r.value().contains("\"RatingNotAdopted\"") && r.value().contains(flagId))
                        .map(r -> r.key()).sorted().toList(), "one RatingNotAdopted per flagged rating"));
    }

    @Test
    void r6_3_r3_4_serialLevelOneRatingsFoundMaliciousPutTheEvaluatorInTaiansCreditRecords() {
        String evaluator = "p-serial-" + UUID.randomUUID();
        List<RatingSubmitted> serial = RatingStreams.serialBadReviews(evaluator,
                Instant.parse("2025-04-08T01:00:00Z"), Duration.ofMinutes(15), 4);
        TestEvents.publishAll(Topics.RATINGS, serial.stream().map(r -> EventEnvelope.of(r, r.ratingId(),
                r.regionCode(), r.ratedAt(), r.ratedAt(), null, null, "test")).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> observed(serial) == serial.size());
        String flagId = given().auth().oauth2(BUREAU_TAIAN)
                .get("/api/v1/integrity-flags?region=370902&rule=SERIAL_BAD_REVIEWS&status=PENDING").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].distinct", equalTo(4))
                .extract().path("items[0].flagId");

        review(flagId, "{\"outcome\":\"NOT_ADOPTED\",\"malicious\":true,\"reason\":\"同一人两小时内对四个单位恶意差评\"}")
                .then().statusCode(200).body("status", equalTo("NOT_ADOPTED"));

        List<String> recorded = given().auth().oauth2(BUREAU_TAIAN).get("/api/v1/credit-records?size=500").then()
                .statusCode(200).extract().path("items.findAll { it.evaluatorPseudonym == '%s' }.ratingId"
                        .formatted(evaluator));
        assertEquals(serial.stream().map(RatingSubmitted::ratingId).sorted().toList(),
                recorded.stream().sorted().toList(), "R3.4 TA: each rating found malicious, under its pseudonym");
    }

    private static io.restassured.response.Response review(String flagId, String json) {
        return given().auth().oauth2(BUREAU_TAIAN).header("Accept-Language", "en").contentType("application/json")
                .body(json).post("/api/v1/integrity-flags/" + flagId + "/review");
    }

    /** How many of {@code ratings} the integrity projection has recorded (and judged, in the same transaction). */
    private long observed(List<RatingSubmitted> ratings) {
        return Transactions.query(pool, "SELECT count(*) AS n FROM integrity_rating WHERE rating_id = ANY($1)",
                Tuple.of(ratings.stream().map(RatingSubmitted::ratingId).toArray(String[]::new))).get(0).getLong("n");
    }
}
