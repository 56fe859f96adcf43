package org.hcp.reporting.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * R4.3: at each month's end, the month's bulletins. Every replica runs it every {@code hcp.reporting.bulletin-interval};
 * a bulletin id is published once (the row and its event commit together, a second insert does nothing), so the
 * first round of the new month publishes them and later rounds only add scopes whose first rating came late. A round
 * that publishes nothing brings the bulletin copy up to date, so that the next month's publication is quick.
 */
@Singleton
public class BulletinScheduler extends org.hcp.kit.messaging.PeriodicWorker {

    private static final Logger LOG = Logger.getLogger(BulletinScheduler.class);

    private final BulletinService bulletins;
    private volatile boolean waiting;
    private final Clock clock;

    public BulletinScheduler(BulletinService bulletins, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.reporting.bulletin-interval") Duration interval) {
        super("bulletin-scheduler", interval, metrics);
        this.bulletins = bulletins;
        this.clock = clock;
    }

    @Override
    protected boolean round() {
        runOnce(clock.instant());
        return false;
    }

    /** A month that waits for a producer's watermark is tried again in a minute, not at the next interval. */
    @Override
    protected Duration pause() {
        return waiting ? Duration.ofMinutes(1) : super.pause();
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot publish the month's bulletins: " + e.getMessage();
    }

    /**
     * One round at {@code now}: answers how many bulletins it published; none while a producer's events of the month
     * cannot be known to have arrived (its watermark is behind the month's end), which a later round retries.
     */
    public long runOnce(Instant now) {
        try {
            YearMonth due = BulletinService.dueMonth(now);
            long published = bulletins.publishMonth(due).stream().filter(BulletinService.Published::created).count();
            waiting = false;
            if (published == 0) {
                bulletins.keepCopyCurrent(due);
            }
            return published;
        } catch (BulletinSnapshot.NotComplete e) {
            LOG.infof("the month's bulletins wait: %s", e.getMessage());
            waiting = true;
            return 0;
        }
    }

    /** It works for others: a failure here is an operator's alarm (wellness), the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }
}
