package org.hcp.rectification.rest;

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
 * R6.1: every operation of rectification-service's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token (institution JL-CY-CENTRE and region 2202 are in scope).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "rectification"))
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // Columns: AccessMatrix.COLUMNS. "+" = let through, 401/403 refused.
        List<Row> rows = List.of(
                // a handler counts its own institution's bad reviews (whatever region it names), a bureau its region
                get("GET /api/v1/rectifications/bad-reviews/count", "/api/v1/rectifications/bad-reviews/count?region=2202",
                        "401 401 401 403 200 200 403 200 403 403 200 403 200"));
        AccessMatrix.check(base, rows);
    }
}
