package org.hcp.rectification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hcp.testkit.AccessMatrix.Row.get;
import static org.hcp.testkit.AccessMatrix.Row.json;
import static org.hcp.testkit.AccessMatrix.Row.withBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hcp.testkit.AccessMatrix;
import org.hcp.testkit.AccessMatrix.Row;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * R6.1: every operation of rectification-service's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token (institution JL-CY-CENTRE and region 2202 are in scope).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "rectification"))
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // The fixture: a bad review of JL-CY-CENTRE (region 220202), whose rectification every {id} row names.
        var fixture = TestEvents.rating("220202", "JL-CY-CENTRE", 2, Instant.now());
        TestEvents.publish(fixture);
        String id = fixture.payload().ratingId();
        String admin = DevTokens.mint("admin");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(admin)
                .get("/api/v1/rectifications/" + id).statusCode() == 200);
        String r = "/api/v1/rectifications/" + id;
        // Columns: AccessMatrix.COLUMNS. "+" = let through, 401/403 refused, 404: out of scope is not found.
        // Every step is sent an empty body: let through, it is refused on its content (422) or its order (409), so
        // the fixture stays as it is.
        List<Row> rows = List.of(
                // a handler reads its own institution's (whatever region it names), a bureau its region's
                get("GET /api/v1/rectifications", "/api/v1/rectifications?region=2202",
                        "401 401 401 401 403 200 200 403 403 200 403 403 200 403 403 403 200"),
                get("GET /api/v1/rectifications/export", "/api/v1/rectifications/export?region=2202",
                        "401 401 401 401 403 200 200 403 403 200 403 403 200 403 403 403 200"),
                get("GET /api/v1/rectifications/summary", "/api/v1/rectifications/summary?region=2202",
                        "401 401 401 401 403 200 200 403 403 200 403 403 200 403 403 403 200"),
                get("GET /api/v1/rectifications/bad-reviews/count", "/api/v1/rectifications/bad-reviews/count?region=2202",
                        "401 401 401 401 403 200 200 403 403 200 403 403 200 403 403 403 200"),
                get("GET /api/v1/rectifications/{id}", r,
                        "401 401 401 401 403 200 404 403 403 200 404 403 200 403 403 403 200"),
                // the unit's steps
                json("POST /api/v1/rectifications/{id}/assignment", r + "/assignment",
                        "401 401 401 401 403 422 404 403 403 403 403 403 403 403 403 403 422"),
                json("POST /api/v1/rectifications/{id}/callbacks", r + "/callbacks",
                        "401 401 401 401 403 422 404 403 403 403 403 403 403 403 403 403 422"),
                json("POST /api/v1/rectifications/{id}/classification", r + "/classification",
                        "401 401 401 401 403 422 404 403 403 403 403 403 403 403 403 403 422"),
                json("POST /api/v1/rectifications/{id}/resolution", r + "/resolution",
                        "401 401 401 401 403 422 404 403 403 403 403 403 403 403 403 403 422"),
                json("POST /api/v1/rectifications/{id}/feedback", r + "/feedback",
                        "401 401 401 401 403 422 404 403 403 403 403 403 403 403 403 403 422"),
                // the bureau's steps
                json("POST /api/v1/rectifications/{id}/verification", r + "/verification",
                        "401 401 401 401 403 403 403 403 403 422 404 403 403 403 403 403 422"),
                json("POST /api/v1/rectifications/{id}/interview", r + "/interview",
                        "401 401 401 401 403 403 403 403 403 422 404 403 403 403 403 403 422"),
                // either closes; this one is not verified yet
                withBody("POST /api/v1/rectifications/{id}/closing", r + "/closing", null, null,
                        "401 401 401 401 403 409 404 403 403 409 404 403 403 403 403 403 409"),
                // only an operator rebuilds the ledger
                withBody("POST /api/v1/admin/rebuild", "/api/v1/admin/rebuild", null, null,
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 200"),
                // R2.7: published results are for everyone
                get("GET /api/v1/public/rectification-results", "/api/v1/public/rectification-results",
                        "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                get("GET /public/rectification-results", "/public/rectification-results",
                        "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                // docs/hotline.md: the 12345 platform signs with its key; a bearer token of any role is not that
                json("POST /api/v1/hotline/work-orders/{workOrderId}/replies",
                        "/api/v1/hotline/work-orders/HCP-x/replies",
                        "401 401 401 401 401 401 401 401 401 401 401 401 401 401 401 401 401"));
        AccessMatrix.check(base, management, rows);
    }
}
