package org.hcp.sync.rest;

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
 * Issue 25: hostile requests generated from sync-service's OpenAPI document (every operation, without a line per
 * endpoint): none answers 5xx, every error is problem+json, no refused write commits anything.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sync"))
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
        // The push's writes are its batches, which no refused request may leave behind.
        OpenApiFuzz.Report report = OpenApiFuzz.checkService(base, management,
                OpenApiFuzz.rowsOf("sync", "sync_push_batch"), Set.of());
        assertTrue(report.requests() > 100 && report.operations() == 4, report.toString());
    }
}
