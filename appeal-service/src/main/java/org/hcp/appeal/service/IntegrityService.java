package org.hcp.appeal.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hcp.appeal.domain.IntegrityDetector.Finding;
import org.hcp.appeal.domain.IntegrityDetector;
import org.hcp.appeal.domain.IntegrityFlag;
import org.hcp.appeal.domain.IntegrityReviewer;
import org.hcp.appeal.domain.ObservedRating;
import org.hcp.appeal.repository.DecisionRecordRepository;
import org.hcp.appeal.repository.IntegrityRepository;
import org.hcp.events.ChinaTime;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.IntegrityFlagReviewed;
import org.hcp.events.appeal.IntegrityOutcome;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.outcome.Outcome;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Correlation;
import org.jboss.logging.Logger;

/**
 * R6.3 around the pure core: observed ratings are judged with the rest of their subjects' day and the flags kept;
 * the bureau's review is decided by {@link IntegrityReviewer} and recorded with its outbox rows in one transaction.
 */
@ApplicationScoped
public class IntegrityService {

    private static final Logger LOG = Logger.getLogger(IntegrityService.class);

    private final Pool pool;
    private final IntegrityRepository integrity;
    private final DecisionRecordRepository decisions;
    private final ReferenceData reference;
    private final OutboxRelay relay;
    private final Correlation correlation;
    private final Clock clock;

    public IntegrityService(Pool pool, IntegrityRepository integrity, DecisionRecordRepository decisions,
            ReferenceData reference, OutboxRelay relay, Correlation correlation, Clock clock) {
        this.pool = pool;
        this.decisions = decisions;
        this.integrity = integrity;
        this.reference = reference;
        this.relay = relay;
        this.correlation = correlation;
        this.clock = clock;
    }

    /**
     * Records the ratings and re-judges every subject's day they belong to, in the caller's transaction. Only those
     * days: the same-day ratings loaded for them are complete for their own subjects alone.
     */
    public void observe(SqlConnection tx, List<ObservedRating> ratings) {
        if (ratings.isEmpty()) {
            return;
        }
        integrity.observe(tx, ratings);
        List<Finding> findings = IntegrityDetector.judge(integrity.sameDay(tx, ratings, ChinaTime.ZONE), ChinaTime.ZONE,
                (region, at) -> reference.rules(region, at).policy().integrity(),
                IntegrityDetector.subjectDays(ratings, ChinaTime.ZONE));
        if (findings.isEmpty()) {
            return;
        }
        Map<String, IntegrityFlag> known = integrity.lockFlags(tx, findings.stream().map(Finding::flagId).toList());
        integrity.saveFlags(tx, findings.stream().map(f -> known.containsKey(f.flagId())
                ? known.get(f.flagId()).found(f) : IntegrityFlag.of(f)).toList());
        LOG.infof("integrity: %d flag(s) raised or extended", findings.size());
    }

    /** R6.3: the bureau's review of a flag within its region prefix (null: any); else not found. */
    public Outcome<IntegrityFlag> review(String flagId, String regionPrefix, IntegrityOutcome outcome,
            boolean malicious, String reason, String by) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        Outcome<IntegrityFlag> result = inTransaction(pool, tx -> {
            Optional<IntegrityFlag> flag = integrity.lockFlag(tx, flagId, regionPrefix);
            if (flag.isEmpty()) {
                return Outcome.notFound("no integrity flag " + flagId + " within the caller's scope");
            }
            Map<String, ObservedRating> ratings = integrity.observed(tx, flag.get().ratingIds());
            return IntegrityReviewer.review(flag.get(), ratings, outcome, malicious, reason, by, now).map(events -> {
                IntegrityFlag after = events.stream().filter(IntegrityFlagReviewed.class::isInstance)
                        .map(IntegrityFlagReviewed.class::cast).reduce(flag.get(), IntegrityFlag::evolve, (a, b) -> b);
                List<EventEnvelope<EventPayload>> recorded = events.stream().map(e -> envelope(after, ratings, e,
                        now, requestId)).toList();
                integrity.recordReview(tx, after, recorded);
                decisions.recordIntegrityEffects(tx, ratings, recorded, (region, at) -> reference.rules(region, at)
                        .policy());
                return after;
            });
        });
        if (result instanceof Outcome.Done<IntegrityFlag> done) {
            relay.wake();
            LOG.infof("integrity flag %s reviewed: %s", flagId, done.value().lastOutcome());
        }
        return result;
    }

    private static EventEnvelope<EventPayload> envelope(IntegrityFlag flag, Map<String, ObservedRating> ratings,
            EventPayload event, Instant now, UUID requestId) {
        // Decisions on a rating go on the rating's key, where every consumer looks for them (docs/events.md).
        String key = event instanceof RatingNotAdopted n ? n.ratingId() : flag.flagId();
        String region = event instanceof RatingNotAdopted n ? ratings.get(n.ratingId()).regionCode()
                : flag.regionCode();
        return EventEnvelope.of(event, key, region, now, now, requestId, requestId, AppealService.PRODUCER);
    }
}
