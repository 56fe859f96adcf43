package org.hcp.appeal.service;

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
 * R3.2: looks for undecided appeals past their deadline every {@code hcp.appeal.overdue-interval} and flags each once
 * (AppealOverdue, first in the bureau's queue). Every replica runs it; row locks make each appeal flagged once.
 */
@ApplicationScoped
public class AppealOverdueScheduler implements BackgroundWorker {

    private static final int BATCH = 200;

    private final AppealService appeals;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration interval;
    private WorkerThread worker;

    public AppealOverdueScheduler(AppealService appeals, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.appeal.overdue-interval", defaultValue = "PT1M") Duration interval) {
        this.appeals = appeals;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        worker = new WorkerThread("appeal-overdue", () -> runOnce(clock.instant()) >= BATCH ? Duration.ZERO
                : interval, metrics).backoff(Duration.ofSeconds(1), interval)
                .describeFailure(e -> "cannot flag overdue appeals: " + e.getMessage())
                .start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.close();
        }
    }

    /** One round at {@code now} (tests move the clock by passing it): answers how many appeals it flagged. */
    public int runOnce(Instant now) {
        return appeals.flagOverdue(now, BATCH);
    }

    @Override
    public String name() {
        return "appeal-overdue";
    }

    @Override
    public String problem() {
        return worker == null ? "not started" : worker.problem();
    }
}
