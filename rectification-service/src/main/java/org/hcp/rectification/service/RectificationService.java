package org.hcp.rectification.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.RegionCodes;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.events.rectification.WorkOrderStatus;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Correlation;
import org.hcp.rectification.domain.LedgerEntry;
import org.hcp.rectification.domain.RectificationDecider;
import org.hcp.rectification.domain.RectificationState;
import org.hcp.rectification.hotline.HotlineSubscribers;
import org.hcp.rectification.repository.HotlineRepository;
import org.hcp.rectification.repository.RatingDecisionRepository;
import org.hcp.rectification.repository.RectificationRepository.Stored;
import org.hcp.rectification.repository.RectificationRepository;
import org.jboss.logging.Logger;

/**
 * The use cases of R2 around the pure core: load a rectification (locked), let {@link RectificationDecider} decide,
 * record the events with their outbox rows in the same transaction. Bad reviews and appeal decisions arrive from the
 * log (the projections call in with their transaction); the steps arrive from people (the resources); overdue steps
 * from the scheduler. Sequential code on worker threads (docs/architecture.md, "The database": low volume).
 */
@ApplicationScoped
public class RectificationService {

    public static final String PRODUCER = "rectification-service";
    private static final Logger LOG = Logger.getLogger(RectificationService.class);

    private final Pool pool;
    private final RectificationRepository rectifications;
    private final RatingDecisionRepository decisions;
    private final ReferenceData reference;
    private final OutboxRelay relay;
    private final Correlation correlation;
    private final Clock clock;
    private final HotlineRepository hotline;
    private final HotlineSubscribers subscribers;

    public RectificationService(Pool pool, RectificationRepository rectifications, RatingDecisionRepository decisions,
            ReferenceData reference, OutboxRelay relay, Correlation correlation, Clock clock, HotlineRepository hotline,
            HotlineSubscribers subscribers) {
        this.pool = pool;
        this.rectifications = rectifications;
        this.decisions = decisions;
        this.reference = reference;
        this.relay = relay;
        this.correlation = correlation;
        this.clock = clock;
        this.hotline = hotline;
        this.subscribers = subscribers;
    }

    /** Who may act on what: a region prefix and an institution, each null for "any" (from the caller's scope). */
    public record Scope(String regionPrefix, String institution) {
        public static final Scope ANY = new Scope(null, null);
    }

    /**
     * R2.1: bad reviews from hcp.ratings open (or join) their rectification; repeats and good ratings do nothing. The
     * unit received a bad review when intake recorded it, so that is when its terms start, however late this service
     * reads it (and a replay decides the same).
     */
    public void receive(SqlConnection tx, List<EventEnvelope<RatingSubmitted>> ratings) {
        for (EventEnvelope<RatingSubmitted> event : ratings) {
            RatingSubmitted rating = event.payload();
            Instant now = event.recordedAt();
            if (!RectificationDecider.needsRectification(rating)) {
                continue;
            }
            if (!RegionCodes.isCode(rating.regionCode())) {
                // Intake checks regions, so this is a foreign or damaged event; retrying cannot mend it.
                LOG.warnf("rating event %s names no GB/T 2260 region; no rectification opened", event.eventId());
                continue;
            }
            String id = RectificationDecider.rectificationIdOf(rating);
            Stored stored = rectifications.lock(tx, id, null, null).orElse(null);
            Optional<RatingDecisionRepository.Decision> decision = decisions.latest(tx, rating.ratingId());
            boolean notAdopted = decision.map(RatingDecisionRepository.Decision::notAdopted).orElse(false);
            JurisdictionRules rules = reference.rules(rating.regionCode(), now);
            List<EventPayload> events = RectificationDecider.open(rating, stored == null ? null : stored.state(),
                    notAdopted, decision.map(RatingDecisionRepository.Decision::decisionId).orElse(null), rules, now);
            record(tx, stored, id, rating.regionCode(), events, now, event.eventId(), event.correlationId());
            // docs/hotline.md: where the policy says so, the bad review goes to the city's 12345 platform as well.
            if (!notAdopted && RectificationDecider.dispatchesToHotline(events, rules)) {
                subscribers.covering(rating.regionCode()).ifPresent(s -> hotline.queue(tx, id, s.id(), now));
            }
        }
    }

