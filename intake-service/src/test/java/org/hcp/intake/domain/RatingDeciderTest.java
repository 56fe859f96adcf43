package org.hcp.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hcp.events.CaseKind;
import org.hcp.events.CaseVisit;
import org.hcp.events.Channel;
import org.hcp.events.DetailForm;
import org.hcp.events.Dimension;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;
import org.hcp.intake.domain.RatingDecider.Decision;
import org.junit.jupiter.api.Test;

/** Given a reported case and a command, when intake decides, then the ratings, the violations or a conflict. */
class RatingDeciderTest {

    static final Instant COMPLETED = Instant.parse("2024-11-01T01:00:00Z");
    static final Instant NOW = Instant.parse("2024-11-01T02:00:00Z");
    static final JurisdictionPolicy JILIN_CITY = PolicyBook.shipped().resolve("220202", LocalDate.of(2024, 11, 1));

    static ServiceCase aCase(String number, CaseKind kind, String batchId, String chainId, List<CaseVisit> visits,
            Set<String> taken) {
        return new ServiceCase(number, kind, "ITEM-BIZ-LICENSE", "JL-CY-CENTRE", "JL-CY-W01", "JL-CY-S001", "JL-BIZ",
                "220202", COMPLETED, batchId, chainId, visits, null, COMPLETED.plus(Duration.ofDays(7)), taken);
    }

    static ServiceCase instant(String number) {
        return aCase(number, CaseKind.INSTANT, null, null, null, Set.of());
    }

    static SubmitRating rating(String caseNumber, int level, List<String> tags) {
        return SubmitRating.builder().caseNumber(caseNumber).channel("WINDOW_DEVICE").level(level).tags(tags).build();
    }

    static SubmitRating with(SubmitRating r, String visitId, String scope, Boolean supplementary, String channel,
            Instant ratedAt) {
        return r.toBuilder().channel(channel).supplementary(supplementary).ratedAt(ratedAt).caseCompletedAt(null)
                .visitId(visitId).scope(scope).build();
    }

    private static Decision decide(SubmitRating command, CaseState state) {
        return RatingDecider.decide(command, "r-1", null, NOW, state, JILIN_CITY);
    }

    private static Decision decide(SubmitRating command) {
        return decide(command, CaseState.single(instant(command.caseNumber())));
    }

    private static boolean rejects(Decision decision, String pointer) {
        return decision.violations().stream().anyMatch(v -> v.pointer().equals(pointer));
    }

    private static RatingSubmitted only(Decision decision) {
        assertTrue(decision.accepted(), decision.violations() + " " + decision.conflict());
        assertEquals(1, decision.ratings().size());
        return decision.ratings().get(0);
    }

    @Test
    void r1_1_everyLevelFromOneToFiveIsAccepted() {
        for (int level = 1; level <= 5; level++) {
            assertEquals(level, only(decide(rating("C1", level, level <= 2 ? List.of("SLOW") : List.of()))).level());
        }
    }

    @Test
    void r1_1_levelsOutsideOneToFiveAreRejected() {
        assertTrue(rejects(decide(rating("C1", 0, List.of("SLOW"))), "/level"));
        assertTrue(rejects(decide(rating("C1", 6, List.of())), "/level"));
    }

    @Test
    void r1_2_anOnlineRatingCarriesItsDetailFormAndAnEmptyFormIsNotRecorded() {
        SubmitRating base = rating("C1", 4, List.of());
        SubmitRating.Builder qr = SubmitRating.builder().caseNumber("C1").channel("QR_CODE").level(4).tags(List.of());
        SubmitRating filled = qr.detailForm(new DetailForm(true, null, false, null, "  希望减少纸质材料 ")).build();
        assertEquals(new DetailForm(true, null, false, null, "希望减少纸质材料"), only(decide(filled)).detailForm());

        SubmitRating empty = qr.detailForm(new DetailForm(null, null, null, null, " ")).build();
        assertNull(only(decide(empty)).detailForm());
        assertNull(only(decide(base)).detailForm());

        SubmitRating tooLong = qr.detailForm(new DetailForm(null, null, null, null,
                "长".repeat(RatingDecider.TEXT_MAX + 1))).build();
        assertTrue(rejects(decide(tooLong), "/detailForm/suggestions"));
    }

