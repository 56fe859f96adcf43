package org.hcp.appeal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.hcp.appeal.domain.IntegrityDetector.Finding;
import org.hcp.events.Channel;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.appeal.IntegrityRule;
import org.hcp.events.policy.IntegrityThresholds;
import org.hcp.events.policy.PolicyBook;
import org.junit.jupiter.api.Test;

/** R6.3: the integrity rules, given ratings, when judged, then flags (or none) with their evidence. */
class IntegrityDetectorTest {

    private static final PolicyBook POLICIES = PolicyBook.shipped();
    private static final LocalDate MONTH = LocalDate.of(2025, 3, 3);
    private static final Instant MORNING = Instant.parse("2025-03-12T02:00:00Z"); // 10:00 in Tai'an

    @Test
    void r6_3_aCleanMonthOfHallsRaisesNoFlag() {
        List<RatingSubmitted> month = RatingStreams.clean(20251, MONTH, 28, 12, 6);
        assertTrue(month.size() > 50_000, "a month of 72 windows: " + month.size());
        assertEquals(month.size(), new HashSet<>(month.stream().map(RatingSubmitted::ratingId).toList()).size());

        assertEquals(List.of(), judge(month));
    }

    @Test
    void r6_3_aSeededFakeGoodReviewBurstIsFlaggedAndNothingElse() {
        List<RatingSubmitted> month = new ArrayList<>(RatingStreams.clean(20251, MONTH, 28, 12, 6));
        List<RatingSubmitted> burst = RatingStreams.deviceBurst(7, "INST-3", "INST-3-W2", "INST-3-S2", MORNING, 8);
        month.addAll(burst);

        List<Finding> findings = judge(month);

        assertEquals(1, findings.size(), () -> "flags: " + findings);
        Finding flag = findings.get(0);
        assertEquals(IntegrityRule.DEVICE_BURST, flag.subject().rule());
        assertTrue(flag.ratingIds().containsAll(burst.stream().map(RatingSubmitted::ratingId).toList()));
        // An ordinary rating of that staff member's inside one of the burst's 10-minute windows is part of what the
        // bureau reviews; one outside them is not.
        Instant from = burst.get(0).ratedAt().minus(Duration.ofMinutes(10));
        Instant to = burst.get(7).ratedAt().plus(Duration.ofMinutes(10));
        month.stream().filter(r -> flag.ratingIds().contains(r.ratingId())).forEach(r -> {
            assertEquals("INST-3-S2", r.staffId());
            assertTrue(!r.ratedAt().isBefore(from) && !r.ratedAt().isAfter(to), () -> "outside the burst: " + r);
        });
        assertTrue(flag.ratingIds().size() <= burst.size() + 4, "at most a few of the window's own: " + flag);
    }

    @Test
    void r6_3_aBurstOneShortOfTheThresholdIsNotFlagged() {
        // The national default: 6 level-5 ratings within 10 minutes.
        assertEquals(List.of(), judge(RatingStreams.deviceBurst(7, "INST-3", "INST-3-W2", "INST-3-S2", MORNING, 5)));
        assertEquals(1, judge(RatingStreams.deviceBurst(7, "INST-3", "INST-3-W2", "INST-3-S2", MORNING, 6)).size());
    }

    @Test
    void r6_3_oneEvaluatorRatingTheSameInstitutionAgainAndAgainIsFlagged() {
        List<RatingSubmitted> ratings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ratings.add(RatingStreams.rating("INST-1", null, null, Channel.MOBILE_APP, 5, "p-friend",
                    MORNING.plus(Duration.ofHours(i)), MORNING.minusSeconds(600)));
        }

        List<Finding> findings = judge(ratings);

