package org.hcp.appeal.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.hcp.appeal.domain.AppealDecider.RatedCase;
import org.hcp.appeal.domain.AppealDecider;
import org.hcp.appeal.domain.AppealEntry;
import org.hcp.appeal.domain.AppealState;
import org.hcp.appeal.repository.AppealRepository.Stored;
import org.hcp.appeal.repository.AppealRepository;
import org.hcp.appeal.repository.AppealableRatingRepository;
import org.hcp.appeal.repository.AttachmentRepository;
import org.hcp.appeal.repository.DecisionRecordRepository;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventIds;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.AppealEvidenceAdded;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Correlation;
import org.jboss.logging.Logger;

/**
 * The use cases of R3 around the pure core: lock the rating, fold its appeal's events, let {@link AppealDecider}
 * decide, and record the events with their outbox rows in one transaction. Sequential code on worker threads
 * (docs/architecture.md, "The database": low volume).
 */
@ApplicationScoped
public class AppealService {

    public static final String PRODUCER = "appeal-service";
    private static final Logger LOG = Logger.getLogger(AppealService.class);

    private final Pool pool;
    private final AppealableRatingRepository ratings;
    private final AppealRepository appeals;
    private final AttachmentRepository attachments;
    private final DecisionRecordRepository decisions;
    private final ReferenceData reference;
    private final OutboxRelay relay;
    private final Correlation correlation;
    private final Clock clock;

    public AppealService(Pool pool, AppealableRatingRepository ratings, AppealRepository appeals,
            AttachmentRepository attachments, DecisionRecordRepository decisions, ReferenceData reference,
            OutboxRelay relay, Correlation correlation, Clock clock) {
        this.pool = pool;
        this.decisions = decisions;
        this.attachments = attachments;
        this.ratings = ratings;
        this.appeals = appeals;
        this.reference = reference;
        this.relay = relay;
        this.correlation = correlation;
        this.clock = clock;
    }

    /** Who may act on what: a region prefix and an institution, each null for "any" (from the caller's scope). */
    public record Scope(String regionPrefix, String institution) {
    }

    /** A step decided on a rating's appeal as it stands (null before one is filed). */
    @FunctionalInterface
    public interface Step {
        Outcome<List<EventPayload>> decide(RatedCase rating, AppealState appeal, Instant now,
                JurisdictionRules rules);
    }

    /**
     * Runs a step on the appeal of {@code ratingId}, within the caller's scope (else not found). {@code mustExist}:
     * the step is on an appeal already filed.
     */
    public Outcome<AppealEntry> act(String ratingId, Scope scope, boolean mustExist, Step step) {
        return act(ratingId, scope, mustExist, step, (tx, events) -> { });
    }

    /**
     * R3.1: evidence for an open appeal; the bytes are stored in the same transaction as the event naming their hash.
     */
    public Outcome<AppealEntry> addEvidence(String ratingId, Scope scope, String fileName, byte[] content, String by) {
        String attachmentId = "att-" + EventIds.newTimeOrdered();
        return act(ratingId, scope, true, (rating, appeal, now, rules) ->
                AppealDecider.addEvidence(appeal, attachmentId, fileName, content, by, now), (tx, events) -> events
                .stream().filter(AppealEvidenceAdded.class::isInstance).map(AppealEvidenceAdded.class::cast)
                .forEach(e -> attachments.store(tx, e, content)));
    }

    private Outcome<AppealEntry> act(String ratingId, Scope scope, boolean mustExist, Step step,
            BiConsumer<SqlConnection, List<EventPayload>> alsoStore) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        Outcome<AppealEntry> outcome = inTransaction(pool, tx -> {
            Optional<RatedCase> rating = ratings.lock(tx, ratingId, scope.regionPrefix(), scope.institution());
            if (rating.isEmpty()) {
                return Outcome.notFound("no appealable rating " + ratingId + " within the caller's scope");
            }
            Stored before = appeals.load(tx, ratingId);
            if (mustExist && before.state() == null) {
                return Outcome.notFound("no appeal on rating " + ratingId);
            }
            JurisdictionRules rules = reference.rules(rating.get().regionCode(), now);
            return step.decide(rating.get(), before.state(), now, rules).map(events -> {
                alsoStore.accept(tx, events);
                List<EventEnvelope<EventPayload>> recorded = envelopes(ratingId, rating.get().regionCode(), events, now,
                        requestId);
                Stored after = appeals.append(tx, before, recorded);
                decisions.recordEffects(tx, rating.get(), after.state(), recorded,
                        (region, at) -> reference.rules(region, at).policy());
                return AppealEntry.of(after.state(), after.events());
            });
        });
        if (outcome instanceof Outcome.Done<AppealEntry> done) {
            relay.wake();
            LOG.infof("appeal on rating %s: now %s", ratingId, done.value().status());
        }
        return outcome;
    }

    /** A new appeal's id: time-ordered, so a list of them sorts by when they were filed. */
    public static String newAppealId() {
        return "ap-" + EventIds.newTimeOrdered();
    }

    /** R3.2: flags every undecided appeal past its decision deadline at {@code now}, once; answers how many. */
    public int flagOverdue(Instant now, int limit) {
        int flagged = inTransaction(pool, tx -> {
            int n = 0;
            for (String ratingId : appeals.lockDueForOverdueCheck(tx, now, limit)) {
                Stored stored = appeals.load(tx, ratingId);
                List<EventPayload> events = AppealDecider.overdue(stored.state(), now);
                if (!events.isEmpty()) {
                    appeals.append(tx, stored, envelopes(ratingId, stored.state().filed().regionCode(), events, now,
                            null));
                    n += events.size();
                }
            }
            return n;
        });
        if (flagged > 0) {
            relay.wake();
            LOG.infof("%d appeal(s) flagged overdue", flagged);
        }
        return flagged;
    }

    /**
     * R3.2: a year's calendar was published; every open appeal counted provisionally is counted again, in the
     * calendar projection's transaction (AppealDecider.redate). Answers how many were re-dated.
     */
    public int redate(SqlConnection tx, int year, Instant publishedAt) {
        int redated = 0;
        for (String ratingId : appeals.lockOpen(tx)) {
            Stored stored = appeals.load(tx, ratingId);
            String region = stored.state().filed().regionCode();
            List<EventPayload> events = AppealDecider.redate(stored.state(), year,
                    start -> reference.rules(region, start), publishedAt);
            if (!events.isEmpty()) {
                appeals.append(tx, stored, envelopes(ratingId, region, events, publishedAt, null));
                redated++;
            }
        }
        if (redated > 0) {
            relay.wake();
            LOG.infof("calendar %d published: %d open appeal(s) re-dated", year, redated);
        }
        return redated;
    }

    private static List<EventEnvelope<EventPayload>> envelopes(String ratingId, String region,
            List<EventPayload> events, Instant now, UUID requestId) {
        return events.stream().map(p -> EventEnvelope.of(p, ratingId, region, now, now, requestId, requestId,
                PRODUCER)).toList();
    }
}
