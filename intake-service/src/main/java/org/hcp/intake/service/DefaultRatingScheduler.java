package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventEnvelope;
import org.hcp.events.RatingReminderIssued;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.intake.domain.DefaultRatings;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.OutboundMessageRepository;
import org.hcp.intake.repository.RatingRepository;
import org.hcp.kit.messaging.PeriodicWorker;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.jboss.logging.Logger;

/**
 * R1.9: reminders and default ratings for completed cases nobody rated in time. Every replica runs this loop; each
 * round claims due cases with {@code FOR UPDATE SKIP LOCKED} and marks them in the same transaction as the events
 * it writes, so each reminder and each default rating is made exactly once across replicas. The outcome is an
 * event, so replaying the log never re-runs a timer.
 */
@Singleton
public class DefaultRatingScheduler extends PeriodicWorker {

    private static final Logger LOG = Logger.getLogger(DefaultRatingScheduler.class);
    static final int BATCH = 200;
    static final String SYSTEM_FINGERPRINT = "system:default-rating";

    private final Pool pool;
    private final CaseRepository cases;
    private final RatingRepository ratings;
    private final OutboundMessageRepository messages;
    private final OutboxRelay relay;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final boolean enabled;
    private final Duration interval;

    public DefaultRatingScheduler(Pool pool, CaseRepository cases, RatingRepository ratings,
            OutboundMessageRepository messages, OutboxRelay relay,
            Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.default-rating.scheduler.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "hcp.default-rating.scheduler.interval", defaultValue = "PT30S") Duration interval) {
        // A failed round is retried after the interval, as a successful one: the next round finds the same cases.
        super("default-rating-scheduler", interval, interval, metrics);
        this.pool = pool;
        this.cases = cases;
        this.ratings = ratings;
        this.messages = messages;
        this.relay = relay;
        this.clock = clock;
        this.metrics = metrics;
        this.enabled = enabled;
        this.interval = interval;
    }

    /** What one round did. */
    public record Round(int reminders, int defaultRatings) {
    }

    @Override
    protected boolean enabled() {
        return enabled;
    }

    @Override
    protected boolean round() {
        runOnce(clock.instant());
        return false;
    }

    @Override
    protected String describeFailure(Exception e) {
        return "round failed, retried next round: " + e.getMessage();
    }

    /** Issues every reminder and makes every default rating due at {@code now}. */
    public Round runOnce(Instant now) {
        int reminders = 0;
        Batch batch;
        do {
            batch = inTransaction(pool, tx -> issueReminders(tx, now));
            reminders += batch.done();
        } while (batch.claimed() == BATCH);
        int defaults = 0;
        do {
            batch = inTransaction(pool, tx -> makeDefaultRatings(tx, now));
            defaults += batch.done();
        } while (batch.claimed() == BATCH);
        if (reminders + defaults > 0) {
            relay.wake();
            LOG.infof("R1.9: %d reminders issued, %d default ratings made", reminders, defaults);
        }
        return new Round(reminders, defaults);
    }

    /** One transaction's work: how many due cases it claimed, and for how many it wrote an event. */
    private record Batch(int claimed, int done) {
    }

    private Batch issueReminders(SqlConnection tx, Instant now) {
        List<CaseRepository.StoredCase> claimed = cases.claimRemindersDue(tx, now, BATCH);
        List<CaseRepository.StoredCase> due = unrated(tx, claimed);
        for (CaseRepository.StoredCase c : due) {
            RatingReminderIssued reminder = DefaultRatings.reminder(c.serviceCase(), c.reminderDueAt(),
                    c.defaultRatingDueAt());
            Outbox.append(tx, Topics.CASES, EventEnvelope.of(reminder, reminder.caseNumber(), reminder.regionCode(),
                    c.reminderDueAt(), now, c.eventId(), c.eventId(), RatingService.PRODUCER));
            cases.markReminderIssued(tx, reminder.caseNumber(), now);
            // R1.9 (TA): the reminder is a message too, where the evaluator left a mobile and the policy sends it.
            messages.queueReminder(tx, reminder.caseNumber(), now);
        }
        return new Batch(claimed.size(), due.size());
    }

    /**
     * The claimed cases nobody has rated. A rating request takes a slot but leaves the case row alone (no index
     * update on its path, docs/performance.md); the cases it rated are marked here, which takes them out of the
     * due-case indexes for good.
     */
    private List<CaseRepository.StoredCase> unrated(SqlConnection tx, List<CaseRepository.StoredCase> claimed) {
        cases.markRated(tx, claimed.stream().filter(c -> c.serviceCase().isRated())
                .map(c -> c.serviceCase().caseNumber()).toList());
        return claimed.stream().filter(c -> !c.serviceCase().isRated()).toList();
    }

    private Batch makeDefaultRatings(SqlConnection tx, Instant now) {
        List<CaseRepository.StoredCase> claimed = cases.claimDefaultRatingsDue(tx, now, BATCH);
        List<CaseRepository.StoredCase> due = unrated(tx, claimed);
        int made = 0;
        for (CaseRepository.StoredCase c : due) {
            ServiceCase serviceCase = c.serviceCase();
            RatingSubmitted rating = DefaultRatings.defaultRating(serviceCase, c.defaultLevel(), c.defaultRatingDueAt());
            EventEnvelope<RatingSubmitted> event = EventEnvelope.of(rating, rating.ratingId(), rating.regionCode(),
                    rating.ratedAt(), now, c.eventId(), c.eventId(), RatingService.PRODUCER);
            if (ratings.takeSlot(tx, serviceCase.caseNumber(), ServiceCase.CASE_SLOT, rating.ratingId())
                    && ratings.insert(tx, event, SYSTEM_FINGERPRINT)) {
                Outbox.append(tx, Topics.RATINGS, event);
                made++;
            }
        }
        return new Batch(claimed.size(), made);
    }

    /** It works for others: a failure here is an operator's alarm (wellness), the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }
}
