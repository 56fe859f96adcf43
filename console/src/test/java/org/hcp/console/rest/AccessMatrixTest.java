package org.hcp.console.rest;

import static org.hcp.testkit.AccessMatrix.Row.get;
import static org.hcp.testkit.AccessMatrix.Row.json;
import static org.hcp.testkit.AccessMatrix.Row.withBody;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.hcp.testkit.AccessMatrix;
import org.hcp.testkit.AccessMatrix.Row;
import org.junit.jupiter.api.Test;

/**
 * R6.1: every operation of the console's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token. The services behind it decide scope; here nothing listens behind
 * it, so whoever gets past the console's own check gets a 502.
 */
@QuarkusTest
class AccessMatrixTest {

    // Every person at the console (handler, bureau, auditor, admin) gets through to the service behind, which decides
    // scope and step; machines (channel, sync) do not.
    private static final String STAFF = "401 401 401 401 403 502 502 502 502 502 502 502 502 403 403 403 502";
    private static final String EVERYBODY = "502 502 502 502 502 502 502 502 502 502 502 502 502 502 502 502 502";

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // Columns: AccessMatrix.COLUMNS.
        List<Row> rows = List.of(
                get("GET /api/v1/stats/{path}", "/api/v1/stats/figures?region=2202", STAFF),
                get("GET /api/v1/bulletins", "/api/v1/bulletins?month=2025-01", STAFF),
                get("GET /api/v1/bulletins/{month}/{scope}/{code}", "/api/v1/bulletins/2025-01/REGION/220202", STAFF),
                // a bulletin's documents are public (R4.7): a plain link opens them, without a token
                get("GET /api/v1/bulletins/{month}/{scope}/{code}/{document}",
                        "/api/v1/bulletins/2025-01/REGION/220202/bulletin.pdf",
                        EVERYBODY),
                get("GET /public/bulletins", "/public/bulletins", EVERYBODY),
                get("GET /public/rectification-results", "/public/rectification-results", EVERYBODY),
                get("GET /api/v1/console/rectifications", "/api/v1/console/rectifications?region=2202", STAFF),
                get("GET /api/v1/console/rectifications/summary", "/api/v1/console/rectifications/summary", STAFF),
                get("GET /api/v1/console/rectifications/export", "/api/v1/console/rectifications/export", STAFF),
                get("GET /api/v1/console/appeals", "/api/v1/console/appeals", STAFF),
                // the banner while a year's calendar is missing: intake's public answer
                get("GET /api/v1/console/calendar", "/api/v1/console/calendar", STAFF),
                // the workbench: steps and reads, passed on to the service that owns them (WorkbenchResource)
                get("GET /api/v1/console/rectifications/{id}", "/api/v1/console/rectifications/R-1", STAFF),
                json("POST /api/v1/console/rectifications/{id}/{step}", "/api/v1/console/rectifications/R-1/assignment",
                        STAFF),
                json("POST /api/v1/console/appeals", "/api/v1/console/appeals", STAFF),
                get("GET /api/v1/console/appeals/{ratingId}", "/api/v1/console/appeals/R-1", STAFF),
                get("GET /api/v1/console/appealable-ratings/{ratingId}", "/api/v1/console/appealable-ratings/R-1",
                        STAFF),
                withBody("POST /api/v1/console/appeals/{ratingId}/attachments",
                        "/api/v1/console/appeals/R-1/attachments?fileName=a.pdf", "application/pdf", "%PDF-1.4", STAFF),
                get("GET /api/v1/console/appeals/{ratingId}/attachments/{attachmentId}",
                        "/api/v1/console/appeals/R-1/attachments/A-1", STAFF),
                json("POST /api/v1/console/appeals/{ratingId}/{step}", "/api/v1/console/appeals/R-1/decision", STAFF),
                get("GET /api/v1/console/appeal-notices", "/api/v1/console/appeal-notices", STAFF),
                get("GET /api/v1/console/integrity-flags", "/api/v1/console/integrity-flags", STAFF),
                get("GET /api/v1/console/integrity-flags/{flagId}", "/api/v1/console/integrity-flags/F-1", STAFF),
                json("POST /api/v1/console/integrity-flags/{flagId}/review",
                        "/api/v1/console/integrity-flags/F-1/review", STAFF),
                get("GET /api/v1/console/credit-records", "/api/v1/console/credit-records", STAFF),
                // personal data: intake decides who reads it, for which purpose, and records it (R6.1)
                get("GET /api/v1/console/cases/{caseNumber}/evaluator-contact",
                        "/api/v1/console/cases/C-1/evaluator-contact?purpose=CALLBACK", STAFF),
                get("GET /api/v1/console/directory", "/api/v1/console/directory?kind=INSTITUTION", STAFF),
                get("GET /api/v1/console/policies/{regionCode}", "/api/v1/console/policies/220202", STAFF),
                json("POST /api/v1/console/bulletins", "/api/v1/console/bulletins", STAFF),
                // how the sign-in page offers to sign in; the identity provider's flow (off here: no provider)
                get("GET /api/v1/console/sign-in-options", "/api/v1/console/sign-in-options",
                        "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                // with no provider configured there is no such sign-in (a broken token is still refused)
                get("GET /console/sign-in", "/console/sign-in",
                        "404 401 401 401 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                // the development sign-in: open to all, since it is how one gets a token; off in production
                get("GET /api/v1/console/dev-sign-in", "/api/v1/console/dev-sign-in", EVERYBODY),
                json("POST /api/v1/console/dev-sign-in", "/api/v1/console/dev-sign-in",
                        "422 422 422 422 422 422 422 422 422 422 422 422 422 422 422 422 422"));
        AccessMatrix.check(base, management, rows);
    }
}
