package org.hcp.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 31: the databases of reporting, rectification and appeal lost, and rebuilt from the log. Each is dropped,
 * created empty and its service restarted. reporting's projections, finding no stored offsets, read the whole log
 * again. rectification and appeal also hold the decisions they published: finding their tables empty while their
 * topic holds events, they rebuild their tables from it before any projection starts (ColdStart), so that reading
 * their inputs again decides nothing twice. The figures, the ledger and the appeal case file must answer as they did,
 * and no decision may reach the log twice. intake's database holds what the log does not (the evaluators' vault) and
 * is restored from a PostgreSQL backup instead (docs/operations.md).
 */
class DatabaseLossDrillTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHANNEL = DevTokens.mint("channel", null, Duration.ofHours(2));
    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(2));
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String COUNTY = "220204";

    private static ServiceProcess intake;
    private static final Map<String, ServiceProcess> readModels = new LinkedHashMap<>();

    @BeforeAll
    static void startTheServicesOnDatabasesOfTheirOwn() {
        LocalStack stack = LocalStack.shared();
        stack.postgres().createDatabases("intake_dr" + SUFFIX, "reporting_dr" + SUFFIX, "rectification_dr" + SUFFIX,
                "appeal_dr" + SUFFIX);
        intake = new ServiceProcess("intake-service", "intake_dr" + SUFFIX, stack).start();
        for (String service : List.of("reporting", "rectification", "appeal")) {
            readModels.put(service, readModel(service));
        }
        readModels.values().forEach(ServiceProcess::launch);
        readModels.values().forEach(s -> s.awaitReady(Duration.ofSeconds(180)));
    }

    private static ServiceProcess readModel(String service) {
        return new ServiceProcess(service + "-service", service + "_dr" + SUFFIX, LocalStack.shared())
                .with("HCP_BULLETIN_AWAIT_WATERMARKS", "false");
    }

    @AfterAll
    static void stop() {
        readModels.values().forEach(ServiceProcess::stop);
        if (intake != null) {
            intake.stop();
        }
    }

    private static HttpResponse<String> call(ServiceProcess service, String token, String method, String path,
            String body) throws Exception {
        return service.call(token, method, path, body);
    }

    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return EventJson.mapper().readTree(response.body());
    }

    /** What the read models answer about the drill's unit, and about everything on the log. */
    private static Map<String, JsonNode> snapshot(String institution, String appealed) throws Exception {
        Map<String, JsonNode> s = new LinkedHashMap<>();
        s.put("figures of the whole log", get(readModels.get("reporting"), "/api/v1/stats/figures").get("figures"));
        s.put("figures of the unit", get(readModels.get("reporting"),
                "/api/v1/stats/figures?institution=" + institution).get("figures"));
        s.put("the unit's ledger", get(readModels.get("rectification"),
                "/api/v1/rectifications?institution=" + institution + "&size=500").get("items"));
        s.put("the appeal's case file", get(readModels.get("appeal"), "/api/v1/appeals/" + appealed));
        return s;
    }

    /** Every projection of the service has read the log to its end (hcp_projection_lag, issue 31). */
    private static boolean caughtUp(ServiceProcess service) throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + service.managementPort + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<Double> lags = metrics.body().lines().filter(l -> l.startsWith("hcp_projection_lag{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList();
        return !lags.isEmpty() && lags.stream().allMatch(l -> l == 0);
    }

    /** How many records the topic holds, all partitions. */
    private static long eventsOn(String topic) {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", LocalStack.shared().kafka().bootstrapServers());
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            var end = consumer.endOffsets(partitions);
            var start = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
        }
    }

    @Test
    void theReadModelsDatabasesDroppedAndRebuiltFromTheLogAnswerAsBeforeAndDecideNothingTwice() throws Exception {
        String institution = "DR-" + SUFFIX;
        String unit = DevTokens.mint("handler", institution, Duration.ofHours(1));
        HttpResponse<String> registered = call(intake, ADMIN, "POST", "/api/v1/directory/import", """
                [{"kind":"REGION","code":"220000","name":"吉林省"},{"kind":"REGION","code":"220200","name":"吉林市"},
                 {"kind":"REGION","code":"%s","name":"船营区"},{"kind":"ITEM","code":"ITEM-001","name":"测试事项"},
                 {"kind":"INSTITUTION","code":"%s","name":"演练中心","regionCode":"%s"}]"""
                .formatted(COUNTY, institution, COUNTY));
        assertEquals(200, registered.statusCode(), registered.body());
        String firstBad = null;
        for (int i = 0; i < 30; i++) {
            String caseNumber = "DR-" + UUID.randomUUID().toString().substring(0, 12);
            assertEquals(202, call(intake, CHANNEL, "POST", "/api/v1/cases", """
                    {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-001","institutionCode":"%s",
                     "completedAt":"%s"}""".formatted(caseNumber, institution, Instant.now().minusSeconds(60)))
                    .statusCode());
            int level = i % 3 == 0 ? 1 : 5;
            HttpResponse<String> rated = call(intake, CHANNEL, "POST", "/api/v1/ratings", """
                    {"caseNumber":"%s","channel":"QR_CODE","level":%d,"tags":%s}"""
                    .formatted(caseNumber, level, level == 1 ? "[\"SLOW\"]" : "[]"));
            assertEquals(202, rated.statusCode(), rated.body());
            if (level == 1 && firstBad == null) {
                firstBad = EventJson.mapper().readTree(rated.body()).get("ratingId").asText();
            }
        }
        String appealed = firstBad;
        await("the appeal can be filed").atMost(Duration.ofSeconds(60)).until(() -> call(readModels.get("appeal"),
                unit, "POST", "/api/v1/appeals", """
                        {"ratingId":"%s","appellant":"STAFF","grounds":"评价人误选等级"}""".formatted(appealed))
                .statusCode() == 200);
        await("counted").atMost(Duration.ofSeconds(120)).until(() -> get(readModels.get("reporting"),
                "/api/v1/stats/figures?institution=" + institution).get("figures").get("ratings").asLong() == 30
                && get(readModels.get("rectification"), "/api/v1/rectifications?institution=" + institution
                        + "&size=500").get("items").size() == 10);
        await("caught up").atMost(Duration.ofSeconds(180)).until(() -> {
            for (ServiceProcess s : readModels.values()) {
                if (!caughtUp(s)) {
                    return false;
                }
            }
            return true;
        });
        Map<String, JsonNode> before = snapshot(institution, appealed);

        long rectificationEventsBefore = eventsOn(org.hcp.events.Topics.RECTIFICATIONS);
        long appealEventsBefore = eventsOn(org.hcp.events.Topics.APPEALS);

        // When their databases are lost: stopped, dropped, created empty, started again.
        readModels.values().forEach(ServiceProcess::stop);
        try (Connection db = LocalStack.shared().postgres().connect("postgres"); Statement sql = db.createStatement()) {
            for (String service : readModels.keySet()) {
                sql.execute("DROP DATABASE " + service + "_dr" + SUFFIX + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + service + "_dr" + SUFFIX);
            }
        }
        long started = System.nanoTime();
        for (String service : List.copyOf(readModels.keySet())) {
            readModels.put(service, readModel(service));
        }
        readModels.values().forEach(ServiceProcess::launch);
        readModels.values().forEach(s -> s.awaitReady(Duration.ofSeconds(300)));
        // Then each answers as it did once it has read the log again (a lag of 0 before the first poll says
        // nothing, so the answers themselves are awaited; on a timeout the comparison below says what differs).
        try {
            await("rebuilt from the log").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> snapshot(institution, appealed).equals(before));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported by the comparison
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        await("caught up").atMost(Duration.ofSeconds(120)).until(() -> {
            for (ServiceProcess s : readModels.values()) {
                if (!caughtUp(s)) {
                    return false;
                }
            }
            return true;
        });
        // And nothing was decided again: no rectification opened twice, no appeal event written again.
        assertEquals(rectificationEventsBefore, eventsOn(org.hcp.events.Topics.RECTIFICATIONS),
                "events on hcp.rectifications after the restart");
        assertEquals(appealEventsBefore, eventsOn(org.hcp.events.Topics.APPEALS), "events on hcp.appeals");
        Map<String, JsonNode> after = snapshot(institution, appealed);
        for (String what : before.keySet()) {
            assertEquals(before.get(what), after.get(what), what + " after the rebuild");
        }
        long ratings = after.get("figures of the whole log").get("ratings").asLong();
        assertTrue(ratings >= 30, "the whole log's ratings: " + ratings);
        System.out.printf("database loss drill: reporting, rectification and appeal rebuilt from a log of %d ratings "
                + "in %.1f s (start included), nothing decided twice%n", ratings, seconds);
    }
}