    @Test
    void r1_2_businessAndServiceDimensionsWithTagsAndTextButNoSecondOverall() {
        SubmitRating r = rating("C1", 4, List.of());
        SubmitRating withDimensions = SubmitRating.builder().caseNumber("C1").channel("WEBSITE").level(4)
                .tags(List.of()).dimensions(List.of(
                        new SubmitRating.DimensionInput("BUSINESS", 5, List.of(), "材料清楚"),
                        new SubmitRating.DimensionInput("SERVICE", 2, List.of("ATTITUDE"), "态度冷淡"))).build();
        RatingSubmitted accepted = only(decide(withDimensions));
        assertEquals(2, accepted.dimensions().size());
        assertEquals(Dimension.SERVICE, accepted.dimensions().get(1).dimension());
        assertEquals(List.of("ATTITUDE"), accepted.dimensions().get(1).tags());

        SubmitRating secondOverall = SubmitRating.builder().caseNumber("C1").channel("WEBSITE").level(4)
                .tags(List.of()).dimensions(List.of(new SubmitRating.DimensionInput("OVERALL", 5, null, null))).build();
        assertTrue(rejects(decide(secondOverall), "/dimensions/0/dimension"));
        assertNotNull(r);
    }

    @Test
    void r1_3_aBadReviewMustPickTagsFromTheJurisdictionsCatalogue() {
        assertTrue(rejects(decide(rating("C1", 1, List.of())), "/tags"), "a bad review needs a tag");
        assertTrue(rejects(decide(rating("C1", 2, List.of("NOT_IN_CATALOGUE"))), "/tags/0"));
        assertEquals(List.of("SLOW", "ATTITUDE"), only(decide(rating("C1", 2, List.of("SLOW", "ATTITUDE")))).tags());
    }

    @Test
    void r1_3_aGoodReviewNeedsNothingMoreAndCarriesNoBadReviewIndicators() {
        assertTrue(only(decide(rating("C1", 4, List.of()))).tags().isEmpty());
        assertTrue(rejects(decide(rating("C1", 4, List.of("SLOW"))), "/tags"));
    }

    @Test
    void r1_4_anInstantCaseGetsExactlyOneRating() {
        ServiceCase rated = aCase("C1", CaseKind.INSTANT, null, null, null, Set.of(ServiceCase.CASE_SLOT));
        Decision second = decide(rating("C1", 5, List.of()), CaseState.single(rated));
        assertFalse(second.accepted());
        assertEquals("rating.alreadyRated.case", second.conflict().key());
        for (CaseKind kind : List.of(CaseKind.ONLINE, CaseKind.SELF_SERVICE)) {
            ServiceCase c = aCase("C2", kind, null, null, null, Set.of(ServiceCase.CASE_SLOT));
            assertNotNull(decide(rating("C2", 5, List.of()), CaseState.single(c)).conflict(), kind.name());
        }
    }

    @Test
    void r1_4_aRatingComesAfterCompletion() {
        SubmitRating early = with(rating("C1", 5, List.of()), null, null, null, "WINDOW_DEVICE",
                COMPLETED.minus(Duration.ofHours(1)));
        assertTrue(rejects(decide(early), "/ratedAt"));
    }

    @Test
    void r1_4_aPromisedCaseIsRatedOncePerWindowVisit() {
        List<CaseVisit> visits = List.of(new CaseVisit("V1", "JL-CY-W01", null, COMPLETED.minusSeconds(86_400)),
                new CaseVisit("V2", "JL-CY-W02", "JL-CY-S002", COMPLETED));
        ServiceCase promised = aCase("P1", CaseKind.PROMISED, null, null, visits, Set.of(ServiceCase.visitSlot("V1")));
        CaseState state = CaseState.single(promised);

        assertTrue(rejects(decide(rating("P1", 5, List.of()), state), "/visitId"), "which visit?");
        assertTrue(rejects(decide(with(rating("P1", 5, List.of()), "V9", null, null, "WINDOW_DEVICE", null), state),
                "/visitId"), "no such visit");
        assertNotNull(decide(with(rating("P1", 5, List.of()), "V1", null, null, "WINDOW_DEVICE", null), state)
                .conflict(), "visit V1 is rated");
        Decision v2 = decide(with(rating("P1", 4, List.of()), "V2", null, null, "WINDOW_DEVICE", null), state);
        RatingSubmitted r = only(v2);
        assertEquals("V2", r.visitId());
        assertEquals("JL-CY-W02", r.windowCode(), "the visit's window is the one rated");
        assertEquals("JL-CY-S002", r.staffId());
        assertEquals(ServiceCase.visitSlot("V2"), v2.slots().get(0).slot());

        assertTrue(rejects(decide(with(rating("C1", 5, List.of()), "V1", null, null, "WINDOW_DEVICE", null)),
                "/visitId"), "an instant case has no per-visit ratings");
    }

