package org.hcp.rectification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.kit.messaging.BackgroundWorker;
import org.hcp.kit.messaging.WorkerThread;

/**
 * R2.6: looks for missed deadlines every {@code hcp.rectification.overdue-interval} and flags each missed step once
 * (RectificationStepOverdue, which puts it on the bureau's overdue list). Every replica runs it; the row locks make
 * each rectification flagged by one of them only.
 */
@ApplicationScoped
public class OverdueScheduler implements BackgroundWorker {

    private static final int BATCH = 200;

    private final RectificationService rectifications;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration interval;
    private WorkerThread worker;

    public OverdueScheduler(RectificationService rectifications, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.rectification.overdue-interval", defaultValue = "PT1M") Duration interval) {
        this.rectifications = rectifications;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        worker = new WorkerThread("overdue-scheduler", () -> runOnce(clock.instant()).rectifications() == BATCH ? Duration.ZERO
                : interval, metrics).backoff(Duration.ofSeconds(1), interval)
                .describeFailure(e -> "cannot flag overdue steps: " + e.getMessage())
                .start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.close();
        }
    }

    /** One round at {@code now} (tests move the clock by passing it). */
    public RectificationService.OverdueRound runOnce(Instant now) {
        return rectifications.flagOverdue(now, BATCH);
    }

    @Override
    public String name() {
        return "overdue-scheduler";
    }

    @Override
    public String problem() {
        return worker == null ? "not started" : worker.problem();
    }
}
