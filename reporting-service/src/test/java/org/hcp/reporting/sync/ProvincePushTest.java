package org.hcp.reporting.sync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.FakeProvince;
import org.hcp.localstack.LocalStackTestResource;
import org.hcp.localstack.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * R5.2: the push delivers every rating of its province exactly once to a real HTTP province that checks our SM2
 * signature and decrypts the SM4 body, through an outage that parks a batch, and through acknowledgements lost on the
 * way back, which make us send a batch again under the same id.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"), restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeProvinceResource.class, restrictToAnnotatedClass = true)
class ProvincePushTest {

    // 云南省 (53): no other test rates there.
    static final String PROVINCE = "53";
    private static final String ADMIN = DevTokens.mint("admin");

    @Test
    void r5_2_everyRatingExactlyOnceThroughAnOutageAndLostAcknowledgements() {
        FakeProvince province = FakeProvinceResource.province;
        province.mode(FakeProvince.Mode.FAIL);
        List<EventEnvelope<RatingSubmitted>> ratings = new ArrayList<>();
        Instant at = Instant.parse("2025-09-01T02:00:00Z");
        for (int i = 0; i < 10; i++) {
            ratings.add(TestEvents.rating("530102", "G-530102-C", 1 + i % 5, at.plusSeconds(i)));
        }
        TestEvents.publishAll(Topics.RATINGS, ratings);
        TestEvents.publish(Topics.RATINGS, TestEvents.rating("540102", "G-540102-C", 5, at));

        // The province is down: the first batch fails max-attempts times and is parked, visible, kept.
        await().atMost(Duration.ofSeconds(30)).until(() -> parked().size() == 1);
        String parkedId = parked().get(0);
        assertTrue(province.batches().isEmpty());
        assertTrue(province.deliveries().stream().filter(parkedId::equals).count() >= 3, province.deliveries().toString());

        // It comes back, but its answers get lost: it keeps what it got, and we send the same batch id again.
        province.mode(FakeProvince.Mode.ACCEPT_BUT_TIME_OUT);
        given().auth().oauth2(ADMIN).post("/api/v1/sync/push/batches/" + parkedId + "/retry").then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                province.deliveries().stream().filter(parkedId::equals).count() >= 5);
        province.mode(FakeProvince.Mode.ACCEPT);
        await().atMost(Duration.ofSeconds(60)).until(() -> evaluateIds(province).size() == ratings.size()
                && open().isEmpty());

        // Exactly once: every rating of the province in exactly one kept batch, its case with it, nothing else.
        Map<String, Integer> times = new HashMap<>();
        Set<String> projects = new HashSet<>();
        for (JsonNode batch : province.batches().values()) {
            batch.path("evaluate").forEach(e -> times.merge(e.path("evaluateId").asText(), 1, Integer::sum));
            batch.path("projects").forEach(p -> projects.add(p.path("projectNo").asText()));
        }
        for (EventEnvelope<RatingSubmitted> rating : ratings) {
            assertEquals(1, times.get(rating.payload().ratingId()), rating.payload().ratingId());
            assertTrue(projects.contains(rating.payload().caseNumber()), "its case registered");
        }
        assertEquals(ratings.size(), times.size(), "nothing of another province");
        assertTrue(province.deliveries().size() > province.batches().size(), "some batches arrived more than once");
        assertEquals(List.of(), province.refusals(), "every delivery carried a good signature");

        // Reconciliation: what we sent today is what the province acknowledged.
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        given().auth().oauth2(ADMIN).accept("text/csv")
                .get("/api/v1/sync/push/reconciliation?from=" + today + "&to=" + today)
                .then().statusCode(200)
                .body(containsString("day,province,batches,records_sent,records_acknowledged,difference"))
                .body(containsString(today + "," + PROVINCE + ","));
        List<Map<String, Object>> lines = given().auth().oauth2(ADMIN)
                .get("/api/v1/sync/push/reconciliation?from=" + today + "&to=" + today)
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> line = lines.stream().filter(l -> PROVINCE.equals(l.get("province"))).findFirst()
                .orElseThrow();
        assertEquals(line.get("recordsSent"), line.get("recordsAcknowledged"));
        assertEquals(ratings.size() * 2, ((Number) line.get("recordsSent")).intValue(), "a case and a rating each");
    }

    private static Set<String> evaluateIds(FakeProvince province) {
        Set<String> ids = new HashSet<>();
        province.batches().values().forEach(b -> b.path("evaluate").forEach(e -> ids.add(e.path("evaluateId").asText())));
        return ids;
    }

    private static List<String> parked() {
        return given().auth().oauth2(ADMIN).get("/api/v1/sync/push/batches?status=PARKED")
                .then().statusCode(200).extract().jsonPath().getList("batchId");
    }

    private static List<String> open() {
        List<String> open = new ArrayList<>(parked());
        open.addAll(given().auth().oauth2(ADMIN).get("/api/v1/sync/push/batches?status=PENDING")
                .then().statusCode(200).extract().jsonPath().getList("batchId"));
        return open;
    }
}
