package org.hcp.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hcp.kit.messaging.BackgroundWorker;

/** Ready when every projection loop and the outbox relay run without a standing problem. */
@Readiness
@ApplicationScoped
public class BackgroundWorkersHealthCheck implements HealthCheck {

    private final Instance<BackgroundWorker> workers;

    public BackgroundWorkersHealthCheck(Instance<BackgroundWorker> workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background-workers").up();
        for (BackgroundWorker worker : workers) {
            String problem = worker.problem();
            response.withData(worker.name(), problem == null ? "ok" : problem);
            if (problem != null) {
                response.down();
            }
        }
        return response.build();
    }
}
