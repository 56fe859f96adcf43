package org.hcp.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Set;
import org.hcp.testkit.LocalStackTestResource;
import org.hcp.testkit.OpenApiFuzz;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: hostile requests generated from this service's OpenAPI document (every operation, without a line per
 * endpoint): none answers 5xx, every error is problem+json, no refused write commits anything.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    MeterRegistry metrics;

    @Test
    void noHostileRequestReachesA5xxBreaksTheProblemFormatOrWritesAnything() throws Exception {
        Counter published = metrics.find("hcp.outbox.published").counter();
        OpenApiFuzz.Report report = OpenApiFuzz.checkService(base, management, "reporting",
                () -> published == null ? 0 : published.count(), Set.of());
        assertTrue(report.requests() > 200 && report.operations() > 3, report.toString());
    }
}
