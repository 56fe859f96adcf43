package org.hcp.reporting.rest;

import static org.hcp.testkit.AccessMatrix.Row.get;
import static org.hcp.testkit.AccessMatrix.Row.json;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.hcp.testkit.AccessMatrix;
import org.hcp.testkit.AccessMatrix.Row;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/**
 * R6.1: every operation of reporting-service's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token (institution JL-CY-CENTRE and region 2202 are in scope).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // Columns: AccessMatrix.COLUMNS. "+" = let through, 401/403 refused.
        List<Row> rows = List.of(
                // a bureau sees its own region only, a sync consumer its province's; asking for another is refused
                get("GET /api/v1/stats/satisfaction", "/api/v1/stats/satisfaction?region=2202",
                        "401 401 401 401 403 403 403 403 403 200 403 403 200 200 403 403 200"),
                get("GET /api/v1/stats/figures", "/api/v1/stats/figures?region=2202&by=institution",
                        "401 401 401 401 403 403 403 403 403 200 403 403 200 200 403 403 200"),
                get("GET /api/v1/stats/rankings", "/api/v1/stats/rankings?region=2202&from=2025-01-01&to=2025-01-31",
                        "401 401 401 401 403 403 403 403 403 200 403 403 200 200 403 403 200"),
                get("GET /api/v1/stats/warnings", "/api/v1/stats/warnings?region=2202&month=2025-01",
                        "401 401 401 401 403 403 403 403 403 200 403 403 200 200 403 403 200"),
                get("GET /api/v1/stats/tags", "/api/v1/stats/tags?region=2202&from=2025-01-01&to=2025-01-31",
                        "401 401 401 401 403 403 403 403 403 200 403 403 200 200 403 403 200"),
                // bulletins: publishing for bureaus and admins ("+": past the access check, then 422 for the empty
                // body); reading public (R4.7), 404 here for a bulletin never published
                json("POST /api/v1/bulletins", "/api/v1/bulletins",
                        "401 401 401 401 403 403 403 403 +   +   +   +   403 403 403 403 +"),
                get("GET /api/v1/bulletins", "/api/v1/bulletins?month=2025-01",
                        "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                get("GET /api/v1/bulletins/{month}/{scope}/{code}", "/api/v1/bulletins/2025-01/REGION/220202",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                get("GET /api/v1/bulletins/{month}/{scope}/{code}/bulletin.json",
                        "/api/v1/bulletins/2025-01/REGION/220202/bulletin.json",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                get("GET /api/v1/bulletins/{month}/{scope}/{code}/bulletin.csv",
                        "/api/v1/bulletins/2025-01/REGION/220202/bulletin.csv",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                get("GET /api/v1/bulletins/{month}/{scope}/{code}/bulletin.html",
                        "/api/v1/bulletins/2025-01/REGION/220202/bulletin.html",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                get("GET /api/v1/bulletins/{month}/{scope}/{code}/bulletin.pdf",
                        "/api/v1/bulletins/2025-01/REGION/220202/bulletin.pdf",
                        "404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
                get("GET /public/bulletins", "/public/bulletins?region=2202",
                        "200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200"),
                json("POST /api/v1/admin/rebuild", "/api/v1/admin/rebuild",
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 200"));
        AccessMatrix.check(base, management, rows);
    }
}
