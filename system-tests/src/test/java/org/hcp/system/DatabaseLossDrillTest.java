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
 * Issue 31: read models lost and rebuilt from the log. reporting's database holds nothing but what it read: it is
 * dropped, created empty and the service restarted, and its projections read the whole log again (a projection with
 * no stored offsets starts at the first). rectification's and appeal's databases also hold their own decisions, whose
 * events they wrote, and the consumer positions of what they decided on: started on an empty database they would
 * decide again (docs/operations.md), so they are restored from a PostgreSQL backup, and their tables are then folded
 * again from the log by their rebuild (what ./hcp rebuild runs), which must find nothing that differs. The figures,
 * the ledger and the appeal case file must answer as they did.
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

    @Test
    void reportingsDatabaseDroppedAndTheOthersRefoldedFromTheLogAnswerAsBefore() throws Exception {
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

        // When reporting's database is lost: stopped, dropped, created empty, started again.
        ServiceProcess lost = readModels.get("reporting");
        lost.stop();
        try (Connection db = LocalStack.shared().postgres().connect("postgres"); Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE reporting_dr" + SUFFIX + " WITH (FORCE)");
            sql.execute("CREATE DATABASE reporting_dr" + SUFFIX);
        }
        long started = System.nanoTime();
        readModels.put("reporting", readModel("reporting").start());
        // Then it answers as it did once it has read the log again (a lag of 0 before its first poll says nothing,
        // so the answers themselves are awaited; on a timeout the comparison below says what differs).
        try {
            await("rebuilt from the log").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> snapshot(institution, appealed).equals(before));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported by the comparison
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // And rectification's and appeal's tables folded again from the log differ in no row.
        for (String service : List.of("rectification", "appeal")) {
            HttpResponse<String> rebuilt = call(readModels.get(service), ADMIN, "POST", "/api/v1/admin/rebuild", null);
            assertEquals(200, rebuilt.statusCode(), service + ": " + rebuilt.body());
            JsonNode report = EventJson.mapper().readTree(rebuilt.body());
            assertTrue(report.has("differences") && report.get("differences").asLong() == 0,
                    service + "'s rebuild found rows that differ: " + rebuilt.body());
        }
        Map<String, JsonNode> after = snapshot(institution, appealed);
        for (String what : before.keySet()) {
            assertEquals(before.get(what), after.get(what), what + " after the rebuild");
        }
        long ratings = after.get("figures of the whole log").get("ratings").asLong();
        assertTrue(ratings >= 30, "the whole log's ratings: " + ratings);
        System.out.printf("database loss drill: reporting's database rebuilt from a log of %d ratings in %.1f s "
                + "(start included); rectification and appeal refolded, no row differing%n", ratings, seconds);
    }
}
