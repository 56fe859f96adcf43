package org.hcp.appeal.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hcp.localstack.TestEvents.publish;
import static org.hcp.localstack.TestEvents.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hcp.localstack.DevTokens;
import org.hcp.localstack.LocalStackTestResource;
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
}
