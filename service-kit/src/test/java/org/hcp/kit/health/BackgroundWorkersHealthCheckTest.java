package org.hcp.kit.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.hcp.kit.messaging.BackgroundWorker;
import org.junit.jupiter.api.Test;

/** Issue 27: readiness is not all-or-nothing; a loop that works for others never takes the API out of rotation. */
class BackgroundWorkersHealthCheckTest {

    private record Worker(String name, String problem, boolean neededForRequests) implements BackgroundWorker {
    }

    private static HealthCheckResponse ready(List<Worker> workers) {
        return BackgroundWorkersHealthCheck.report("ready", workers, BackgroundWorker::neededForRequests);
    }

    private static HealthCheckResponse well(List<Worker> workers) {
        return BackgroundWorkersHealthCheck.report("well", workers, w -> !w.neededForRequests());
    }

    @Test
    void aFailingPushOrNotaryIsAnAlarmButTheServiceStaysInRotation() {
        List<Worker> workers = List.of(new Worker("statistics", null, true),
                new Worker("province-push", "cannot push to the province: connection refused", false));

        assertEquals(HealthCheckResponse.Status.UP, ready(workers).getStatus());
        assertEquals(HealthCheckResponse.Status.DOWN, well(workers).getStatus());
        assertEquals("cannot push to the province: connection refused",
                well(workers).getData().orElseThrow().get("province-push"));
    }

    @Test
    void aFailingProjectionTakesTheReplicaOutOfRotation() {
        List<Worker> workers = List.of(new Worker("statistics", "cannot write the read model", true),
                new Worker("bulletin-scheduler", null, false));

        assertEquals(HealthCheckResponse.Status.DOWN, ready(workers).getStatus());
        assertEquals("cannot write the read model", ready(workers).getData().orElseThrow().get("statistics"));
        assertEquals(HealthCheckResponse.Status.UP, well(workers).getStatus());
    }
}
