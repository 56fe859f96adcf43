package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hcp.intake.rest.IntakeTestSupport.outboxRows;
import static org.hcp.intake.rest.IntakeTestSupport.ratingEventsFor;
import static org.hcp.intake.rest.IntakeTestSupport.ratingRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hcp.events.EventJson;
import org.hcp.events.RatingSubmitted;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/v1/ratings against real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class RatingResourceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String CHANNEL = DevTokens.mint("channel");

    static String body(String caseNumber, int level, String tags) {
        return """
                {"caseNumber":"%s","channel":"WINDOW_DEVICE","level":%d,"tags":%s,
                 "evaluator":{"type":"NATURAL_PERSON","id":"220102199001011234"}}""".formatted(caseNumber, level, tags);
    }

    static Response post(String json, String token) {
        return given().auth().oauth2(token).contentType("application/json").body(json).post("/api/v1/ratings");
    }

    /** A freshly reported instant case (R5.5: the case is registered before its rating). */
    static String newCase() {
        return IntakeFixtures.reportInstantCase();
    }

    @Test
    void anAcceptedRatingIsStoredAndPublishedOnceToTheRatingsTopic() throws Exception {
        String caseNumber = newCase();
        String ratingId = post(body(caseNumber, 2, "[\"SLOW\"]"), CHANNEL).then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/ratings/"))
                .body("status", equalTo("accepted"))
                .extract().path("ratingId");

        assertEquals(1, ratingRows(caseNumber));
        await().atMost(Duration.ofSeconds(20)).until(() -> ratingEventsFor(caseNumber).size() == 1);
        ConsumerRecord<String, String> record = ratingEventsFor(caseNumber).get(0);
        assertEquals(ratingId, record.key(), "keyed by rating id, so per-rating order holds");
        RatingSubmitted rating = EventJson.read(record.value(), RatingSubmitted.class).payload();
        assertEquals(2, rating.level());
        assertEquals(4, rating.channelPf());
        // R1.10 / R6.1: the evaluator's ID number never reaches the log of record.
        assertFalse(record.value().contains("220102199001011234"));
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(caseNumber) == 0);

        given().auth().oauth2(DevTokens.mint("auditor")).get("/api/v1/ratings/" + ratingId).then()
                .statusCode(200).body("caseNumber", equalTo(caseNumber)).body("level", equalTo(2));
    }

    @Test
    void theSameRatingSentTwentyTimesConcurrentlyIsOneRowAndOneEvent() throws Exception {
        String caseNumber = newCase();
        String ratingId = UUID.randomUUID().toString();
        String json = body(caseNumber, 4, "[]").replaceFirst("\\{", "{\"ratingId\":\"" + ratingId + "\",");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> post(json, CHANNEL));
            }
            Set<String> eventIds = new HashSet<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                Response response = answer.get();
                assertEquals(202, response.statusCode(), response.asString());
                assertEquals(ratingId, response.path("ratingId"));
                eventIds.add(response.path("eventId"));
            }
            assertEquals(1, eventIds.size(), "every retry gets the first answer");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ratingRows(caseNumber));
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows(caseNumber) == 0);
        assertEquals(1, ratingEventsFor(caseNumber).size(), "exactly one event on the topic");
    }

    @Test
    void anIdempotencyKeyHeaderMakesARetrySafeWithoutARatingId() throws Exception {
        String caseNumber = newCase();
        String json = body(caseNumber, 5, "[]");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(CHANNEL).header("Idempotency-Key", key).contentType("application/json")
                .body(json).post("/api/v1/ratings").then().statusCode(202).extract().path("eventId");
        String second = given().auth().oauth2(CHANNEL).header("Idempotency-Key", key).contentType("application/json")
                .body(json).post("/api/v1/ratings").then().statusCode(202).extract().path("eventId");
        assertEquals(first, second);
        assertEquals(1, ratingRows(caseNumber));
    }

    @Test
    void reusingARatingIdForADifferentRatingIsAConflictAndChangesNothing() throws Exception {
        String caseNumber = newCase();
        String ratingId = UUID.randomUUID().toString();
        post(body(caseNumber, 5, "[]").replaceFirst("\\{", "{\"ratingId\":\"" + ratingId + "\","), CHANNEL)
                .then().statusCode(202);
        post(body(caseNumber, 1, "[\"SLOW\"]").replaceFirst("\\{", "{\"ratingId\":\"" + ratingId + "\","), CHANNEL)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("idempotency-conflict"));
        assertEquals(1, ratingRows(caseNumber));
        assertEquals(5, IntakeTestSupport.count("SELECT level FROM rating WHERE rating_id = ?", ratingId));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing case number        | 422 | /caseNumber | {"itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"WEBSITE","level":5}
            missing level              | 422 | /level      | {"caseNumber":"@","itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"WEBSITE"}
            level 0                    | 422 | /level      | {"caseNumber":"@","itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"WEBSITE","level":0,"tags":["SLOW"]}
            level 6                    | 422 | /level      | {"caseNumber":"@","itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"WEBSITE","level":6}
            R1.3 bad review without tag| 422 | /tags       | {"caseNumber":"@","itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"WEBSITE","level":1,"tags":[]}
            R1.8 unknown channel       | 422 | /channel    | {"caseNumber":"@","itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"FAX","level":5}
            level is a string          | 400 | /level      | {"caseNumber":"@","itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"WEBSITE","level":"five"}
            tags is not a list         | 400 | /tags       | {"caseNumber":"@","itemCode":"I","institutionCode":"X","regionCode":"220201","channel":"WEBSITE","level":1,"tags":{"a":1}}
            malformed JSON             | 400 | /           | {"caseNumber":"@","level":5,
            """)
    void anInvalidBodyIsAProblemNamingTheFieldAndWritesNothing(String name, int status, String pointer, String json)
            throws Exception {
        String caseNumber = newCase();
        post(json.replace("@", caseNumber), CHANNEL).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("detail", notNullValue())
                .body("errors.pointer", hasItem(pointer));
        assertEquals(0, ratingRows(caseNumber), "no row");
        assertEquals(0, outboxRows(caseNumber), "no event waiting");
        assertEquals(0, ratingEventsFor(caseNumber).size(), "no event on the topic");
    }

    @Test
    void aProblemSpeaksTheReadersLanguageAndCarriesAStableCode() {
        String json = body(newCase(), 1, "[]");
        given().auth().oauth2(CHANNEL).contentType("application/json").body(json).post("/api/v1/ratings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("请求内容不符合规则"))
                .body("errors[0].pointer", equalTo("/tags"))
                .body("errors[0].code", equalTo("rating.badReviewNeedsTag"))
                .body("errors[0].message", equalTo("差评须至少选择一项差评指标"));
        given().auth().oauth2(CHANNEL).header("Accept-Language", "en-US,en;q=0.8").contentType("application/json")
                .body(json).post("/api/v1/ratings")
                .then().statusCode(422)
                .body("title", equalTo("The request breaks a rule"))
                .body("errors[0].code", equalTo("rating.badReviewNeedsTag"))
                .body("errors[0].message", containsString("needs at least one tag"));
    }

    @Test
    void withoutATokenIs401AndWithTheWrongRoleIs403AsProblems() {
        given().contentType("application/json").body(body(newCase(), 5, "[]")).post("/api/v1/ratings")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", containsString("unauthenticated"));
        post(body(newCase(), 5, "[]"), DevTokens.mint("sync")).then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("forbidden"));
        given().auth().oauth2(CHANNEL + "x").contentType("application/json").body(body(newCase(), 5, "[]"))
                .post("/api/v1/ratings").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void whileKafkaIsDownRatingsAreStillAcceptedAndAllArePublishedWhenItReturns() throws Exception {
        var kafka = LocalStack.shared().kafka();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(newCase());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sum(cases, IntakeTestSupport::outboxRows) == 0);
        kafka.stop();
        try {
            for (String caseNumber : cases) {
                post(body(caseNumber, 5, "[]"), CHANNEL).then().statusCode(202);
            }
            assertEquals(5, sum(cases, IntakeTestSupport::ratingRows));
            assertEquals(5, sum(cases, IntakeTestSupport::outboxRows), "kept in the outbox while Kafka is away");
            // Issue 31: the operators' alert sees the outbox no longer draining.
            await().atMost(Duration.ofSeconds(30)).until(() -> oldestOutboxSeconds() > 1);
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> sum(cases, IntakeTestSupport::outboxRows) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> oldestOutboxSeconds() == 0);
        // Publication is at-least-once (a round whose acknowledgement was lost is sent again); consumers skip
        // repeats by event id. What must hold: every accepted rating reached the topic.
        Set<String> published = new HashSet<>();
        for (String caseNumber : cases) {
            for (ConsumerRecord<String, String> record : ratingEventsFor(caseNumber)) {
                published.add(EventJson.read(record.value()).eventId().toString());
            }
        }
        assertEquals(5, published.size());
    }

    /** hcp_outbox_oldest_seconds as the management interface serves it to Prometheus. */
    private double oldestOutboxSeconds() throws Exception {
        String metrics = given().get(management.toURI().resolve("/q/metrics").toString()).then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(l -> l.startsWith("hcp_outbox_oldest_seconds"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(-1);
    }

    interface Count {
        long of(String caseNumber) throws Exception;
    }

    static long sum(List<String> cases, Count count) throws Exception {
        long total = 0;
        for (String c : cases) {
            total += count.of(c);
        }
        return total;
    }

    /** Issue 25, 5: health, metrics and the API's description are the operators', on the management port only. */
    @Test
    void healthOpenApiAndMetricsAreServedOnTheManagementInterfaceOnly() throws Exception {
        given().get(management.toURI().resolve("/q/health/ready").toString()).then().statusCode(200).body("status", equalTo("UP"));
        given().get(management.toURI().resolve("/q/openapi").toString()).then().statusCode(200).body(containsString("/api/v1/ratings"));
        given().get(management.toURI().resolve("/q/metrics").toString()).then().statusCode(200)
                .body(containsString("hcp_outbox_published_total"));
        given().get(management.toURI().resolve("/q/swagger-ui/").toString()).then().statusCode(200);
        for (String operatorsOnly : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/health"}) {
            given().get(operatorsOnly).then().statusCode(404);
        }
    }
}
