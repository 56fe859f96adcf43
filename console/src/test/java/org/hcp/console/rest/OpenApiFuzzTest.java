package org.hcp.console.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Set;
import org.hcp.testkit.OpenApiFuzz;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: hostile requests generated from the console's OpenAPI document: none answers 5xx but for the gateway's
 * own 502 (nothing listens behind it here), every error is problem+json. The console keeps nothing to write.
 */
@QuarkusTest
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void noHostileRequestReachesA5xxOrBreaksTheProblemFormat() throws Exception {
        OpenApiFuzz.Report report = OpenApiFuzz.checkService(base, management, () -> 0,
                Set.of("GET /api/v1/stats/{path}", "GET /api/v1/bulletins", "GET /api/v1/bulletins/{month}/{scope}/{code}",
                        "GET /api/v1/bulletins/{month}/{scope}/{code}/{document}", "GET /api/v1/console/rectifications",
                        "GET /api/v1/console/rectifications/summary", "GET /api/v1/console/rectifications/export",
                        "GET /api/v1/console/appeals", "GET /api/v1/console/calendar"));
        assertTrue(report.requests() > 100 && report.operations() == 9, report.toString());
    }
}
