package org.hcp.sync.rest;

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
 * R6.1: every operation of sync-service's OpenAPI document, called as every role, in and out of scope, without scope,
 * expired, from another issuer and with no token.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sync"))
class AccessMatrixTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void r6_1_everyOperationAnswersEachRoleAndScopeAsTheTableSays() throws Exception {
        // Columns: AccessMatrix.COLUMNS.
        List<Row> rows = List.of(
                // R5.2: a sync token reads its own province's feed (either province here); one that names none is refused
                get("GET /api/v1/sync/ratings", "/api/v1/sync/ratings?limit=1",
                        "401 401 401 401 403 403 403 403 403 403 403 403 200 200 200 403 200"),
                // the push's state: auditors and admins see it, admins send a parked batch again (none here: 404)
                get("GET /api/v1/sync/push/batches", "/api/v1/sync/push/batches",
                        "401 401 401 401 403 403 403 403 403 403 403 403 200 403 403 403 200"),
                json("POST /api/v1/sync/push/batches/{batchId}/retry", "/api/v1/sync/push/batches/22-00000001/retry",
                        "401 401 401 401 403 403 403 403 403 403 403 403 403 403 403 403 404"),
                get("GET /api/v1/sync/push/reconciliation",
                        "/api/v1/sync/push/reconciliation?from=2025-01-01&to=2025-01-31",
                        "401 401 401 401 403 403 403 403 403 403 403 403 200 403 403 403 200"));
        AccessMatrix.check(base, management, rows);
    }
}
