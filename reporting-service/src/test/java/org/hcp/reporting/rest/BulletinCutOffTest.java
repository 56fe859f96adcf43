package org.hcp.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hcp.audit.BulletinAudits.BulletinAudit;
import org.hcp.audit.tool.AuditQueries;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.events.Watermark;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStack;
import org.hcp.testkit.TopicProbe;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * R4.3, issue 26: a bulletin's figures are those of the log as of its cut-off, the earliest watermark of the
 * producers it counts; an event recorded after the cut-off is left out even when it has already arrived, and
 * {@code ./hcp audit bulletins} reproduces the bulletin exactly.
 */
@QuarkusTest
@TestProfile(BulletinCutOffTest.Watermarks.class)
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
class BulletinCutOffTest {

    /** Bulletins wait for the watermarks of one producer, which this test plays. */
    public static class Watermarks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hcp.bulletin.await-watermarks", "true", "hcp.bulletin.sources", PRODUCER);
        }
    }

    private static final String PRODUCER = "cut-off-test-producer";
    private static final String ADMIN = DevTokens.mint("admin");
    // 南宁市青秀区: no other test rates there.
    private static final String COUNTY = "450103";
    private static final String INSTITUTION = "CUT-OFF-CENTRE";

    private static EventEnvelope<RatingSubmitted> badReview(Instant ratedAt, Instant recordedAt) {
        EventEnvelope<RatingSubmitted> e = TestEvents.rating(COUNTY, INSTITUTION, 1, ratedAt);
        return EventEnvelope.of(e.payload(), e.key(), COUNTY, ratedAt, recordedAt, null, null, PRODUCER);
    }

    private static void watermark(Instant recordedUpTo) {
        TopicProbe.send(LocalStack.shared().kafka().bootstrapServers(), Topics.WATERMARKS, PRODUCER,
                new Watermark(PRODUCER, recordedUpTo).toJson());
    }

    private static io.restassured.response.ValidatableResponse publish() {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"month\":\"2025-07\",\"scope\":\"INSTITUTION\",\"code\":\"" + INSTITUTION + "\"}")
                .post("/api/v1/bulletins").then();
    }

    @Test
    void r4_3_aBulletinCountsWhatWasRecordedByItsCutOffAndItsAuditReproducesIt() {
        // Given two bad reviews of July 2025, both on the log: one recorded before the cut-off, one after it.
        Instant cutOff = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        TestEvents.publishAll(Topics.RATINGS, List.of(
                badReview(Instant.parse("2025-07-10T02:00:00Z"), cutOff.minusSeconds(10)),
                badReview(Instant.parse("2025-07-11T02:00:00Z"), cutOff.plusSeconds(10))));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/figures?institution=" + INSTITUTION + "&from=2025-07-01&to=2025-07-31")
                .then().extract().jsonPath().getLong("figures.bad") == 2);

        // While the producer has published no watermark, its events cannot be known complete: nothing is published.
        publish().statusCode(409).body("detail", containsString(PRODUCER + " has published no watermark"));
        // Nor while its watermark lies inside the month.
        watermark(Instant.parse("2025-07-20T00:00:00Z"));
        publish().statusCode(409).body("detail", containsString("inside 2025-07"));

        // When its watermark reaches the cut-off, the bulletin is published as of it, with the first review only.
        watermark(cutOff);
        JsonPath published = publish().statusCode(201).extract().jsonPath();
        String id = published.getString("[0].bulletinId");
        JsonPath bulletin = given().get("/api/v1/bulletins/2025-07/INSTITUTION/" + INSTITUTION).then().statusCode(200).extract().jsonPath();
        assertEquals(cutOff.minusMillis(1), Instant.parse(bulletin.getString("bulletin.publishedAt")));
        assertEquals(1, bulletin.getInt("bulletin.figures.bad"), bulletin.prettify());

        // Then the audit of its instant reproduces it exactly, and shows the later review as what changed since.
        BulletinAudit audit = new AuditQueries(LocalStack.shared().kafka().bootstrapServers())
                .bulletins("2025-07", COUNTY).stream().filter(a -> a.bulletinId().equals(id)).findFirst()
                .orElseThrow();
        assertTrue(audit.compared() > 5, "figures compared: " + audit.compared());
        assertEquals(List.of(), audit.asPublished());
        assertTrue(audit.errata().stream().anyMatch(d -> d.figure().equals("bad")), audit.errata().toString());

        // Issue 30: the next publication continues the bulletin copy from that cut-off instead of replaying the
        // whole log, and must count exactly what a whole replay would. Given, for August: a review that reaches the
        // log only now although it was recorded before the first cut-off (a relay catching up), one recorded before
        // the second cut-off, and one after it.
        Instant cutOff2 = Instant.now().minusMillis(500).truncatedTo(ChronoUnit.MILLIS);
        TestEvents.publishAll(Topics.RATINGS, List.of(
                badReview(Instant.parse("2025-08-05T02:00:00Z"), cutOff.minusSeconds(30)),
                badReview(Instant.parse("2025-08-06T02:00:00Z"), cutOff2.minusMillis(200)),
                badReview(Instant.parse("2025-08-07T02:00:00Z"), cutOff2.plusSeconds(60))));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/figures?institution=" + INSTITUTION + "&from=2025-08-01&to=2025-08-31")
                .then().extract().jsonPath().getLong("figures.bad") == 3);
        watermark(cutOff2);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"month\":\"2025-08\",\"scope\":\"INSTITUTION\",\"code\":\"" + INSTITUTION + "\"}")
                .post("/api/v1/bulletins").then().statusCode(201);
        JsonPath august = given().get("/api/v1/bulletins/2025-08/INSTITUTION/" + INSTITUTION).then().statusCode(200)
                .extract().jsonPath();
        // Then August counts the late-arriving review and the one before the cut-off, and July as it stood then:
        // both of its reviews, the second recorded after the first cut-off but before this one.
        assertEquals(2, august.getInt("bulletin.figures.bad"), august.prettify());
        assertEquals(2, august.getInt("bulletin.previousMonth.bad"), august.prettify());
        BulletinAudit augustAudit = new AuditQueries(LocalStack.shared().kafka().bootstrapServers())
                .bulletins("2025-08", COUNTY).stream().filter(a -> a.bulletinId().equals(
                        "2025-08/INSTITUTION/" + INSTITUTION)).findFirst().orElseThrow();
        assertEquals(List.of(), augustAudit.asPublished(), "the continued copy equals the log as of its cut-off");
    }
}
