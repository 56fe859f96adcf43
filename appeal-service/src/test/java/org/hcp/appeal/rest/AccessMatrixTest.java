package org.hcp.appeal.rest;

import static org.hcp.localstack.AccessMatrix.Row.get;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.hcp.localstack.AccessMatrix;
import org.hcp.localstack.AccessMatrix.Row;
import org.hcp.localstack.LocalStackTestResource;
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

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // Columns: AccessMatrix.COLUMNS. "+" = let through, 401/403 refused.
        List<Row> rows = List.of(
                // a handler asks for its own institution only; a bureau's count is narrowed to its region
                get("GET /api/v1/appeals/appealable-ratings/count",
                        "/api/v1/appeals/appealable-ratings/count?institution=JL-CY-CENTRE",
                        "401 401 401 403 200 403 403 200 200 403 200 403 200"));
        AccessMatrix.check(base, rows);
    }
}
