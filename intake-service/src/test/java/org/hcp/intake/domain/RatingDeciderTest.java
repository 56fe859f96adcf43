package org.hcp.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.hcp.events.Channel;
import org.hcp.events.Dimension;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.intake.domain.RatingDecider.Decision;
import org.junit.jupiter.api.Test;

/** Given a command, when intake decides, then a RatingSubmitted or the violations. */
class RatingDeciderTest {

    private static final Instant NOW = Instant.parse("2024-11-01T02:00:00Z");

    static SubmitRating valid(int level, List<String> tags) {
        return new SubmitRating(null, "JL2024110100001", "INSTANT", "ITEM-001", "JL-CENTRE", "W07", "S1", null,
                "220201", "WINDOW_DEVICE", level, tags, null, null, null, null, null, null);
    }

    private static Decision decide(SubmitRating command) {
        return RatingDecider.decide(command, "r-1", null, NOW);
    }

    private static boolean rejects(Decision decision, String pointer) {
        return !decision.accepted() && decision.violations().stream().anyMatch(v -> v.pointer().equals(pointer));
    }

    @Test
    void r1_1_everyLevelFromOneToFiveIsAccepted() {
        for (int level = 1; level <= 5; level++) {
            Decision decision = decide(valid(level, level <= 2 ? List.of("SLOW") : List.of()));
            assertTrue(decision.accepted(), "level " + level + ": " + decision.violations());
            assertEquals(level, decision.rating().level());
        }
    }

    @Test
    void r1_1_levelsOutsideOneToFiveAreRejected() {
        assertTrue(rejects(decide(valid(0, List.of("SLOW"))), "/level"));
        assertTrue(rejects(decide(valid(6, List.of())), "/level"));
        assertTrue(rejects(decide(valid(-1, List.of())), "/level"));
    }

    @Test
    void r1_3_aBadReviewWithoutATagIsRejected() {
        assertTrue(rejects(decide(valid(1, List.of())), "/tags"));
        assertTrue(rejects(decide(valid(2, null)), "/tags"));
    }

    @Test
    void r1_3_aBadReviewWithATagIsAcceptedAndAGoodReviewNeedsNone() {
        Decision bad = decide(valid(2, List.of("SLOW", "ATTITUDE")));
        assertTrue(bad.accepted());
        assertEquals(List.of("SLOW", "ATTITUDE"), bad.rating().tags());
        assertTrue(decide(valid(3, List.of())).accepted());
    }

    @Test
    void r1_8_unknownChannelIsRejectedAndKnownOnesCarryTheirNationalPf() {
        SubmitRating unknown = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201",
                "CARRIER_PIGEON", 5, null, null, null, null, null, null, null);
        assertTrue(rejects(decide(unknown), "/channel"));

        RatingSubmitted rating = decide(valid(5, List.of())).rating();
        assertEquals(Channel.WINDOW_DEVICE, rating.channel());
        assertEquals(4, rating.channelPf());
    }

    @Test
    void requiredIdentifiersAreNamedWhenMissing() {
        SubmitRating empty = new SubmitRating(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        Decision decision = decide(empty);
        for (String pointer : List.of("/caseNumber", "/itemCode", "/institutionCode", "/regionCode", "/channel",
                "/level")) {
            assertTrue(rejects(decision, pointer), "should name " + pointer + ": " + decision.violations());
        }
        assertNull(decision.rating());
    }

    @Test
    void r5_4_caseNumberIsAtMostFiftyCharactersAndRegionIsAGbt2260Code() {
        SubmitRating longCase = new SubmitRating(null, "X".repeat(51), null, "I", "INST", null, null, null, "220201",
                "WEBSITE", 5, null, null, null, null, null, null, null);
        assertTrue(rejects(decide(longCase), "/caseNumber"));
        SubmitRating badRegion = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "2202",
                "WEBSITE", 5, null, null, null, null, null, null, null);
        assertTrue(rejects(decide(badRegion), "/regionCode"));
        SubmitRating village = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201001002",
                "WEBSITE", 5, null, null, null, null, null, null, null);
        assertTrue(decide(village).accepted());
    }

    @Test
    void r1_2_businessAndServiceDimensionsWithTagsAndTextButNoSecondOverall() {
        SubmitRating withDimensions = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201",
                "MOBILE_APP", 4, null, null, List.of(
                        new SubmitRating.DimensionInput("BUSINESS", 4, List.of(), "清楚"),
                        new SubmitRating.DimensionInput("SERVICE", 2, List.of("ATTITUDE"), "态度差")),
                null, null, null, null);
        Decision decision = decide(withDimensions);
        assertTrue(decision.accepted(), decision.violations().toString());
        assertEquals(Dimension.SERVICE, decision.rating().dimensions().get(1).dimension());
        assertEquals(List.of("ATTITUDE"), decision.rating().dimensions().get(1).tags());

        SubmitRating overallAgain = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201",
                "MOBILE_APP", 4, null, null, List.of(new SubmitRating.DimensionInput("OVERALL", 4, null, null)),
                null, null, null, null);
        assertTrue(rejects(decide(overallAgain), "/dimensions/0/dimension"));

        SubmitRating twice = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201",
                "MOBILE_APP", 4, null, null, List.of(new SubmitRating.DimensionInput("SERVICE", 4, null, null),
                        new SubmitRating.DimensionInput("SERVICE", 3, null, null)), null, null, null, null);
        assertTrue(rejects(decide(twice), "/dimensions/1/dimension"));
    }

    @Test
    void r1_7_aSupplementaryRatingIsAFollowUpForTheNation() {
        SubmitRating later = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201",
                "WEBSITE", 5, null, null, null, null, true, null, null);
        assertEquals(2, decide(later).rating().assessNumber());
        assertEquals(1, decide(valid(5, List.of())).rating().assessNumber());
    }

    @Test
    void r1_9_ratingsFromChannelsAreTheEvaluatorsOwn() {
        assertEquals(RatingOrigin.EVALUATOR, decide(valid(5, List.of())).rating().origin());
    }

    @Test
    void r1_10_anAnonymousRatingHasNoPseudonymAndARealNameOneOnlyThePseudonym() {
        assertNull(decide(valid(5, List.of())).rating().evaluatorPseudonym());
        SubmitRating named = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201", "WEBSITE",
                5, null, null, null, new SubmitRating.EvaluatorInput("NATURAL_PERSON", "220102199001011234"), null,
                null, null);
        RatingSubmitted rating = RatingDecider.decide(named, "r-2", "ev1_abc", NOW).rating();
        assertEquals("ev1_abc", rating.evaluatorPseudonym());
        assertFalse(rating.toString().contains("220102199001011234"));
    }

    @Test
    void aRatingTimeInTheFutureIsRejected() {
        SubmitRating future = new SubmitRating(null, "C1", null, "I", "INST", null, null, null, "220201",
                "WEBSITE", 5, null, null, null, null, null, NOW.plusSeconds(3600), null);
        assertTrue(rejects(decide(future), "/ratedAt"));
    }
}
