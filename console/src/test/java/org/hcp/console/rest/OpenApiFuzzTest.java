package org.hcp.console.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Set;
import java.util.TreeSet;
import org.hcp.testkit.AccessMatrix;
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
        // Every operation but the development sign-in's token is a pass-through: it may answer the 502 of no
        // service behind it; none may answer another 5xx.
        Set<String> passThrough = new TreeSet<>(AccessMatrix.operations(AccessMatrix.root(management)));
        passThrough.remove("POST /api/v1/console/dev-sign-in");
        OpenApiFuzz.Report report = OpenApiFuzz.checkService(base, management, () -> 0, passThrough);
        assertTrue(report.requests() > 100 && report.operations() == passThrough.size() + 1, report.toString());
    }
}
