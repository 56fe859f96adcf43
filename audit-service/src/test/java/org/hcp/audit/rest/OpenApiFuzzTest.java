package org.hcp.audit.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Set;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.OpenApiFuzz;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: hostile requests generated from audit-service's OpenAPI document: none answers 5xx, every error is
 * problem+json. The API only reads the log, so no request can write anything (the notary's checkpoints are its own).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void noHostileRequestReachesA5xxOrBreaksTheProblemFormat() throws Exception {
        OpenApiFuzz.Report report = OpenApiFuzz.checkService(base, management, () -> 0, Set.of());
        assertTrue(report.requests() > 50 && report.operations() == 3, report.toString());
    }
}
