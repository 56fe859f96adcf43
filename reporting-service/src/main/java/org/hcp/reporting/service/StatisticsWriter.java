package org.hcp.reporting.service;

import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hcp.events.CaseCompleted;
import org.hcp.events.FollowUpRated;
import org.hcp.events.DirectoryEntryRecorded;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationResumed;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.reporting.domain.AppealFact;
import org.hcp.reporting.domain.CaseFact;
import org.hcp.reporting.domain.Contribution;
import org.hcp.reporting.domain.Fact;
import org.hcp.reporting.domain.FollowUpFact;
import org.hcp.reporting.domain.RatingFact;
import org.hcp.reporting.domain.RectificationFact;
import org.hcp.reporting.repository.AggregateRepository;
import org.hcp.reporting.repository.FactRepository;

/**
 * Applies a batch of events (hcp.ratings, hcp.cases, hcp.rectifications, hcp.appeals) to one schema of the statistics:
 * loads the facts they touch, evolves them, saves them, and adds the change of their contributions to the counters.
 * The live projection and the rebuild both write through here, so a rebuild is the live path run again.
 *
 * <p>Every fact's counts depend on its state only, and each state is reached whatever order its topics are read in
 * (a rating and its case's completion, a rating and its decision): which is what makes replay deterministic.
 */
@ApplicationScoped
public class StatisticsWriter {

    /** Bounds the heap the rebuild's pending counters take: they are written when this many are pending. */
    public static final int PENDING_COUNTERS = 100_000;

    private final FactRepository facts;
    private final AggregateRepository aggregates;

    public StatisticsWriter(FactRepository facts, AggregateRepository aggregates) {
        this.facts = facts;
        this.aggregates = aggregates;
    }

    public void apply(SqlConnection tx, String schema, List<EventEnvelope<EventPayload>> events) {
        AggregateRepository.Sums counters = new AggregateRepository.Sums();
        apply(tx, schema, events, counters);
        aggregates.write(tx, schema, counters);
    }

    /**
     * As {@link #apply(SqlConnection, String, List)}, but the counter changes are added to {@code counters} and
     * written only once it holds {@link #PENDING_COUNTERS} or more: the caller writes the rest at the end.
     */
    public void apply(SqlConnection tx, String schema, List<EventEnvelope<EventPayload>> events,
            AggregateRepository.Sums counters) {
        facts.lookUpByKey(tx);
        List<RatingFact> ratings = new ArrayList<>();
        List<CaseCompleted> completions = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        Map<String, List<EventPayload>> rectifications = new LinkedHashMap<>();
        Map<String, List<EventPayload>> appeals = new LinkedHashMap<>();
        List<DirectoryEntryRecorded> directory = new ArrayList<>();
        List<FollowUpFact> followUps = new ArrayList<>();
        for (EventEnvelope<EventPayload> event : events) {
            EventPayload p = event.payload();
            if (p instanceof DirectoryEntryRecorded d) {
                directory.add(d);
            } else if (p instanceof RatingSubmitted) {
                @SuppressWarnings("unchecked")
                EventEnvelope<RatingSubmitted> rating = (EventEnvelope<RatingSubmitted>) (EventEnvelope<?>) event;
                ratings.add(RatingFact.of(rating));
            } else if (p instanceof CaseCompleted c) {
                completions.add(c);
            } else if (p instanceof FollowUpRated f) {
                followUps.add(FollowUpFact.of(f));
            } else if (p instanceof RatingNotAdopted d) {
                decisions.add(new Decision(d.ratingId(), true, d.decisionId(), d.decidedAt()));
            } else if (p instanceof RatingReinstated d) {
                decisions.add(new Decision(d.ratingId(), false, d.decisionId(), d.decidedAt()));
            } else if (p instanceof AppealFiled f) {
                appeals.computeIfAbsent(f.appealId(), id -> new ArrayList<>()).add(p);
            } else if (p instanceof AppealDecided d) {
                appeals.computeIfAbsent(d.appealId(), id -> new ArrayList<>()).add(p);
            } else {
                String rectificationId = rectificationId(p);
                if (rectificationId != null) {
                    rectifications.computeIfAbsent(rectificationId, id -> new ArrayList<>()).add(p);
                }
            }
        }
        List<Contribution> change = new ArrayList<>();
        // How many evaluator ratings each case gains or loses in this batch, and a rating to describe a case not seen.
        Map<String, Integer> caseRatings = new HashMap<>();
        Map<String, RatingFact> caseSeenIn = new HashMap<>();
        for (RatingFact r : facts.insertRatings(tx, schema, ratings)) {
            change.addAll(r.contributions());
            if (r.ratesItsCase()) {
                countCase(caseRatings, caseSeenIn, r, 1);
            }
        }
        for (Decision d : decisions) {
            decide(tx, schema, d, change, caseRatings, caseSeenIn);
        }
        change.addAll(cases(tx, schema, completions, caseRatings, caseSeenIn));
        change.addAll(rectifications(tx, schema, rectifications));
        change.addAll(appeals(tx, schema, appeals));
        // 追评: each counted once, however often the outbox relay delivered it.
        facts.insertFollowUps(tx, schema, followUps).forEach(f -> change.addAll(f.contributions()));
        counters.add(change);
        if (counters.size() >= PENDING_COUNTERS) {
            aggregates.write(tx, schema, counters);
        }
        if (!directory.isEmpty()) {
            facts.saveDirectory(tx, schema, directory);
        }
    }

