package org.hcp.audit.rest;

import static org.hcp.testkit.AccessMatrix.Row.get;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.hcp.testkit.AccessMatrix;
import org.hcp.testkit.AccessMatrix.Row;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/**
 * R6.1: every operation of audit-service's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // Columns: AccessMatrix.COLUMNS. R5.3: the auditor API, read-only: auditors and admins.
        List<Row> rows = List.of(
                get("GET /api/v1/audit/figures", "/api/v1/audit/figures?asOf=2025-01-31T24:00%2B08:00&region=2202",
                        "401 401 401 401 403 403 403 403 403 403 403 403 200 403 403 403 200"),
                get("GET /api/v1/audit/bulletins", "/api/v1/audit/bulletins?region=2202&month=2025-01",
                        "401 401 401 401 403 403 403 403 403 403 403 403 200 403 403 403 200"),
                get("GET /api/v1/audit/cases/{caseNumber}", "/api/v1/audit/cases/NO-SUCH-CASE",
                        "401 401 401 401 403 403 403 403 403 403 403 403 404 403 403 403 404"));
        AccessMatrix.check(base, management, rows);
    }
}
