package org.hcp.appeal.rest;

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
import org.hcp.appeal.domain.RatingStreams;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.testkit.AccessMatrix;
import org.hcp.testkit.AccessMatrix.Row;
import org.hcp.localstack.DevTokens;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * R6.1: every operation of appeal-service's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token (institution JL-CY-CENTRE and region 2202 are in scope).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // The fixture: a bad review of JL-CY-CENTRE (region 220202), appealed, which every {ratingId} row names.
        var fixture = TestEvents.rating("220202", "JL-CY-CENTRE", 2, Instant.now());
        TestEvents.publish(fixture);
        String id = fixture.payload().ratingId();
        String unit = DevTokens.mint("handler", "JL-CY-CENTRE", Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(unit).contentType("application/json")
                .body("{\"ratingId\":\"%s\",\"appellant\":\"INSTITUTION\",\"grounds\":\"误评\"}".formatted(id))
                .post("/api/v1/appeals").statusCode() == 200);
        String a = "/api/v1/appeals/" + id;
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        given().auth().oauth2(unit).contentType("application/octet-stream").body(png)
                .post(a + "/attachments?fileName=a.png").then().statusCode(200);
        String attachment = given().auth().oauth2(unit).get(a).then().extract()
                .path("timeline.find { it.type == 'AppealEvidenceAdded' }.payload.attachmentId");
        // And a 刷好评 burst at one of its windows, which the integrity rules flag (R6.3).
        List<RatingSubmitted> burst = RatingStreams.deviceBurst(5, "220202", "JL-CY-CENTRE", "JL-CY-W09",
                "JL-CY-S009", Instant.now().minusSeconds(600), 6);
        TestEvents.publishAll(Topics.RATINGS, burst.stream().map(r -> EventEnvelope.of(r, r.ratingId(),
                r.regionCode(), r.ratedAt(), r.ratedAt(), null, null, "test")).toList());
        String bureau = DevTokens.mint("bureau", "2202", Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(bureau)
                .get("/api/v1/integrity-flags?region=220202").then().extract().path("items.size()").equals(1));
        String f = "/api/v1/integrity-flags/" + given().auth().oauth2(bureau)
                .get("/api/v1/integrity-flags?region=220202").then().extract().path("items[0].flagId");
        // Columns: AccessMatrix.COLUMNS. "+" = let through, 401/403 refused, 404: out of scope is not found.
        // Steps get bodies that pass the access check and are then refused on their content (422), so the fixture
        // stays as it is.
        List<Row> rows = List.of(
                // the unit appeals its own institution's bad review
                withBody("POST /api/v1/appeals", "/api/v1/appeals", "application/json",
                        "{\"ratingId\":\"" + id + "\"}", "401 401 401 401 403 422 404 403 403 403 403 403 403 403 403 403 422"),
                get("GET /api/v1/appeals", "/api/v1/appeals?region=2202",
                        "401 401 401 401 403 200 200 403 403 200 403 403 200 403 403 403 200"),
                get("GET /api/v1/appeals/{ratingId}", a, "401 401 401 401 403 200 404 403 403 200 404 403 200 403 403 403 200"),
                // the unit adds evidence (this body is not a PDF, JPEG or PNG: 422 once let through); only the
                // appellant's institution and the bureau over its region download it
                withBody("POST /api/v1/appeals/{ratingId}/attachments", a + "/attachments",
                        "application/octet-stream", "not a picture",
                        "401 401 401 401 403 422 404 403 403 403 403 403 403 403 403 403 422"),
                get("GET /api/v1/appeals/{ratingId}/attachments/{attachmentId}", a + "/attachments/" + attachment,
                        "401 401 401 401 403 200 404 403 403 200 404 403 403 403 403 403 200"),
                // the bureau verifies and decides
                json("POST /api/v1/appeals/{ratingId}/verifications", a + "/verifications",
                        "401 401 401 401 403 403 403 403 403 422 404 403 403 403 403 403 422"),
                json("POST /api/v1/appeals/{ratingId}/decision", a + "/decision",
                        "401 401 401 401 403 403 403 403 403 422 404 403 403 403 403 403 422"),
                json("POST /api/v1/appeals/{ratingId}/reinstatement", a + "/reinstatement",
                        "401 401 401 401 403 403 403 403 403 422 404 403 403 403 403 403 422"),
                // the unit reads its own bad review's appeal window, the bureau those in its region
                get("GET /api/v1/appeals/appealable-ratings/{ratingId}", "/api/v1/appeals/appealable-ratings/" + id,
                        "401 401 401 401 403 200 404 403 403 200 404 403 200 403 403 403 200"),
                // a handler asks for its own institution only; a bureau's count is narrowed to its region
                get("GET /api/v1/appeals/appealable-ratings/count",
                        "/api/v1/appeals/appealable-ratings/count?institution=JL-CY-CENTRE",
                        "401 401 401 401 403 200 403 403 403 200 200 403 200 403 403 403 200"),
                // R3.4: notices to the units concerned (a handler its own, a bureau its region's); TA's credit
                // records for the bureau and the auditor
                get("GET /api/v1/appeal-notices", "/api/v1/appeal-notices",
                        "401 401 401 401 403 200 200 403 403 200 200 403 200 403 403 403 200"),
                get("GET /api/v1/credit-records", "/api/v1/credit-records?region=2202",
                        "401 401 401 401 403 403 403 403 403 200 403 403 200 403 403 403 200"),
                // only an operator rebuilds the appeal tables
                withBody("POST /api/v1/admin/rebuild", "/api/v1/admin/rebuild", null, null,
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 200"),
                // R6.3: the bureau's integrity review queue over its region; the auditor reads
                get("GET /api/v1/integrity-flags", "/api/v1/integrity-flags?region=2202",
                        "401 401 401 401 403 403 403 403 403 200 403 403 200 403 403 403 200"),
                get("GET /api/v1/integrity-flags/{flagId}", f,
                        "401 401 401 401 403 403 403 403 403 200 404 403 200 403 403 403 200"),
                json("POST /api/v1/integrity-flags/{flagId}/review", f + "/review",
                        "401 401 401 401 403 403 403 403 403 422 404 403 403 403 403 403 422"));
        AccessMatrix.check(base, management, rows);
    }
}
