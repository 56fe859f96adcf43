package org.hcp.intake.service;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventIds;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.intake.domain.CaseState;
import org.hcp.intake.domain.RatingDecider;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.intake.repository.RatingRepository;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.rest.Correlation;
import org.jboss.logging.Logger;

/**
 * Accepting a rating: lock the case (and its batch or chain), decide (pure), then record the ratings, their slots
 * and their events in one transaction (docs/architecture.md, "Writing"); the relay publishes them. Retries of one rating
 * id get the first answer and no second event; a second rating of a rated case gets a 409 (R1.4).
 */
@ApplicationScoped
public class RatingService {

    private static final Logger LOG = Logger.getLogger(RatingService.class);
    static final String PRODUCER = "intake-service";

    private final Pool pool;
    private final RatingRepository ratings;
    private final CaseRepository cases;
    private final EvaluatorPseudonyms pseudonyms;
    private final ReferenceData reference;
    private final OutboxRelay relay;
    private final Correlation correlation;
    private final Clock clock;

    public RatingService(Pool pool, RatingRepository ratings, CaseRepository cases, EvaluatorPseudonyms pseudonyms,
            ReferenceData reference, OutboxRelay relay, Correlation correlation, Clock clock) {
        this.pool = pool;
        this.ratings = ratings;
        this.cases = cases;
        this.pseudonyms = pseudonyms;
        this.reference = reference;
        this.relay = relay;
        this.correlation = correlation;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the {@code Idempotency-Key} header, scoped to the caller; used when no ratingId is given
     * @param caller         the token's subject, so two channels' keys never collide
     */
    public RatingOutcome submit(SubmitRating command, String idempotencyKey, String caller) {
        return submit(command, idempotencyKey, caller, null);
    }

    /**
     * What a channel takes in the rating's transaction besides the rating slot: a rating link or an SMS invitation
     * is used up exactly when its rating is recorded, and never when it is not (single use, nothing half-applied).
     */
    @FunctionalInterface
    public interface Claim {
        /** Null when taken; otherwise why not (it was used already): nothing of the rating is then recorded. */
        RatingOutcome take(SqlConnection tx, String ratingId, Instant now);
    }

    /** As {@link #submit(SubmitRating, String, String)}, taking {@code claim} in the same transaction. */
    public RatingOutcome submit(SubmitRating command, String idempotencyKey, String caller, Claim claim) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        String ratingId = ratingId(command, idempotencyKey, caller);
        String pseudonym = command.evaluator() == null || command.evaluator().id() == null ? null
                : pseudonyms.pseudonym(String.valueOf(command.evaluator().type()), command.evaluator().id());
        String fingerprint = pseudonyms.fingerprint(command);

        RatingOutcome outcome = submitOnce(tx -> {
            // The case first: a twin of this request waits here, then finds the rating its twin stored.
            CaseState state = command.caseNumber() == null ? null : lockState(tx, command.caseNumber().trim());
            RatingRepository.StoredRating existing = ratings.find(tx, ratingId);
            if (existing != null) {
                return replay(tx, existing, fingerprint);
            }
            RatingDecider.Decision decision = RatingDecider.decide(command, ratingId, pseudonym, now, state,
                    state == null ? null : reference.policyFor(state.target().regionCode(),
                            state.target().completedAt()));
            if (!decision.violations().isEmpty()) {
                return new RatingOutcome.Rejected(decision.violations());
            }
            if (decision.conflict() != null) {
                return new RatingOutcome.AlreadyRated(decision.conflict());
            }
            RatingOutcome refused = claim == null ? null : claim.take(tx, ratingId, now);
            if (refused != null) {
                throw new Abort(refused);
            }
            UUID firstEvent = null;
            for (RatingSubmitted rating : decision.ratings()) {
                EventEnvelope<RatingSubmitted> event = EventEnvelope.of(rating, rating.ratingId(),
                        rating.regionCode(), rating.ratedAt(), now, requestId, requestId, PRODUCER);
                if (!ratings.insert(tx, event, fingerprint)) {
                    // The same request committed concurrently: answer as its retry.
                    throw new RetryAsReplay();
                }
                firstEvent = firstEvent == null ? event.eventId() : firstEvent;
                Outbox.append(tx, Topics.RATINGS, event);
            }
            for (RatingDecider.Slot slot : decision.slots()) {
                if (!ratings.takeSlot(tx, slot.caseNumber(), slot.slot(), slot.ratingId())) {
                    // The inserts above must not stay: roll them back.
                    throw new Abort(new RatingOutcome.AlreadyRated("办件 " + slot.caseNumber() + " 已评价 / case "
                            + slot.caseNumber() + " was rated by a concurrent request (R1.4)"));
                }
            }
            return new RatingOutcome.Recorded(ratingId, firstEvent,
                    decision.ratings().stream().map(RatingSubmitted::caseNumber).toList(), false);
        }, ratingId, fingerprint);
        if (outcome instanceof RatingOutcome.Recorded recorded && !recorded.replay()) {
            relay.wake();
            // DEBUG: a line per request costs throughput at thousands per second; hcp_outbox_published_total counts.
            LOG.debugf("accepted rating %s (event %s) for case(s) %s via %s", ratingId, recorded.eventId(),
                    recorded.caseNumbers(), command.channel());
        }
        return outcome;
    }