    /** R3.4 / R3.5: a rating's appeal decision, not adopted or reinstated. */
    private record Decision(String ratingId, boolean notAdopted, String decisionId, Instant decidedAt) {
    }

    /** R3.4 / R3.5: the latest decision counts the rating out or back in, if it has been read. */
    private void decide(SqlConnection tx, String schema, Decision decision, List<Contribution> change,
            Map<String, Integer> caseRatings, Map<String, RatingFact> caseSeenIn) {
        String ratingId = decision.ratingId();
        boolean notAdopted = decision.notAdopted();
        facts.recordDecision(tx, schema, ratingId, notAdopted, decision.decisionId(), decision.decidedAt());
        RatingFact before = facts.rating(tx, schema, ratingId);
        if (before == null || before.adopted() == !notAdopted) {
            return;
        }
        RatingFact after = before.withAdopted(!notAdopted);
        facts.setAdopted(tx, schema, ratingId, after.adopted());
        change.addAll(Fact.change(before, after));
        if (before.ratesItsCase() != after.ratesItsCase()) {
            countCase(caseRatings, caseSeenIn, before, after.ratesItsCase() ? 1 : -1);
        }
    }

    private static void countCase(Map<String, Integer> caseRatings, Map<String, RatingFact> caseSeenIn, RatingFact r,
            int delta) {
        caseRatings.merge(r.caseNumber(), delta, Integer::sum);
        caseSeenIn.putIfAbsent(r.caseNumber(), r);
    }

    private List<Contribution> cases(SqlConnection tx, String schema, List<CaseCompleted> completions,
            Map<String, Integer> caseRatings, Map<String, RatingFact> caseSeenIn) {
        List<String> numbers = new ArrayList<>(caseRatings.keySet());
        completions.forEach(c -> numbers.add(c.caseNumber()));
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<String, CaseFact> before = facts.cases(tx, schema, numbers);
        Map<String, CaseFact> after = new HashMap<>(before);
        caseRatings.forEach((number, delta) -> after.put(number,
                after.getOrDefault(number, CaseFact.rated(caseSeenIn.get(number))).withEvaluatorRatings(delta)));
        for (CaseCompleted c : completions) {
            after.put(c.caseNumber(), after.getOrDefault(c.caseNumber(),
                    new CaseFact(c.caseNumber(), null, null, 0)).completed(c));
        }
        List<Contribution> change = new ArrayList<>();
        after.forEach((number, fact) -> change.addAll(Fact.change(before.get(number), fact)));
        facts.saveCases(tx, schema, after.values().stream().filter(f -> !f.equals(before.get(f.caseNumber())))
                .toList());
        return change;
    }

    private List<Contribution> rectifications(SqlConnection tx, String schema, Map<String, List<EventPayload>> events) {
        return fold(events, ids -> facts.rectifications(tx, schema, ids), RectificationFact::evolve,
                changed -> facts.saveRectifications(tx, schema, changed));
    }

    private List<Contribution> appeals(SqlConnection tx, String schema, Map<String, List<EventPayload>> events) {
        return fold(events, ids -> facts.appeals(tx, schema, ids), AppealFact::evolve,
                changed -> facts.saveAppeals(tx, schema, changed));
    }

    /** Loads the facts {@code events} name, folds each one's events in order, saves those that changed. */
    private static <F extends Fact> List<Contribution> fold(Map<String, List<EventPayload>> events,
            Function<Collection<String>, Map<String, F>> load, BiFunction<F, EventPayload, F> evolve,
            Consumer<List<F>> save) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, F> before = load.apply(events.keySet());
        List<F> changed = new ArrayList<>();
        List<Contribution> change = new ArrayList<>();
        events.forEach((id, list) -> {
            F old = before.get(id);
            F fact = old;
            for (EventPayload e : list) {
                fact = evolve.apply(fact, e);
            }
            if (fact != null && !fact.equals(old)) {
                changed.add(fact);
                change.addAll(Fact.change(old, fact));
            }
        });
        save.accept(changed);
        return change;
    }

    private static String rectificationId(EventPayload p) {
        if (p instanceof RectificationOpened e) {
            return e.rectificationId();
        } else if (p instanceof RectificationWithdrawn e) {
            return e.rectificationId();
        } else if (p instanceof RectificationResumed e) {
            return e.rectificationId();
        } else if (p instanceof RectificationClosed e) {
            return e.rectificationId();
        } else if (p instanceof CallbackRecorded e) {
            return e.rectificationId();
        }
        return null;
    }
}