    @Test
    void r1_5_oneRatingAppliesToEveryCaseOfTheBatch() {
        ServiceCase b1 = aCase("B1", CaseKind.INSTANT, "BATCH-1", null, null, Set.of());
        ServiceCase b2 = aCase("B2", CaseKind.INSTANT, "BATCH-1", null, null, Set.of());
        ServiceCase b3 = aCase("B3", CaseKind.INSTANT, "BATCH-1", null, null, Set.of());
        Decision d = decide(rating("B2", 5, List.of()), new CaseState(b2, List.of(b1, b2, b3), List.of(b2)));
        assertTrue(d.accepted(), d.violations().toString());
        assertEquals(List.of("B1", "B2", "B3"), d.ratings().stream().map(RatingSubmitted::caseNumber).toList());
        assertTrue(d.ratings().stream().allMatch(r -> r.scope() == RatingScope.BATCH && "BATCH-1".equals(r.groupId())
                && "r-1".equals(r.sourceRatingId())));
        assertEquals("r-1", d.ratings().get(1).ratingId(), "the named case keeps the request's id");
        assertEquals(3, d.ratings().stream().map(RatingSubmitted::ratingId).distinct().count());

        ServiceCase b3Rated = aCase("B3", CaseKind.INSTANT, "BATCH-1", null, null, Set.of(ServiceCase.CASE_SLOT));
        assertNotNull(decide(rating("B1", 5, List.of()), new CaseState(b1, List.of(b1, b2, b3Rated), List.of(b1)))
                .conflict(), "a rated batch is not rated again through another of its cases");
    }

    @Test
    void r1_6_oneOverallRatingAppliesToEveryItemOfTheChainAndEachItemMayBeRatedAlone() {
        ServiceCase c1 = aCase("K1", CaseKind.ONLINE, null, "CHAIN-1", null, Set.of());
        ServiceCase c2 = aCase("K2", CaseKind.ONLINE, null, "CHAIN-1", null, Set.of());
        CaseState state = new CaseState(c1, List.of(c1), List.of(c1, c2));
        Decision chain = decide(with(rating("K1", 5, List.of()), null, "CHAIN", null, "MOBILE_APP", null), state);
        assertTrue(chain.accepted(), chain.violations().toString());
        assertEquals(2, chain.ratings().size());
        assertTrue(chain.slots().stream().allMatch(s -> s.slot().equals(ServiceCase.CHAIN_SLOT)));

        ServiceCase c1ChainRated = aCase("K1", CaseKind.ONLINE, null, "CHAIN-1", null, Set.of(ServiceCase.CHAIN_SLOT));
        ServiceCase c2ChainRated = aCase("K2", CaseKind.ONLINE, null, "CHAIN-1", null, Set.of(ServiceCase.CHAIN_SLOT));
        CaseState rated = new CaseState(c2ChainRated, List.of(c2ChainRated), List.of(c1ChainRated, c2ChainRated));
        RatingSubmitted single = only(decide(rating("K2", 2, List.of("SLOW")), rated));
        assertEquals(RatingScope.CASE, single.scope(), "the single item is rated on its own as well");
        assertNotNull(decide(with(rating("K2", 5, List.of()), null, "CHAIN", null, "MOBILE_APP", null), rated)
                .conflict(), "the chain's overall rating is given once");
        assertTrue(rejects(decide(with(rating("C1", 5, List.of()), null, "CHAIN", null, "MOBILE_APP", null)),
                "/scope"), "a case outside any chain");
    }

