package org.hcp.kit.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.function.Predicate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hcp.kit.messaging.BackgroundWorker;

/**
 * Ready when every loop the service's answers depend on runs without a standing problem (projections, the outbox
 * relay, the reference data). The other loops report under wellness ({@code /q/health/well}): a scheduler or a push
 * that fails is an operator's alarm, not a reason to stop serving (docs/architecture.md, "Background workers").
 */
@Readiness
@ApplicationScoped
public class BackgroundWorkersHealthCheck implements HealthCheck {

    private final Instance<BackgroundWorker> workers;

    public BackgroundWorkersHealthCheck(Instance<BackgroundWorker> workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        return report("background-workers", workers, BackgroundWorker::neededForRequests);
    }

    /** The loops that work for others: their problems, without taking the replica out of rotation. */
    @Wellness
    @ApplicationScoped
    public static class Others implements HealthCheck {

        private final Instance<BackgroundWorker> workers;

        public Others(Instance<BackgroundWorker> workers) {
            this.workers = workers;
        }

        @Override
        public HealthCheckResponse call() {
            return report("background-loops-for-others", workers, w -> !w.neededForRequests());
        }
    }

    /** UP unless one of the chosen workers has a problem; each one named with its problem or "ok". */
    public static HealthCheckResponse report(String name, Iterable<? extends BackgroundWorker> workers,
            Predicate<BackgroundWorker> chosen) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).up();
        for (BackgroundWorker worker : workers) {
            if (!chosen.test(worker)) {
                continue;
            }
            String problem = worker.problem();
            response.withData(worker.name(), problem == null ? "ok" : problem);
            if (problem != null) {
                response.down();
            }
        }
        return response.build();
    }
}
