package org.hcp.sync.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcp.events.EventJson;
import org.hcp.events.FollowUpRated;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.sync.repository.SyncPushRepository;
import org.hcp.sync.service.FakeProvince;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TopicProbe;
import org.hcp.tools.history.Generate;
import org.hcp.tools.history.HistoryGenerator;
import org.junit.jupiter.api.Test;

/**
 * R5.2: the push delivers every rating of its province in a generated history exactly once to a real HTTP province
 * that checks our SM2 signature and decrypts the SM4 body: through an outage that parks a batch, acknowledgements
 * lost on the way back (the same batch id sent again), a rating the log holds twice, and a second replica that
 * starts, works alongside and dies.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "sync"), restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeProvinceResource.class, restrictToAnnotatedClass = true)
class ProvincePushTest {

    // Shandong, where the generated history's Tai'an lies.
    static final String PROVINCE = "37";
    private static final String ADMIN = DevTokens.mint("admin");

    @Inject
    SyncFeed feed;
    @Inject
    SyncPushRepository batches;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;

    @Test
    void r5_2_aGeneratedHistoryExactlyOnceThroughAnOutageLostAcknowledgementsAndAReplicaThatDies() {
        FakeProvince province = FakeProvinceResource.province;
        province.mode(FakeProvince.Mode.FAIL);
        Generate.write(LocalStack.shared().kafka().bootstrapServers(),
                new HistoryGenerator.Options(21, LocalDate.of(2025, 1, 1), 1, 0.1));
        // The relay publishes at least once: one of the province's ratings is in the log twice.
        var twice = TopicProbe.readAll(LocalStack.shared().kafka().bootstrapServers(), Topics.RATINGS).stream()
                .filter(r -> r.value().contains("\"regionCode\":\"37")).findFirst().orElseThrow();
        TopicProbe.send(LocalStack.shared().kafka().bootstrapServers(), Topics.RATINGS, twice.key(), twice.value());

        // The province is down: the first batch fails max-attempts times and is parked, visible, kept.
        await().atMost(Duration.ofSeconds(60)).until(() -> parked().size() == 1);
        String parkedId = parked().get(0);
        assertTrue(province.batches().isEmpty());
        assertTrue(province.deliveries().stream().filter(parkedId::equals).count() >= 3,
                province.deliveries().toString());

        // It comes back, but its answers get lost: it keeps what it got, and we send the same batch id again.
        province.mode(FakeProvince.Mode.ACCEPT_BUT_TIME_OUT);
        given().auth().oauth2(ADMIN).post("/api/v1/sync/push/batches/" + parkedId + "/retry").then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                province.deliveries().stream().filter(parkedId::equals).count() >= 5);

        // A second replica starts with nothing in memory, works beside the first, and dies mid-way.
        ProvincePush replica = new ProvincePush(feed, batches, clock, metrics, true,
                Optional.of(URI.create(province.url())), Optional.of(PROVINCE), "HCP", 50, 3, Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofHours(1), Optional.of(province.senderPrivateKey()),
                Optional.of(province.provinceKey()));
        replica.start();
        province.mode(FakeProvince.Mode.ACCEPT);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        replica.stop();

        Set<String> expected = provinceRatingsInTheLog();
        assertTrue(expected.size() > 100, "the history has the province's ratings: " + expected.size());
        await().atMost(Duration.ofSeconds(120)).until(() -> evaluateIds(province).size() >= expected.size()
                && open().isEmpty());

        // Exactly once: every rating of the province in exactly one kept batch, its case with it, nothing else.
        Map<String, Integer> times = new HashMap<>();
        Set<String> projects = new HashSet<>();
        for (JsonNode batch : province.batches().values()) {
            batch.path("evaluate").forEach(e -> times.merge(e.path("evaluateId").asText(), 1, Integer::sum));
            batch.path("projects").forEach(p -> projects.add(p.path("projectNo").asText()));
        }
        assertEquals(expected, times.keySet(), "every rating of the province, and nothing of another");
        times.forEach((id, n) -> assertEquals(1, n, "exactly once: " + id));
        assertTrue(province.deliveries().size() > province.batches().size(), "some batches arrived more than once");
        assertEquals(List.of(), province.refusals(), "every delivery carried a good signature");

        // Reconciliation: per county, what we sent today is what the province acknowledged, the whole history.
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        given().auth().oauth2(ADMIN).accept("text/csv")
                .get("/api/v1/sync/push/reconciliation?from=" + today + "&to=" + today)
                .then().statusCode(200)
                .body(containsString("day,province,region,ratings_sent,ratings_acknowledged,difference"))
                .body(containsString(today + "," + PROVINCE + ",3709"));
        List<Map<String, Object>> lines = given().auth().oauth2(ADMIN)
                .get("/api/v1/sync/push/reconciliation?from=" + today + "&to=" + today)
                .then().statusCode(200).extract().jsonPath().getList("$");
        long sent = 0;
        for (Map<String, Object> line : lines) {
            if (PROVINCE.equals(line.get("province"))) {
                assertEquals(line.get("ratingsSent"), line.get("ratingsAcknowledged"), line.toString());
                assertTrue(((String) line.get("region")).startsWith(PROVINCE), line.toString());
                sent += ((Number) line.get("ratingsSent")).longValue();
            }
        }
        assertEquals(expected.size(), sent, "each rating counted once, in its county");
    }

    /** The ratings and follow-up ratings of the province the log holds, read independently of the feed. */
    private static Set<String> provinceRatingsInTheLog() {
        Set<String> ids = new HashSet<>();
        TopicProbe.forEach(LocalStack.shared().kafka().bootstrapServers(), List.of(Topics.RATINGS),
                Duration.ofMinutes(2), r -> {
                    try {
                        RatingSubmitted rating = EventJson.read(r.value(), RatingSubmitted.class).payload();
                        if (rating.regionCode().startsWith(PROVINCE)) {
                            ids.add(rating.ratingId());
                        }
                    } catch (RuntimeException unreadable) {
                        // not a rating: the feed steps over it too
                    }
                });
        // The follow-up ratings (追评) of the province: the standard profile sends each as its own evaluate record.
        TopicProbe.forEach(LocalStack.shared().kafka().bootstrapServers(), List.of(Topics.CASES),
                Duration.ofMinutes(2), r -> {
                    if (r.value().contains("\"FollowUpRated\"")) {
                        FollowUpRated f = EventJson.read(r.value(), FollowUpRated.class).payload();
                        if (f.regionCode().startsWith(PROVINCE)) {
                            ids.add(f.followUpId());
                        }
                    }
                });
        return ids;
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