    @Test
    void r1_7_aSupplementaryRatingIsMadeOnlineWithinThePeriodAndIsAFollowUpForTheNation() {
        Instant inPeriod = COMPLETED.plus(Duration.ofDays(6));
        Decision late = RatingDecider.decide(with(rating("C1", 4, List.of()), null, null, true, "WEBSITE", inPeriod),
                "r-1", null, inPeriod, CaseState.single(instant("C1")), JILIN_CITY);
        assertEquals(2, only(late).assessNumber());
        assertEquals(1, only(decide(rating("C1", 4, List.of()))).assessNumber());

        Instant afterPeriod = COMPLETED.plus(Duration.ofDays(8));
        Decision tooLate = RatingDecider.decide(with(rating("C1", 4, List.of()), null, null, true, "WEBSITE",
                afterPeriod), "r-1", null, afterPeriod, CaseState.single(instant("C1")), JILIN_CITY);
        assertTrue(rejects(tooLate, "/ratedAt"), "JC: 7 days");
        assertTrue(rejects(decide(with(rating("C1", 4, List.of()), null, null, true, "WINDOW_DEVICE", null)),
                "/supplementary"), "a supplementary rating is made online");
    }

    @Test
    void r1_8_unknownChannelIsRejectedAndKnownOnesCarryTheirNationalPf() {
        assertTrue(rejects(decide(with(rating("C1", 5, List.of()), null, null, null, "FAX", null)), "/channel"));
        assertTrue(rejects(decide(with(rating("C1", 5, List.of()), null, null, null, "SYSTEM_DEFAULT", null)),
                "/channel"), "nobody rates as the system");
        for (Channel channel : Channel.evaluatorChannels()) {
            RatingSubmitted r = only(decide(with(rating("C1", 5, List.of()), null, null, null, channel.name(), null)));
            assertEquals(channel.nationalPf(), r.channelPf());
        }
    }

    @Test
    void r1_9_ratingsFromChannelsAreTheEvaluatorsOwnAndDefaultRatingsAreSystemMade() {
        assertEquals(RatingOrigin.EVALUATOR, only(decide(rating("C1", 5, List.of()))).origin());
        RatingSubmitted byDefault = DefaultRatings.defaultRating(instant("C1"), 3, NOW);
        assertEquals(RatingOrigin.DEFAULT_RATING, byDefault.origin());
        assertEquals(Channel.SYSTEM_DEFAULT, byDefault.channel());
        assertEquals(3, byDefault.level());
        assertEquals(DefaultRatings.ratingId("C1"), byDefault.ratingId(), "made twice, it is the same rating");
    }

    @Test
    void r1_10_anAnonymousRatingHasNoPseudonymAndARealNameOneOnlyThePseudonym() {
        assertNull(only(decide(rating("C1", 5, List.of()))).evaluatorPseudonym());
        SubmitRating realName = SubmitRating.builder().caseNumber("C1").channel("WEBSITE").level(5).tags(List.of())
                .evaluator(new SubmitRating.EvaluatorInput("NATURAL_PERSON", "220102199001011234")).build();
        RatingSubmitted r = only(RatingDecider.decide(realName, "r-1", "ev1_abc", NOW,
                CaseState.single(instant("C1")), JILIN_CITY));
        assertEquals("ev1_abc", r.evaluatorPseudonym());
        assertFalse(r.toString().contains("220102199001011234"));
    }

    @Test
    void r5_5_aRatingNeedsAReportedCaseAndMustAgreeWithIt() {
        assertTrue(rejects(RatingDecider.decide(rating("NOPE", 5, List.of()), "r-1", null, NOW, null, JILIN_CITY),
                "/caseNumber"));
        SubmitRating otherItem = SubmitRating.builder().caseNumber("C1").itemCode("OTHER-ITEM").regionCode("370902")
                .channel("WEBSITE").level(5).tags(List.of()).build();
        Decision d = decide(otherItem);
        assertTrue(rejects(d, "/itemCode"));
        assertTrue(rejects(d, "/regionCode"));
        RatingSubmitted r = only(decide(rating("C1", 5, List.of())));
        assertEquals("ITEM-BIZ-LICENSE", r.itemCode(), "the case says what was rated");
        assertEquals("220202", r.regionCode());
    }

    @Test
    void aRatingTimeInTheFutureIsRejected() {
        assertTrue(rejects(decide(with(rating("C1", 5, List.of()), null, null, null, "WEBSITE",
                NOW.plus(Duration.ofHours(1)))), "/ratedAt"));
    }
}
