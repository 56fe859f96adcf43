package org.hcp.console.rest;

import static org.hcp.testkit.AccessMatrix.Row.get;

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

    private static final String STAFF = "401 401 401 401 403 403 403 403 502 502 502 502 502 403 403 403 502";

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
                        "502 502 502 502 502 502 502 502 502 502 502 502 502 502 502 502 502"),
                get("GET /api/v1/console/rectifications", "/api/v1/console/rectifications?region=2202", STAFF),
                get("GET /api/v1/console/rectifications/summary", "/api/v1/console/rectifications/summary", STAFF),
                get("GET /api/v1/console/rectifications/export", "/api/v1/console/rectifications/export", STAFF),
                get("GET /api/v1/console/appeals", "/api/v1/console/appeals", STAFF),
                // the banner while a year's calendar is missing: intake's public answer
                get("GET /api/v1/console/calendar", "/api/v1/console/calendar", STAFF));
        AccessMatrix.check(base, management, rows);
    }
}
