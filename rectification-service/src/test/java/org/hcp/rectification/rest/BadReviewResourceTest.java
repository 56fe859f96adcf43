package org.hcp.rectification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hcp.testkit.TestEvents.publish;
import static org.hcp.testkit.TestEvents.rating;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "rectification"))
class BadReviewResourceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    // R6.1: a bureau token names the region it supervises; the test's regions are all in Jilin City (2202).
    private static final String BUREAU = DevTokens.mint("bureau", "2202", Duration.ofHours(1));

    static long count(String region) {
        return given().auth().oauth2(BUREAU).get("/api/v1/rectifications/bad-reviews/count?region=" + region)
                .then().statusCode(200).extract().jsonPath().getLong("badReviews");
    }

    @Test
    void r2_1_everyBadReviewReachesRectificationOnceAndGoodOnesDoNot() {
        String region = "2202" + (10 + (int) (Math.random() * 88));
        var bad = rating(region, "JL-CENTRE", 1, Instant.now());
        publish(bad);
        publish(bad);
        publish(rating(region, "JL-CENTRE", 2, Instant.now()));
        publish(rating(region, "JL-CENTRE", 3, Instant.now()));
        publish(rating(region, "JL-CENTRE", 5, Instant.now()));
        var marker = rating("220299", "JL-CENTRE", 2, Instant.now());
        publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("220299") >= 1);
        // Two, and still two a while later: the repeat and the good ones add nothing.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).until(() -> count(region) == 2);
    }

    @Test
    void itStartsReportsHealthAndRefusesStrangers() throws Exception {
        given().get(management.toURI().resolve("/q/health/ready").toString()).then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/rectifications/bad-reviews/count").then().statusCode(401);
        given().auth().oauth2(DevTokens.mint("channel")).get("/api/v1/rectifications/bad-reviews/count")
                .then().statusCode(403);
        given().auth().oauth2(BUREAU).get("/api/v1/rectifications/bad-reviews/count?region=x").then()
                .statusCode(422).contentType("application/problem+json");
    }
}