    /** Runs the submission; if a concurrent twin of the same request won, answers with its result. */
    private RatingOutcome submitOnce(java.util.function.Function<SqlConnection, RatingOutcome> work,
            String ratingId, String fingerprint) {
        try {
            return org.hcp.kit.db.Transactions.inTransaction(pool, work);
        } catch (Abort e) {
            return e.outcome;
        } catch (RetryAsReplay e) {
            return org.hcp.kit.db.Transactions.inTransaction(pool,
                    tx -> replay(tx, ratings.find(tx, ratingId), fingerprint));
        }
    }

    private CaseState lockState(SqlConnection tx, String caseNumber) {
        List<CaseRepository.StoredCase> group = cases.lockWithGroup(tx, caseNumber);
        Map<String, ServiceCase> byNumber = group.stream().map(CaseRepository.StoredCase::serviceCase)
                .collect(Collectors.toMap(ServiceCase::caseNumber, c -> c));
        ServiceCase target = byNumber.get(caseNumber);
        if (target == null) {
            return null;
        }
        List<ServiceCase> batch = target.batchId() == null ? List.of(target) : byNumber.values().stream()
                .filter(c -> target.batchId().equals(c.batchId())).sorted(byCase()).toList();
        List<ServiceCase> chain = target.chainId() == null ? List.of(target) : byNumber.values().stream()
                .filter(c -> target.chainId().equals(c.chainId())).sorted(byCase()).toList();
        return new CaseState(target, batch, chain);
    }

    private static java.util.Comparator<ServiceCase> byCase() {
        return java.util.Comparator.comparing(ServiceCase::caseNumber);
    }

    private RatingOutcome replay(SqlConnection tx, RatingRepository.StoredRating existing, String fingerprint) {
        if (!existing.fingerprint().equals(fingerprint)) {
            return new RatingOutcome.IdTaken(existing.ratingId());
        }
        String source = existing.sourceRatingId() == null ? existing.ratingId() : existing.sourceRatingId();
        List<String> caseNumbers = ratings.casesOf(tx, source);
        return new RatingOutcome.Recorded(existing.ratingId(), existing.eventId(), caseNumbers, true);
    }

    static String ratingId(SubmitRating command, String idempotencyKey, String caller) {
        if (command.ratingId() != null) {
            return command.ratingId();
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return UUID.nameUUIDFromBytes((caller + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        }
        return EventIds.newTimeOrdered().toString();
    }


    /** Rolls the rating's transaction back and answers with {@code outcome}. */
    private static final class Abort extends RuntimeException {
        final RatingOutcome outcome;

        Abort(RatingOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /** A twin of this request committed first; its answer is ours. */
    private static final class RetryAsReplay extends RuntimeException {
        RetryAsReplay() {
            super(null, null, false, false);
        }
    }
}
