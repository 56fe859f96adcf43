package org.hcp.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventIds;
import org.hcp.events.EventJson;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.Topics;
import org.hcp.intake.domain.RatingDecider;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.repository.RatingRepository;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.rest.ProblemException;
import org.jboss.logging.Logger;

/**
 * Accepting a rating: decide (pure), then record the rating and its event in one transaction (ARCHITECTURE.md,
 * "Writing"), then let the relay publish it. Retries of one rating id get the first answer and no second event.
 */
@ApplicationScoped
public class RatingService {

    private static final Logger LOG = Logger.getLogger(RatingService.class);
    static final String PRODUCER = "intake-service";

    private final Pool pool;
    private final RatingRepository ratings;
    private final EvaluatorPseudonyms pseudonyms;
    private final OutboxRelay relay;
    private final Clock clock;

    public RatingService(Pool pool, RatingRepository ratings, EvaluatorPseudonyms pseudonyms, OutboxRelay relay,
            Clock clock) {
        this.pool = pool;
        this.ratings = ratings;
        this.pseudonyms = pseudonyms;
        this.relay = relay;
        this.clock = clock;
    }

    /** The answer to a submission: the same for the first request and every retry of it. */
    public record Accepted(String ratingId, UUID eventId, boolean replay) {
    }

    /**
     * @param idempotencyKey the {@code Idempotency-Key} header, scoped to the caller; used when no ratingId is given
     * @param caller         the token's subject, so two channels' keys never collide
     */
    public Uni<Accepted> submit(SubmitRating command, String idempotencyKey, String caller) {
        Instant now = clock.instant();
        String ratingId = ratingId(command, idempotencyKey, caller);
        String pseudonym = command.evaluator() == null || command.evaluator().id() == null ? null
                : pseudonyms.pseudonym(String.valueOf(command.evaluator().type()), command.evaluator().id());
        RatingDecider.Decision decision = RatingDecider.decide(command, ratingId, pseudonym, now);
        if (!decision.accepted()) {
            return Uni.createFrom().failure(ProblemException.invalid(decision.violations()));
        }
        RatingSubmitted rating = decision.rating();
        EventEnvelope<RatingSubmitted> event = EventEnvelope.of(rating, ratingId, rating.regionCode(),
                rating.ratedAt(), now, null, null, PRODUCER);
        String fingerprint = pseudonyms.fingerprint(canonical(command));

        return pool.withTransaction(tx -> ratings.insertIfAbsent(tx, event, fingerprint)
                        .flatMap(existing -> existing == null
                                ? Outbox.append(tx, Topics.RATINGS, event)
                                        .replaceWith(new Accepted(ratingId, event.eventId(), false))
                                : Uni.createFrom().item(replay(existing, fingerprint))))
                .invoke(accepted -> {
                    if (!accepted.replay()) {
                        relay.wake();
                        LOG.infof("accepted rating %s (event %s) for case %s via %s", ratingId, accepted.eventId(),
                                rating.caseNumber(), rating.channel());
                    }
                });
    }

    private static Accepted replay(RatingRepository.StoredRating existing, String fingerprint) {
        if (!existing.fingerprint().equals(fingerprint)) {
            throw ProblemException.conflict("idempotency-conflict",
                    "评价编号已被另一条评价使用 / The rating id is taken by a different rating",
                    "rating " + existing.ratingId() + " was already submitted with a different body; "
                            + "a retry must send the same body, a new rating needs a new id");
        }
        return new Accepted(existing.ratingId(), existing.eventId(), true);
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

    private static String canonical(SubmitRating command) {
        try {
            return EventJson.mapper().writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
