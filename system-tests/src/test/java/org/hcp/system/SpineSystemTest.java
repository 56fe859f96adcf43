package org.hcp.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.hcp.events.EventJson;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spine, with every service a separate process on a real broker and a real database: a rating travels
 * channel → intake (outbox) → Kafka → reporting exactly once, through a crash and a Kafka outage (R5.1: the system
 * itself collects, transmits and counts the ratings of every channel).
 */
class SpineSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHANNEL = DevTokens.mint("channel", null, Duration.ofHours(2));
    private static final String ADMIN = DevTokens.mint("admin", null, Duration.ofHours(2));

    private static LocalStack stack;
    private static ServiceProcess intake;
    private static ServiceProcess reporting;
    private static ServiceProcess rectification;
    private static ServiceProcess appeal;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.shared();
        intake = new ServiceProcess("intake-service", "intake", stack).start();
        reporting = new ServiceProcess("reporting-service", "reporting", stack).start();
        rectification = new ServiceProcess("rectification-service", "rectification", stack).start();
        appeal = new ServiceProcess("appeal-service", "appeal", stack).start();
    }

    @AfterAll
    static void stopTheSystem() {
        // Services before the broker, or their Kafka clients wait on close (docs/architecture.md, "Platform notes").
        for (ServiceProcess service : new ServiceProcess[]{intake, reporting, rectification, appeal}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    static String rating(String caseNumber, int level) {
        return """
                {"caseNumber":"%s","channel":"QR_CODE","level":%d,"tags":%s}"""
                .formatted(caseNumber, level, level <= 2 ? "[\"SLOW\"]" : "[]");
    }

    /** The institutions this test registered, with the county-level region each is in. */
    private static final java.util.Map<String, String> REGION_OF = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Set<String> REGISTERED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** R1.11, R5.5: the institution is in the directory and the case was reported before it is rated. */
    static String reportCase(String institution) throws IOException, InterruptedException {
        if (REGISTERED.add(institution)) {
            String county = REGION_OF.getOrDefault(institution, "220201");
            HttpResponse<String> registered = post(intake.url("/api/v1/directory/import"), ADMIN, """
                    [{"kind":"REGION","code":"%s0000","name":"省"},{"kind":"REGION","code":"%s00","name":"市"},
                     {"kind":"REGION","code":"%s","name":"县区"},
                     {"kind":"ITEM","code":"ITEM-001","name":"测试事项"},
                     {"kind":"INSTITUTION","code":"%s","name":"系统测试中心","regionCode":"%s"}]"""
                    .formatted(county.substring(0, 2), county.substring(0, 4), county, institution, county));
            assertEquals(200, registered.statusCode(), registered.body());
        }
        String caseNumber = "SYS-" + UUID.randomUUID().toString().substring(0, 12);
        HttpResponse<String> reported = post(intake.url("/api/v1/cases"), CHANNEL, """
                {"caseNumber":"%s","caseKind":"INSTANT","itemCode":"ITEM-001","institutionCode":"%s",
                 "completedAt":"%s"}""".formatted(caseNumber, institution, java.time.Instant.now().minusSeconds(60)));
        assertEquals(202, reported.statusCode(), reported.body());
        return caseNumber;
    }

    static HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return EventJson.mapper().readTree(response.body());
    }

    static long counted(String institution) throws IOException, InterruptedException {
        return get(reporting.url("/api/v1/stats/satisfaction?institution=" + institution), ADMIN).get("total").asLong();
    }

    static String submit(String institution, int level) throws IOException, InterruptedException {
        HttpResponse<String> response = post(intake.url("/api/v1/ratings"), CHANNEL,
                rating(reportCase(institution), level));
        assertEquals(202, response.statusCode(), response.body());
        return EventJson.mapper().readTree(response.body()).get("ratingId").asText();
    }

    static String newInstitution() {
        return "SYS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new institution in the county-level region given, under that jurisdiction's policy. */
    static String newInstitution(String county) {
        String institution = newInstitution();
        REGION_OF.put(institution, county);
        return institution;
    }

    @Test
    void aPostedRatingAppearsInTheStatisticsWithinSeconds() throws Exception {
        String institution = newInstitution();
        submit(institution, 2);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> counted(institution) == 1);
        JsonNode report = get(reporting.url("/api/v1/stats/satisfaction?institution=" + institution), ADMIN);
        assertEquals(1, report.get("bad").asLong());
        assertEquals(1, report.get("byLevel").get("2").asLong());
        // The same event reached rectification (R2.1: the unit's ledger) and appeals (R3.1), each in its own database.
        await().atMost(Duration.ofSeconds(15)).until(() -> get(rectification.url(
                "/api/v1/rectifications?institution=" + institution), ADMIN).get("items").size() == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> get(appeal.url(
                "/api/v1/appeals/appealable-ratings/count?institution=" + institution), ADMIN)
                .get("appealableRatings").asLong() == 1);
    }

    /** R3: the unit appeals its bad review, the bureau verifies and decides; answers the decision's status code. */
    static int appealAndDecide(String institution, String ratingId, String outcome) throws Exception {
        String unit = DevTokens.mint("handler", institution, Duration.ofHours(1));
        String bureau = DevTokens.mint("bureau", REGION_OF.getOrDefault(institution, "220201").substring(0, 4),
                Duration.ofHours(1));
        String filing = """
                {"ratingId":"%s","appellant":"STAFF","grounds":"评价人误选等级"}""".formatted(ratingId);
        await().atMost(Duration.ofSeconds(20)).until(() -> post(appeal.url("/api/v1/appeals"), unit, filing)
                .statusCode() != 404);
        String path = "/api/v1/appeals/" + ratingId;
        assertEquals(200, post(appeal.url(path + "/verifications"), bureau,
                "{\"method\":\"PHONE_CALLBACK\",\"finding\":\"回访核实\"}").statusCode());
        return post(appeal.url(path + "/decision"), bureau,
                "{\"outcome\":\"%s\",\"reason\":\"核实结论\"}".formatted(outcome)).statusCode();
    }

    static String rectificationStatus(String ratingId) throws Exception {
        return get(rectification.url("/api/v1/rectifications/" + ratingId), ADMIN).get("rectification").get("status")
                .asText();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "under the policy of {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"220271", "370902"})
    void r3_4_anUpheldAppealTakesTheBadReviewOutOfTheFiguresAndWithdrawsItsRectificationARejectedOneLeavesBoth(
            String county) throws Exception {
        // Jilin EDZ (2 + 5 working days) and Tai'an (3 + 3).
        String institution = newInstitution(county);
        String upheld = submit(institution, 2);
        String rejected = submit(institution, 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> counted(institution) == 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> get(rectification.url(
                "/api/v1/rectifications?institution=" + institution), ADMIN).get("items").size() == 2);

        assertEquals(200, appealAndDecide(institution, upheld, "UPHELD"));
        assertEquals(200, appealAndDecide(institution, rejected, "REJECTED"));
        // Three services, one log: reporting counts the upheld one out, rectification withdraws its rectification.
        await().atMost(Duration.ofSeconds(20)).until(() -> counted(institution) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(rectificationStatus(upheld)));
        assertEquals("OPEN", rectificationStatus(rejected), "a rejected appeal lets the rectification go on (R3.5)");
        JsonNode report = get(reporting.url("/api/v1/stats/satisfaction?institution=" + institution), ADMIN);
        assertEquals(1, report.get("byLevel").get("1").asLong(), "the rejected appeal's rating still counts");
        assertEquals(0, report.get("byLevel").get("2").asLong());
    }

    @Test
    void aCrashBetweenTheReadModelWriteAndTheOffsetCommitStillCountsOnce() throws Exception {
        String institution = newInstitution();
        reporting.stop();
        ServiceProcess crashing = new ServiceProcess("reporting-service", "reporting", stack)
                .with("HCP_FAULT_HALT_AFTER_PROJECTION_COMMIT", "true")
                // The statistics read cases too: halt after the rating's batch, not its case's.
                .with("HCP_FAULT_HALT_AFTER_TOPIC", "hcp.ratings").start();
        String ratingId = submit(institution, 4);
        assertEquals(137, crashing.awaitExit(Duration.ofSeconds(30)), "halted by the fault injection");
        assertEquals(1, factsFor(ratingId), "the read model was written before the crash");

        reporting = new ServiceProcess("reporting-service", "reporting", stack).start();
        String marker = newInstitution();
        submit(marker, 5);
        // The dead consumer's partitions move to the new one once its session times out (10 s).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> counted(marker) == 1);
        assertEquals(1, counted(institution), "redelivered after the restart, and still counted once");
    }

    @Test
    void whileKafkaIsDownRatingsAreAcceptedAndAllAreCountedWhenItReturns() throws Exception {
        String institution = newInstitution();
        stack.kafka().stop();
        try {
            for (int i = 0; i < 10; i++) {
                submit(institution, 1 + i % 5);
            }
        } finally {
            stack.kafka().start();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> counted(institution) == 10);
        Thread.sleep(2_000);
        assertEquals(10, counted(institution), "each counted exactly once");
        assertTrue(reporting.isAlive() && intake.isAlive());
    }

    @Test
    void aRebuildThroughTheRunningServiceEqualsTheLiveFigures() throws Exception {
        String institution = newInstitution();
        for (int level = 1; level <= 5; level++) {
            submit(institution, level);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> counted(institution) == 5);
        JsonNode before = get(reporting.url("/api/v1/stats/satisfaction?region=22"), ADMIN);
        HttpResponse<String> rebuilt = post(reporting.url("/api/v1/admin/rebuild"), ADMIN, "");
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
        assertEquals(before, get(reporting.url("/api/v1/stats/satisfaction?region=22"), ADMIN));
    }

    private static long factsFor(String ratingId) throws Exception {
        try (Connection connection = stack.postgres().connect("reporting")) {
            String schema;
            try (ResultSet rs = connection.createStatement()
                    .executeQuery("SELECT active_schema FROM projection_state")) {
                rs.next();
                schema = rs.getString(1);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM " + schema + ".rating_fact WHERE rating_id = ?")) {
                statement.setString(1, ratingId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
