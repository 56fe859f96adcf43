package org.hcp.rectification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.kit.messaging.PeriodicWorker;

/**
 * R2.6: looks for missed deadlines every {@code hcp.rectification.overdue-interval} and flags each missed step once
 * (RectificationStepOverdue, which puts it on the bureau's overdue list). Every replica runs it; the row locks make
 * each rectification flagged by one of them only.
 */
@Singleton
public class OverdueScheduler extends PeriodicWorker {

    private static final int BATCH = 200;

    private final RectificationService rectifications;
    private final Clock clock;
    private final Counter flagged;

    public OverdueScheduler(RectificationService rectifications, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.rectification.overdue-interval", defaultValue = "PT1M") Duration interval) {
        super("overdue-scheduler", interval, metrics);
        this.rectifications = rectifications;
        this.clock = clock;
        // R2.6: missed deadlines as operators and supervisors watch them (docs/operations.md, "Monitoring").
        this.flagged = Counter.builder("hcp.rectification.overdue.steps")
                .description("rectification steps flagged overdue (a missed working-day deadline)").register(metrics);
    }

    @Override
    protected boolean round() {
        return runOnce(clock.instant()).rectifications() == BATCH;
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot flag overdue steps: " + e.getMessage();
    }

    /** One round at {@code now} (tests move the clock by passing it). */
    public RectificationService.OverdueRound runOnce(Instant now) {
        RectificationService.OverdueRound round = rectifications.flagOverdue(now, BATCH);
        flagged.increment(round.steps());
        return round;
    }

    /** It works for others: a failure here is an operator's alarm (wellness), the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }
}
