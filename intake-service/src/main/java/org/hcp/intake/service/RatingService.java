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
import org.hcp.kit.rest.ProblemException;
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

    /** The answer to a submission: the same for the first request and every retry of it. */
    public record Accepted(String ratingId, UUID eventId, List<String> caseNumbers, boolean replay) {
    }

    /**
     * @param idempotencyKey the {@code Idempotency-Key} header, scoped to the caller; used when no ratingId is given
     * @param caller         the token's subject, so two channels' keys never collide
     */
    public Accepted submit(SubmitRating command, String idempotencyKey, String caller) {
        return submit(command, idempotencyKey, caller, null);
    }

    /**
     * What a channel takes in the rating's transaction besides the rating slot: a rating link or an SMS invitation
     * is used up exactly when its rating is recorded, and never when it is not (single use, nothing half-applied).
     */
    @FunctionalInterface
    public interface Claim {
        /** Throws a {@link ProblemException} when the thing was already used; the transaction then rolls back. */
        void take(SqlConnection tx, String ratingId, Instant now);
    }

    /** As {@link #submit(SubmitRating, String, String)}, taking {@code claim} in the same transaction. */
    public Accepted submit(SubmitRating command, String idempotencyKey, String caller, Claim claim) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        String ratingId = ratingId(command, idempotencyKey, caller);
        String pseudonym = command.evaluator() == null || command.evaluator().id() == null ? null
                : pseudonyms.pseudonym(String.valueOf(command.evaluator().type()), command.evaluator().id());
        String fingerprint = pseudonyms.fingerprint(command);

        Accepted accepted = submitOnce(tx -> {
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
                throw ProblemException.invalid(decision.violations());
            }
            if (decision.conflict() != null) {
                throw alreadyRated(decision.conflict());
            }
            if (claim != null) {
                claim.take(tx, ratingId, now);
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
                    throw alreadyRated("办件 " + slot.caseNumber() + " 已评价 / case " + slot.caseNumber()
                            + " was rated by a concurrent request (R1.4)");
                }
            }
            return new Accepted(ratingId, firstEvent,
                    decision.ratings().stream().map(RatingSubmitted::caseNumber).toList(), false);
        }, ratingId, fingerprint);
        if (!accepted.replay()) {
            relay.wake();
            LOG.infof("accepted rating %s (event %s) for case(s) %s via %s", ratingId, accepted.eventId(),
                    accepted.caseNumbers(), command.channel());
        }
        return accepted;
    }

    /** Runs the submission; if a concurrent twin of the same request won, answers with its result. */
    private Accepted submitOnce(java.util.function.Function<SqlConnection, Accepted> work,
            String ratingId, String fingerprint) {
        try {
            return org.hcp.kit.db.Transactions.inTransaction(pool, work);
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

    private Accepted replay(SqlConnection tx, RatingRepository.StoredRating existing, String fingerprint) {
        if (!existing.fingerprint().equals(fingerprint)) {
            throw ProblemException.conflict("idempotency-conflict",
                    "评价编号已被另一条评价使用 / The rating id is taken by a different rating",
                    "rating " + existing.ratingId() + " was already submitted with a different body; "
                            + "a retry must send the same body, a new rating needs a new id");
        }
        String source = existing.sourceRatingId() == null ? existing.ratingId() : existing.sourceRatingId();
        List<String> caseNumbers = ratings.casesOf(tx, source);
        return new Accepted(existing.ratingId(), existing.eventId(), caseNumbers, true);
    }

    private static ProblemException alreadyRated(String detail) {
        return ProblemException.conflict("already-rated", "该办件已评价 / Already rated", detail);
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


    /** A twin of this request committed first; its answer is ours. */
    private static final class RetryAsReplay extends RuntimeException {
        RetryAsReplay() {
            super(null, null, false, false);
        }
    }
}
