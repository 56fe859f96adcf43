package org.hcp.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The one loop every background worker runs on: retried failures, health, counters, wake-ups, a clean stop. */
class WorkerThreadTest {

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
    }

    @Test
    void aFailingRoundIsReportedRetriedWithBackoffAndClearedWhenARoundSucceeds() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger replaced = new AtomicInteger();
        AtomicBoolean exited = new AtomicBoolean();
        try (WorkerThread worker = new WorkerThread("test-worker", () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("database unavailable");
            }
            return Duration.ofHours(1);
        }, metrics).backoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .describeFailure(e -> "cannot work: " + e.getMessage())
                .afterFailure(e -> replaced.incrementAndGet())
                .onExit(() -> exited.set(true))) {
            assertEquals("not started", worker.problem());
            worker.start();
            awaitTrue(() -> calls.get() == 4);
            awaitTrue(() -> worker.problem() == null);
            assertEquals(3, replaced.get(), "the failure hook ran once per failed round");
            assertEquals(3.0, metrics.counter("hcp.worker.failures", "worker", "test-worker").count());
            awaitTrue(() -> metrics.counter("hcp.worker.rounds", "worker", "test-worker").count() == 1.0);
            // The successful round asked for an hour's pause; a wake-up starts the next round now.
            worker.wake();
            awaitTrue(() -> calls.get() == 5);
        }
        assertTrue(exited.get(), "closing stops the loop and runs its exit on its thread");
    }

    @Test
    void whileARoundKeepsFailingTheProblemSaysWhy() throws Exception {
        try (WorkerThread worker = new WorkerThread("always-failing", () -> {
            throw new IllegalStateException("broker unreachable");
        }, null).backoff(Duration.ofMillis(5), Duration.ofMillis(5))
                .describeFailure(e -> "cannot publish: " + e.getMessage()).start()) {
            awaitTrue(() -> worker.problem() != null);
            assertEquals("cannot publish: broker unreachable", worker.problem());
        }
    }

    @Test
    void aStoppedWorkerHasNoStandingProblem() throws Exception {
        WorkerThread worker = new WorkerThread("idle", () -> Duration.ofMillis(1), null).start();
        worker.close();
        assertNull(worker.problem());
    }

    /** Issue 25, 2: a worker killed by an Error (here an OutOfMemoryError) makes liveness DOWN, not only readiness. */
    @Test
    void aWorkerThatDiesOfAnErrorMakesTheProcessNotAlive() throws Exception {
        WorkersLiveness liveness = new WorkersLiveness();
        try (WorkerThread worker = new WorkerThread("dying-worker", () -> {
            throw new OutOfMemoryError("Java heap space (test)");
        }, null)) {
            worker.start();
            awaitTrue(worker::died);
            assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN, liveness.call().getStatus());
            assertTrue(worker.problem().contains("OutOfMemoryError"), worker.problem());
        }
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.UP, liveness.call().getStatus(),
                "a closed worker is not a dead one");
    }
}
