package org.hcp.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while every background loop that was started still runs. A loop that died (an Error ended its thread)
 * leaves a process that answers HTTP but no longer relays, projects or schedules: liveness goes DOWN so that the
 * supervisor restarts it (docs/security.md, "Memory and liveness"). Readiness keeps reporting each worker's problem.
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background-loops").up();
        for (WorkerThread worker : WorkerThread.started()) {
            if (worker.died()) {
                response.down().withData(worker.name(), worker.problem());
            }
        }
        return response.build();
    }
}
