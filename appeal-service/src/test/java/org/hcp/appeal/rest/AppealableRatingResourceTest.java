package org.hcp.appeal.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hcp.testkit.TestEvents.publish;
import static org.hcp.testkit.TestEvents.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hcp.events.ChinaTime;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.MovableClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class AppealableRatingResourceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** As the institution's own handler (R6.1: a handler token names its institution). */
    static long count(String institution) {
        return given().auth().oauth2(DevTokens.mint("handler", institution, Duration.ofHours(1))).get("/api/v1/appeals/appealable-ratings/count?institution=" + institution)
                .then().statusCode(200).extract().jsonPath().getLong("appealableRatings");
    }

    @Test
    void r3_1_onlyLevelOneAndTwoRatingsMayBeAppealedAndEachIsKnownOnce() {
        String institution = "INST-" + UUID.randomUUID().toString().substring(0, 8);
        var bad = rating("370902", institution, 2, Instant.now());
        publish(bad);
        publish(bad);
        publish(rating("370902", institution, 1, Instant.now()));
        publish(rating("370902", institution, 3, Instant.now()));
        publish(rating("370902", institution, 4, Instant.now()));
        String markerInstitution = institution + "-M";
        publish(rating("370902", markerInstitution, 1, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(markerInstitution) == 1);
        assertEquals(2, count(institution));
    }

    @Test
    void itStartsReportsHealthAndRefusesStrangers() throws Exception {
        given().get(management.toURI().resolve("/q/health/ready").toString()).then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/appeals/appealable-ratings/count").then().statusCode(401);
        given().auth().oauth2(DevTokens.mint("sync")).get("/api/v1/appeals/appealable-ratings/count")
                .then().statusCode(403);
    }

    @Test
    void aMissingCalendarYearIsAWarningInTheHealthCheckThatStaysUpAndAMetricFromTheFirstOfNovember() throws Exception {
        String health = management.toURI().resolve("/q/health/ready").toString();
        String metrics = management.toURI().resolve("/q/metrics").toString();
        try {
            // 4 December 2026: 2026 ships, 2027 is not loaded, and next year's calendar is due from 1 November.
            QuarkusMock.installMockForType(new MovableClock(Instant.parse("2026-12-04T02:00:00Z"), ChinaTime.ZONE),
                    Clock.class);
            given().get(health).then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'working-calendar' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'working-calendar' }.data.missingYears", equalTo("[2027]"))
                    .body("checks.find { it.name == 'working-calendar' }.data.warning",
                            containsString("PUT /api/v1/calendar/<year>"));
            assertTrue(given().get(metrics).asString().contains("hcp_calendar_years_missing 1.0"));
            // 15 October 2026: nothing is missing yet.
            QuarkusMock.installMockForType(new MovableClock(Instant.parse("2026-10-15T02:00:00Z"), ChinaTime.ZONE),
                    Clock.class);
            given().get(health).then().statusCode(200)
                    .body("checks.find { it.name == 'working-calendar' }.data", org.hamcrest.Matchers.nullValue());
            assertTrue(given().get(metrics).asString().contains("hcp_calendar_years_missing 0.0"));
        } finally {
            QuarkusMock.installMockForType(Clock.systemUTC(), Clock.class);
        }
    }
}
