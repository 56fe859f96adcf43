package org.hcp.appeal.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.kit.messaging.PeriodicWorker;

/**
 * R3.2: looks for undecided appeals past their deadline every {@code hcp.appeal.overdue-interval} and flags each once
 * (AppealOverdue, first in the bureau's queue). Every replica runs it; row locks make each appeal flagged once.
 */
@Singleton
public class AppealOverdueScheduler extends PeriodicWorker {

    private static final int BATCH = 200;

    private final AppealService appeals;
    private final Clock clock;

    public AppealOverdueScheduler(AppealService appeals, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.appeal.overdue-interval", defaultValue = "PT1M") Duration interval) {
        super("appeal-overdue", interval, metrics);
        this.appeals = appeals;
        this.clock = clock;
    }

    @Override
    protected boolean round() {
        return runOnce(clock.instant()) >= BATCH;
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot flag overdue appeals: " + e.getMessage();
    }

    /** One round at {@code now} (tests move the clock by passing it): answers how many appeals it flagged. */
    public int runOnce(Instant now) {
        return appeals.flagOverdue(now, BATCH);
    }

    /** It works for others: a failure here is an operator's alarm (wellness), the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }
}
