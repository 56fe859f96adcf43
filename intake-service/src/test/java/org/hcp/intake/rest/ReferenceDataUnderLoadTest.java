package org.hcp.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hcp.intake.rest.IntakeFixtures.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.testkit.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/**
 * No request waits for reference data: with 64 case reports in flight (more than the pool's 20 connections) while
 * the working calendar is reloaded again and again, as when its cache expires, every report is answered.
 * Before, a report read the calendar inside its transaction, an expired cache reloaded it there and asked the pool
 * for a second connection while every connection was held by a report waiting for that reload: intake hung.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class ReferenceDataUnderLoadTest {

    @Inject
    ReferenceData reference;

    @Test
    void sixtyFourConcurrentCaseReportsAcrossCalendarReloadsAllFinish() throws Exception {
        IntakeFixtures.demoDirectory();
        AtomicBoolean reporting = new AtomicBoolean(true);
        Thread reloader = new Thread(() -> {
            while (reporting.get()) {
                reference.reloadCalendar();
            }
        });
        ExecutorService clients = Executors.newFixedThreadPool(64);
        try {
            reloader.start();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String caseNumber = IntakeFixtures.newCaseNumber();
                answers.add(clients.submit(() -> given().auth().oauth2(CHANNEL).contentType("application/json")
                        .body(IntakeFixtures.instantCase(caseNumber, Instant.now().minusSeconds(60)))
                        .post("/api/v1/cases").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get(60, TimeUnit.SECONDS), "every report is answered, none hangs");
            }
        } finally {
            reporting.set(false);
            clients.shutdownNow();
            reloader.join(10_000);
        }
    }
}