        assertEquals(1, findings.size());
        assertEquals(IntegrityRule.REPEAT_EVALUATOR, findings.get(0).subject().rule());
        assertEquals(4, findings.get(0).ratingIds().size());
        assertEquals(List.of(), judge(ratings.subList(0, 3)), "three cases in a day is an ordinary busy citizen");
    }

    @Test
    void r6_3_quickRatingsOnTheWindowsDeviceByTheSameFewEvaluatorsAreFlagged() {
        List<RatingSubmitted> ratings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant completed = MORNING.plus(Duration.ofMinutes(4L * i));
            ratings.add(RatingStreams.rating("INST-1", "INST-1-W1", "INST-1-S" + (i % 3), Channel.WINDOW_DEVICE, 4,
                    i % 2 == 0 ? "p-colleague-a" : "p-colleague-b", completed.plusSeconds(3), completed));
        }

        List<Finding> findings = judge(ratings);

        assertEquals(1, findings.size(), () -> "flags: " + findings);
        assertEquals(IntegrityRule.QUICK_OWN_DEVICE, findings.get(0).subject().rule());
        assertEquals(2, findings.get(0).distinct(), "two evaluators");
    }

    @Test
    void r6_3_quickRatingsByDifferentPeopleAreWhatAWindowDeviceIsFor() {
        List<RatingSubmitted> ratings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant completed = MORNING.plus(Duration.ofMinutes(3L * i));
            ratings.add(RatingStreams.rating("INST-1", "INST-1-W1", "INST-1-S" + (i % 3), Channel.WINDOW_DEVICE, 4,
                    "p-citizen-" + i, completed.plusSeconds(3), completed));
        }

        assertEquals(List.of(), judge(ratings));
    }

    @Test
    void r6_3_levelOneAcrossManyInstitutionsIsFlaggedAsLikelyMalicious() {
        List<RatingSubmitted> serial = RatingStreams.serialBadReviews("p-angry", MORNING, Duration.ofMinutes(20), 4);

        List<Finding> findings = judge(serial);

        assertEquals(1, findings.size());
        assertEquals(IntegrityRule.SERIAL_BAD_REVIEWS, findings.get(0).subject().rule());
        assertEquals(4, findings.get(0).distinct(), "four institutions");
        assertEquals(List.of(), judge(RatingStreams.serialBadReviews("p-angry", MORNING, Duration.ofMinutes(50), 4)),
                "spread over 2 h 30 min: under the 2 h window's threshold");
    }

    @Test
    void r6_3_aFlagIsTheSameWhateverOrderTheRatingsArriveIn() {
        List<RatingSubmitted> day = new ArrayList<>(RatingStreams.clean(5, LocalDate.of(2025, 3, 12), 1, 4, 4));
        day.addAll(RatingStreams.deviceBurst(8, "INST-1", "INST-1-W1", "INST-1-S1", MORNING, 9));
        day.addAll(RatingStreams.serialBadReviews("p-angry", MORNING, Duration.ofMinutes(10), 5));
        List<Finding> inOrder = judge(day);

        Collections.shuffle(day, new Random(42));

        assertEquals(inOrder, judge(day));
        assertEquals(2, inOrder.size());
    }

    @Test
    void r6_3_judgingABatchsSubjectDaysFindsWhatJudgingTheWholeDayFindsForThem() {
        List<RatingSubmitted> day = new ArrayList<>(RatingStreams.clean(5, LocalDate.of(2025, 3, 12), 1, 4, 4));
        List<RatingSubmitted> burst = RatingStreams.deviceBurst(8, "INST-1", "INST-1-W1", "INST-1-S1", MORNING, 9);
        day.addAll(burst);
        day.addAll(RatingStreams.serialBadReviews("p-angry", MORNING, Duration.ofMinutes(10), 5));
        List<ObservedRating> observed = day.stream().map(ObservedRating::of).toList();
        List<ObservedRating> batch = List.of(ObservedRating.of(burst.get(4)));
        IntegrityDetector.Thresholds thresholds = (region, at) -> POLICIES.resolve(region,
                at.atZone(RatingStreams.ZONE).toLocalDate()).integrity();

        List<Finding> only = IntegrityDetector.judge(observed, RatingStreams.ZONE, thresholds,
                IntegrityDetector.subjectDays(batch, RatingStreams.ZONE));

        assertEquals(1, only.size(), () -> "the burst's flag alone: " + only);
        assertEquals(IntegrityRule.DEVICE_BURST, only.get(0).subject().rule());
        assertEquals(judge(day).stream().filter(f -> f.subject().equals(only.get(0).subject())).toList(), only);
    }

    @Test
    void r6_3_aRuleLeftOutOfThePolicyIsOff() {
        List<RatingSubmitted> burst = RatingStreams.deviceBurst(7, "INST-3", "INST-3-W2", "INST-3-S2", MORNING, 8);
        IntegrityThresholds noBurstRule = new IntegrityThresholds(null, null, null, null);

        assertEquals(List.of(), IntegrityDetector.judge(burst.stream().map(ObservedRating::of).toList(),
                RatingStreams.ZONE, (region, at) -> noBurstRule));
    }

    @Test
    void r6_3_burstsAreFoundAsEveryWindowOfTheDayWouldFindThem() {
        // The one-pass search against its definition: every window of `within` from each rating, measured on its own.
        Random random = new Random(63);
        IntegrityThresholds.Burst rule = new IntegrityThresholds.Burst(4, Duration.ofMinutes(10));
        for (int day = 0; day < 200; day++) {
            List<ObservedRating> ratings = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                // Clusters and gaps: seconds to an hour apart, some at the same instant.
                Instant at = MORNING.plusSeconds(random.nextInt(4) == 0 ? random.nextInt(3_600) : random.nextInt(900));
                ratings.add(ObservedRating.of(RatingStreams.rating("INST-" + random.nextInt(5), "INST-1-W1",
                        "INST-1-S1", Channel.WINDOW_DEVICE, random.nextInt(5) == 0 ? 1 : 5, "p-" + random.nextInt(3),
                        at.plusMillis(i), at.minusSeconds(600))));
            }
            for (IntegrityRule kind : List.of(IntegrityRule.DEVICE_BURST, IntegrityRule.SERIAL_BAD_REVIEWS)) {
                IntegrityThresholds thresholds = kind == IntegrityRule.DEVICE_BURST
                        ? new IntegrityThresholds(rule, null, null, null)
                        : new IntegrityThresholds(null, null, null, rule);
                List<String> expected = everyWindow(ratings, rule, kind == IntegrityRule.SERIAL_BAD_REVIEWS);
                List<String> found = IntegrityDetector.detect(new IntegrityDetector.Subject(kind, "s"),
                        MORNING.atZone(RatingStreams.ZONE).toLocalDate(), ratings, thresholds)
                        .map(Finding::ratingIds).orElse(List.of());
                assertEquals(expected, found, kind + " on day " + day);
            }
        }
    }

    /** The rule as written: each rating's window, measured alone; the evidence is every window that reaches it. */
    private static List<String> everyWindow(List<ObservedRating> ratings, IntegrityThresholds.Burst rule,
            boolean countInstitutions) {
        List<ObservedRating> sorted = ratings.stream().sorted(java.util.Comparator.comparing(ObservedRating::ratedAt)
                .thenComparing(ObservedRating::ratingId)).toList();
        java.util.Set<String> evidence = new java.util.TreeSet<>();
        for (ObservedRating first : sorted) {
            List<ObservedRating> window = sorted.stream().filter(r -> !r.ratedAt().isBefore(first.ratedAt())
                    && !r.ratedAt().isAfter(first.ratedAt().plus(rule.within()))
                    && (r.ratedAt().isAfter(first.ratedAt()) || r.ratingId().compareTo(first.ratingId()) >= 0))
                    .toList();
            long measure = countInstitutions ? window.stream().map(ObservedRating::institutionCode).distinct().count()
                    : window.size();
            if (measure >= rule.count()) {
                window.forEach(r -> evidence.add(r.ratingId()));
            }
        }
        return List.copyOf(evidence);
    }

    private static List<Finding> judge(List<RatingSubmitted> ratings) {
        return IntegrityDetector.judge(ratings.stream().map(ObservedRating::of).toList(), RatingStreams.ZONE,
                (region, at) -> POLICIES.resolve(region, at.atZone(RatingStreams.ZONE).toLocalDate()).integrity());
    }
}
