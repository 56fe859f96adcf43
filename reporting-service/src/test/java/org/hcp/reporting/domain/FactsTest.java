package org.hcp.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hcp.events.CaseCompleted;
import org.hcp.events.CaseKind;
import org.hcp.events.Channel;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingOrigin;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationResumed;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.junit.jupiter.api.Test;

/** Given facts in some state, when events change them, then the counters move by the change of contributions. */
class FactsTest {

    private static final Dimensions WHERE = new Dimensions("220201", "JL-1", "W1", "S1", "P1", "ITEM-1", "WEBSITE");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    private static Map<String, Long> sum(List<Contribution> contributions) {
        Map<String, Long> out = new HashMap<>();
        contributions.forEach(c -> out.merge(c.measure(), c.n(), Long::sum));
        out.values().removeIf(n -> n == 0);
        return out;
    }

    private static RatingFact rating(int level, RatingOrigin origin, List<String> tags) {
        return new RatingFact("r-1", UUID.randomUUID(), "CASE-1", WHERE, level, origin, DAY, tags, true);
    }

    @Test
    void r4_6_aBadReviewCountsItsLevelAndEachTagOnceAGoodOneNoTags() {
        assertEquals(Map.of("rating.evaluator.2", 1L, "tag.T1", 1L, "tag.T2", 1L),
                sum(rating(2, RatingOrigin.EVALUATOR, List.of("T1", "T2", "T1")).contributions()));
        assertEquals(Map.of("rating.default.3", 1L),
                sum(rating(3, RatingOrigin.DEFAULT_RATING, List.of("T1")).contributions()));
    }

    @Test
    void r3_4_notAdoptedTheRatingTakesBackEverythingItCounted() {
        RatingFact adopted = rating(1, RatingOrigin.EVALUATOR, List.of("T1"));
        List<Contribution> change = Contribution.change(adopted.contributions(),
                adopted.withAdopted(false).contributions());
        assertEquals(Map.of("rating.evaluator.1", -1L, "tag.T1", -1L), sum(change));
        assertTrue(Contribution.change(adopted.contributions(), adopted.contributions()).isEmpty());
    }

    private static CaseCompleted completed(String at) {
        return new CaseCompleted("CASE-1", CaseKind.INSTANT, "ITEM-1", "JL-1", "W1", "S1", "P1", "220201", null,
                Instant.parse(at), null, null, null, null, null, false, null, null, null, false);
    }

    @Test
    void r4_1_aCaseIsRatedWhicheverOfItsRatingAndItsCompletionComesFirst() {
        RatingFact r = rating(5, RatingOrigin.EVALUATOR, List.of());
        CaseFact ratedFirst = CaseFact.rated(r).withEvaluatorRatings(1).completed(completed("2025-03-03T02:00:00Z"));
        CaseFact completedFirst = new CaseFact("CASE-1", null, null, 0).completed(completed("2025-03-03T02:00:00Z"))
                .withEvaluatorRatings(1);
        assertEquals(completedFirst, ratedFirst);
        assertEquals(Map.of("cases.completed", 1L, "cases.rated", 1L), sum(ratedFirst.contributions()));
        assertEquals(LocalDate.of(2025, 3, 3), ratedFirst.completedDay(), "counted on its completion day");
        assertEquals(ratedFirst, ratedFirst.completed(completed("2025-03-09T02:00:00Z")), "the first completion counts");
        assertEquals(Map.of("cases.completed", 1L), sum(ratedFirst.withEvaluatorRatings(-1).contributions()),
                "its only rating not adopted, the case is completed and unrated");
    }

    private static RectificationOpened opened(boolean realName) {
        Instant at = Instant.parse("2025-03-04T02:00:00Z");
        return new RectificationOpened("rect-1", List.of("r-1"), List.of("CASE-1"), 1, List.of("T1"), Channel.WEBSITE,
                "ITEM-1", "JL-1", "W1", "S1", "220201", realName, at, at, null, false);
    }

    private static RectificationFact fold(List<EventPayload> events) {
        RectificationFact fact = null;
        for (EventPayload e : events) {
            fact = RectificationFact.evolve(fact, e);
        }
        return fact;
    }

    @Test
    void r4_1_aClosedRealNameRectificationCalledBackCountsInEveryRectificationFigure() {
        Instant at = Instant.parse("2025-03-05T02:00:00Z");
        List<EventPayload> events = new ArrayList<>(List.of(opened(true),
                new CallbackRecorded("rect-1", CallbackResult.NOT_REACHED, null, "u", at),
                new CallbackRecorded("rect-1", CallbackResult.REACHED, null, "u", at),
                new RectificationClosed("rect-1", true, "u", at)));
        assertEquals(Map.of("rect.opened", 1L, "rect.closed", 1L, "rect.onTime", 1L, "rect.realName", 1L,
                "rect.calledBack", 1L), sum(fold(events).contributions()));

        events.add(new RectificationWithdrawn("rect-1", "r-1", "d-1", at));
        assertTrue(fold(events).contributions().isEmpty(), "R3.4: withdrawn, it counts nowhere");
        events.add(new RectificationResumed("rect-1", "r-1", "d-2", at));
        assertEquals(5, fold(events).contributions().size(), "R3.5: resumed, it counts again");
    }

    @Test
    void r4_1_eventsBeforeTheOpeningAreIgnoredAndALateClosureIsNotOnTime() {
        Instant at = Instant.parse("2025-03-05T02:00:00Z");
        assertNull(RectificationFact.evolve(null, new RectificationClosed("rect-1", true, "u", at)));
        RectificationFact late = fold(List.of(opened(false), new RectificationClosed("rect-1", false, "u", at)));
        assertEquals(Map.of("rect.opened", 1L, "rect.closed", 1L), sum(late.contributions()));
        assertEquals(LocalDate.of(2025, 3, 4), late.day(), "counted on the bad review's day");
    }
}