    /**
     * R3.4 / R3.5: an appeal decision on a rating. It is remembered (so a rating read later opens its rectification
     * withdrawn), and an existing rectification is withdrawn or resumed.
     */
    public void decided(SqlConnection tx, EventEnvelope<EventPayload> event) {
        String ratingId;
        String decisionId;
        Instant decidedAt;
        boolean notAdopted;
        if (event.payload() instanceof RatingNotAdopted d) {
            ratingId = d.ratingId();
            decisionId = d.decisionId();
            decidedAt = d.decidedAt();
            notAdopted = true;
        } else if (event.payload() instanceof RatingReinstated d) {
            ratingId = d.ratingId();
            decisionId = d.decisionId();
            decidedAt = d.decidedAt();
            notAdopted = false;
        } else {
            return;
        }
        decisions.remember(tx, ratingId, notAdopted, decisionId, decidedAt);
        Optional<Stored> stored = rectifications.lockByRating(tx, ratingId);
        if (stored.isEmpty()) {
            return;
        }
        Instant now = event.recordedAt();
        RectificationState s = stored.get().state();
        List<EventPayload> events = notAdopted ? RectificationDecider.withdraw(s, ratingId, decisionId, now)
                : RectificationDecider.resume(s, ratingId, decisionId, now);
        record(tx, stored.get(), s.rectificationId(), s.opened().regionCode(), events, now, event.eventId(),
                event.correlationId());
    }

