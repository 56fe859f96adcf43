package org.hcp.intake.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.hcp.kit.db.Transactions;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Correlation;
import org.jboss.logging.Logger;

/**
 * Accepting ratings: lock the cases (with their batches and chains), decide each rating (pure), then record the
 * ratings, their slots and their events in one transaction (docs/architecture.md, "Writing"); the relay publishes
 * them. One rating or a hundred cost the same few round trips: the reads go out together, the writes go out together
 * (docs/performance.md). Retries of one rating id get the first answer and no second event; a second rating of a
 * rated case gets a conflict (R1.4).
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
     * What a channel takes in the rating's transaction besides the rating slot: a rating link or an SMS invitation
     * is used up exactly when its rating is recorded, and never when it is not (single use, nothing half-applied).
     */
    @FunctionalInterface
    public interface Claim {
        /** A null item when taken; otherwise why not (it was used already): nothing of the rating is then recorded. */
        Uni<RatingOutcome> take(SqlConnection tx, String ratingId, Instant now);
    }

    /**
     * @param idempotencyKey the {@code Idempotency-Key} header, scoped to the caller; used when no ratingId is given
     * @param caller         the token's subject, so two channels' keys never collide
     */
    public Uni<RatingOutcome> submit(SubmitRating command, String idempotencyKey, String caller) {
        return submit(command, idempotencyKey, caller, null);
    }

    /** As {@link #submit(SubmitRating, String, String)}, taking {@code claim} in the same transaction. */
    public Uni<RatingOutcome> submit(SubmitRating command, String idempotencyKey, String caller, Claim claim) {
        return submit(command, idempotencyKey, caller, claim, null);
    }

    /**
     * As {@link #submit(SubmitRating, String, String, Claim)}, by an evaluator known without their identifier: the
     * case's own evaluator, who rated through what the platform sent to the mobile they gave.
     */
    Uni<RatingOutcome> submit(SubmitRating command, String idempotencyKey, String caller, Claim claim,
            String evaluatorPseudonym) {
        Request prepared = prepare(command, ratingId(command, idempotencyKey, caller));
        Request request = evaluatorPseudonym == null || prepared.pseudonym() != null ? prepared
                : new Request(prepared.command(), prepared.ratingId(), evaluatorPseudonym, prepared.fingerprint());
        return record(List.of(request), claim).map(outcomes -> outcomes.get(0));
    }

    /**
     * Many ratings in one transaction, each decided on its own and answered on its own, in order; a rating later in
     * the list sees what an earlier one took. Items without a ratingId get a new one.
     */
    public Uni<List<RatingOutcome>> submitAll(List<SubmitRating> commands) {
        List<Request> requests = new ArrayList<>(commands.size());
        for (SubmitRating command : commands) {
            requests.add(prepare(command, ratingId(command, null, null)));
        }
        return record(requests, null);
    }

    /** A command with what is computed before the transaction: its rating id, the evaluator's pseudonym, its fingerprint. */
    private record Request(SubmitRating command, String ratingId, String pseudonym, String fingerprint) {
    }

    private Request prepare(SubmitRating command, String ratingId) {
        String pseudonym = command.evaluator() == null || command.evaluator().id() == null ? null
                : pseudonyms.pseudonym(String.valueOf(command.evaluator().type()), command.evaluator().id());
        return new Request(command, ratingId, pseudonym, pseudonyms.fingerprint(command));
    }

    private Uni<List<RatingOutcome>> record(List<Request> requests, Claim claim) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        return Transactions.chain(pool, tx -> decideAndWrite(tx, requests, claim, now, requestId))
                // A concurrent twin committed one of these ids first: decide again, and find its answer.
                .onFailure(Retry.class).recoverWithUni(() -> Transactions.chain(pool,
                        tx -> decideAndWrite(tx, requests, claim, now, requestId)))
                .onFailure(Abort.class).recoverWithItem(e -> List.of(((Abort) e).outcome))
                .invoke(outcomes -> {
                    boolean recorded = false;
                    for (RatingOutcome outcome : outcomes) {
                        if (outcome instanceof RatingOutcome.Recorded r && !r.replay()) {
                            recorded = true;
                            // DEBUG: a line per rating costs throughput at thousands per second; metrics count.
                            LOG.debugf("accepted rating %s (event %s) for case(s) %s", r.ratingId(), r.eventId(),
                                    r.caseNumbers());
                        }
                    }
                    if (recorded) {
                        relay.wake();
                    }
                });
    }

    /** Reads together, decides each request in order, writes together. */
    private Uni<List<RatingOutcome>> decideAndWrite(SqlConnection tx, List<Request> requests, Claim claim,
            Instant now, UUID requestId) {
        Set<String> caseNumbers = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Request r : requests) {
            if (r.command().caseNumber() != null) {
                caseNumbers.add(r.command().caseNumber().trim());
            }
            ids.add(r.ratingId());
        }
        // Sent together: the rating ids are read once the case locks are held, so a twin of this request waits at
        // the lock and then finds what its twin stored.
        Uni<Void> generic = Transactions.genericPlans(tx);
        Uni<Map<String, ServiceCase>> locked = cases.lockWithGroups(tx, caseNumbers);
        Uni<Map<String, RatingRepository.StoredRating>> stored = ratings.findAll(tx, ids);
        return Uni.combine().all().unis(generic, locked, stored).asTuple().chain(read -> {
            Decisions decisions = decideAll(requests, read.getItem2(), read.getItem3(), now, requestId);
            Uni<RatingOutcome> claimed = claim == null || decisions.ratings.isEmpty()
                    ? Uni.createFrom().<RatingOutcome>nullItem() : claim.take(tx, requests.get(0).ratingId(), now);
            return claimed.chain(refused -> {
                if (refused != null) {
                    return Uni.createFrom().failure(new Abort(refused));
                }
                return write(tx, decisions);
            });
        });
    }

    /** What the decisions of one transaction add up to: each request's answer, and the rows to write. */
    private static final class Decisions {
        final RatingOutcome[] outcomes;
        /** Requests answered as replays of an earlier transaction: their case numbers are read with the writes. */
        final Map<Integer, RatingRepository.StoredRating> replays = new HashMap<>();
        final List<RatingRepository.NewRating> ratings = new ArrayList<>();
        final List<EventEnvelope<RatingSubmitted>> events = new ArrayList<>();
        final List<RatingRepository.SlotTaken> slots = new ArrayList<>();

        Decisions(int size) {
            outcomes = new RatingOutcome[size];
        }
    }

    private Decisions decideAll(List<Request> requests, Map<String, ServiceCase> locked,
            Map<String, RatingRepository.StoredRating> stored, Instant now, UUID requestId) {
        Map<String, ServiceCase> state = new HashMap<>(locked);
        Map<String, Integer> acceptedHere = new HashMap<>();
        Decisions d = new Decisions(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            RatingRepository.StoredRating existing = stored.get(r.ratingId());
            if (existing != null) {
                d.outcomes[i] = existing.fingerprint().equals(r.fingerprint()) ? null
                        : new RatingOutcome.IdTaken(existing.ratingId());
                if (d.outcomes[i] == null) {
                    d.replays.put(i, existing);
                }
                continue;
            }
            Integer first = acceptedHere.get(r.ratingId());
            if (first != null) {
                // The same id twice in one batch: the second is a retry of the first, or a clash.
                RatingOutcome earlier = d.outcomes[first];
                d.outcomes[i] = requests.get(first).fingerprint().equals(r.fingerprint())
                        && earlier instanceof RatingOutcome.Recorded rec
                        ? new RatingOutcome.Recorded(rec.ratingId(), rec.eventId(), rec.caseNumbers(), true)
                        : new RatingOutcome.IdTaken(r.ratingId());
                continue;
            }
            try {
                d.outcomes[i] = decideOne(r, state, d, now, requestId);
                if (d.outcomes[i] instanceof RatingOutcome.Recorded) {
                    acceptedHere.put(r.ratingId(), i);
                }
            } catch (RuntimeException e) {
                // One request's unexpected failure must not take the others' answers with it.
                LOG.errorf(e, "rating %s could not be decided", r.ratingId());
                d.outcomes[i] = new RatingOutcome.Failed();
            }
        }
        return d;
    }

    private RatingOutcome decideOne(Request r, Map<String, ServiceCase> state, Decisions d, Instant now,
            UUID requestId) {
        SubmitRating command = r.command();
        CaseState caseState = command.caseNumber() == null ? null : stateOf(state, command.caseNumber().trim());
        RatingDecider.Decision decision = RatingDecider.decide(command, r.ratingId(), r.pseudonym(), now, caseState,
                caseState == null ? null : reference.policyFor(caseState.target().regionCode(),
                        caseState.target().completedAt()));
        if (!decision.violations().isEmpty()) {
            return new RatingOutcome.Rejected(decision.violations());
        }
        if (decision.conflict() != null) {
            return new RatingOutcome.AlreadyRated(decision.conflict());
        }
        UUID firstEvent = null;
        for (RatingSubmitted rating : decision.ratings()) {
            EventEnvelope<RatingSubmitted> event = EventEnvelope.of(rating, rating.ratingId(), rating.regionCode(),
                    rating.ratedAt(), now, requestId, requestId, PRODUCER);
            d.ratings.add(new RatingRepository.NewRating(event, r.fingerprint()));
            d.events.add(event);
            firstEvent = firstEvent == null ? event.eventId() : firstEvent;
        }
        for (RatingDecider.Slot slot : decision.slots()) {
            d.slots.add(new RatingRepository.SlotTaken(slot.caseNumber(), slot.slot(), slot.ratingId()));
            // R1.4 within one transaction: the next request sees this slot taken.
            state.computeIfPresent(slot.caseNumber(), (k, c) -> c.withSlot(slot.slot()));
        }
        return new RatingOutcome.Recorded(r.ratingId(), firstEvent,
                decision.ratings().stream().map(RatingSubmitted::caseNumber).toList(), false);
    }

    /** Writes the decided rows, pipelined, and reads the case numbers of the replayed requests alongside. */
    private Uni<List<RatingOutcome>> write(SqlConnection tx, Decisions d) {
        Set<String> sources = new LinkedHashSet<>();
        d.replays.values().forEach(s -> sources.add(s.sourceRatingId() == null ? s.ratingId() : s.sourceRatingId()));
        Uni<Integer> inserted = ratings.insertAll(tx, d.ratings);
        Uni<Void> appended = Outbox.appendAll(tx, Topics.RATINGS, d.events);
        Uni<Integer> taken = ratings.takeSlots(tx, d.slots);
        Uni<Map<String, List<String>>> replayed = ratings.casesOf(tx, sources);
        return Uni.combine().all().unis(inserted, appended, taken, replayed).asTuple().map(written -> {
            if (written.getItem1() != d.ratings.size() || written.getItem3() != d.slots.size()) {
                // A concurrent request stored one of these ids or slots first: roll back, decide again.
                throw new Retry();
            }
            List<RatingOutcome> outcomes = new ArrayList<>(d.outcomes.length);
            for (int i = 0; i < d.outcomes.length; i++) {
                RatingRepository.StoredRating replay = d.replays.get(i);
                if (replay == null) {
                    outcomes.add(d.outcomes[i]);
                } else {
                    String source = replay.sourceRatingId() == null ? replay.ratingId() : replay.sourceRatingId();
                    outcomes.add(new RatingOutcome.Recorded(replay.ratingId(), replay.eventId(),
                            written.getItem4().getOrDefault(source, List.of()), true));
                }
            }
            return outcomes;
        });
    }

    /** The case with the batch and the chain it belongs to, from the locked cases. */
    private static CaseState stateOf(Map<String, ServiceCase> state, String caseNumber) {
        ServiceCase target = state.get(caseNumber);
        if (target == null) {
            return null;
        }
        List<ServiceCase> batch = target.batchId() == null ? List.of(target) : state.values().stream()
                .filter(c -> target.batchId().equals(c.batchId())).sorted(BY_CASE).toList();
        List<ServiceCase> chain = target.chainId() == null ? List.of(target) : state.values().stream()
                .filter(c -> target.chainId().equals(c.chainId())).sorted(BY_CASE).toList();
        return new CaseState(target, batch, chain);
    }

    private static final Comparator<ServiceCase> BY_CASE = Comparator.comparing(ServiceCase::caseNumber);

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

    /** A concurrent request committed a row this transaction meant to write; deciding again finds it. */
    private static final class Retry extends RuntimeException {
        Retry() {
            super(null, null, false, false);
        }
    }
}