    /** A step decided on the rectification as it stands, within the caller's scope (else not found). */
    public Outcome<LedgerEntry> act(String rectificationId, Scope scope, Step step) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        Outcome<LedgerEntry> outcome = inTransaction(pool, tx -> {
            Optional<Stored> stored = rectifications.lock(tx, rectificationId, scope.regionPrefix(),
                    scope.institution());
            if (stored.isEmpty()) {
                return Outcome.notFound("no rectification " + rectificationId + " within the caller's scope");
            }
            RectificationState s = stored.get().state();
            Outcome<List<EventPayload>> decided = step.decide(s, now,
                    reference.rules(s.opened().regionCode(), now));
            return decided.map(events -> {
                Stored after = record(tx, stored.get(), rectificationId, s.opened().regionCode(), events, now,
                        requestId, requestId);
                return LedgerEntry.of(after.state(), after.events());
            });
        });
        if (outcome instanceof Outcome.Done<LedgerEntry> done) {
            relay.wake();
            LOG.infof("rectification %s: now %s", rectificationId, done.value().status());
        }
        return outcome;
    }

    /** A step a person takes: the pure decision, given the state, the time and the rules in force. */
    @FunctionalInterface
    public interface Step {
        Outcome<List<EventPayload>> decide(RectificationState state, Instant now, JurisdictionRules rules);
    }

    /**
     * R2.6: flags every step past its deadline at {@code now}, once (the events escalate it to the bureau). Runs once
     * across replicas: rectifications another replica is flagging are skipped.
     */
    public OverdueRound flagOverdue(Instant now, int limit) {
        OverdueRound round = inTransaction(pool, tx -> {
            List<String> due = rectifications.lockDueForOverdueCheck(tx, now, limit);
            int steps = 0;
            for (String id : due) {
                Stored stored = rectifications.load(tx, id);
                List<EventPayload> events = RectificationDecider.overdue(stored.state(), now);
                record(tx, stored, id, stored.state().opened().regionCode(), events, now, null, null);
                steps += events.size();
            }
            return new OverdueRound(due.size(), steps);
        });
        if (round.steps() > 0) {
            relay.wake();
            LOG.infof("%d overdue step(s) flagged and escalated", round.steps());
        }
        return round;
    }

    /**
     * A year's calendar was published: every open rectification counted provisionally is counted again, in the
     * calendar projection's transaction (RectificationDecider.redate). Returns how many were re-dated.
     */
    public int redate(SqlConnection tx, int year, Instant publishedAt) {
        List<String> provisional = rectifications.lockProvisional(tx);
        int redated = 0;
        for (String id : provisional) {
            Stored stored = rectifications.load(tx, id);
            RectificationState s = stored.state();
            List<EventPayload> events = RectificationDecider.redate(s, year,
                    start -> reference.rules(s.opened().regionCode(), start), publishedAt);
            record(tx, stored, id, s.opened().regionCode(), events, publishedAt, null, null);
            redated += events.size();
        }
        if (redated > 0) {
            relay.wake();
        }
        LOG.infof("calendar %d published: %d of %d provisional rectification(s) re-dated", year, redated,
                provisional.size());
        return redated;
    }

    /** What one overdue round did: rectifications looked at, steps flagged. */
    public record OverdueRound(int rectifications, int steps) {
    }

    /** docs/hotline.md: the 12345 platform took the work order; a step of the history. */
    public void dispatched(SqlConnection tx, String rectificationId, String subscriber, Instant now) {
        Stored stored = rectifications.load(tx, rectificationId);
        record(tx, stored, rectificationId, stored.state().opened().regionCode(),
                RectificationDecider.dispatched(stored.state(), subscriber, now), now, null, null);
    }

    /** What became of a reply of the 12345 platform: recorded now, or recorded before (sent again). */
    public record Replied(String rectificationId, String workOrderId, String replyId, boolean repeated) {
    }

    /**
     * The 12345 platform's reply on its work order (signature checked by the caller): within the subscriber's region,
     * decided as a step, recorded once per reply id.
     */
    public Outcome<Replied> replied(HotlineSubscribers.Subscriber subscriber, String workOrderId, String replyId,
            WorkOrderStatus status, String text, Instant repliedAt) {
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        String rectificationId = RectificationDecider.rectificationIdOfWorkOrder(workOrderId);
        if (rectificationId == null) {
            return Outcome.notFound("no work order " + workOrderId);
        }
        Outcome<Replied> outcome = inTransaction(pool, tx -> {
            Optional<Stored> stored = rectifications.lock(tx, rectificationId, subscriber.regionPrefix(), null);
            if (stored.isEmpty()) {
                return Outcome.<Replied>notFound("no work order " + workOrderId + " of subscriber " + subscriber.id());
            }
            RectificationState s = stored.get().state();
            return RectificationDecider.workOrderReplied(s, workOrderId, replyId, status, text, repliedAt, now)
                    .map(events -> {
                        if (!hotline.replyOnce(tx, subscriber.id(), replyId.strip(), rectificationId, now)) {
                            return new Replied(rectificationId, workOrderId, replyId, true);
                        }
                        record(tx, stored.get(), rectificationId, s.opened().regionCode(), events, now, requestId,
                                requestId);
                        return new Replied(rectificationId, workOrderId, replyId, false);
                    });
        });
        if (outcome instanceof Outcome.Done<Replied> done && !done.value().repeated()) {
            relay.wake();
            LOG.infof("rectification %s: 12345 work order %s now %s", rectificationId, workOrderId, status);
        }
        return outcome;
    }

    private Stored record(SqlConnection tx, Stored before, String id, String region, List<EventPayload> events,
            Instant now, UUID causationId, UUID correlationId) {
        if (events.isEmpty()) {
            return before;
        }
        // Recorded when this service records it, whatever instant the decision counted from (a rating's receipt, a
        // calendar's publication): a bulletin's cut-off follows each producer's own recording (docs/events.md).
        Instant recordedAt = clock.instant();
        List<EventEnvelope<EventPayload>> envelopes = events.stream()
                .map(p -> EventEnvelope.of(p, id, region, now, recordedAt, causationId, correlationId, PRODUCER))
                .toList();
        return rectifications.append(tx, before, envelopes);
    }
}
