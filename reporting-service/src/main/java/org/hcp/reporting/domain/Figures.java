package org.hcp.reporting.domain;

import java.util.Map;
import java.util.TreeMap;
import org.hcp.events.RatingLevel;

/**
 * Every R4.1 / R4.1a figure, computed from the counters of one group, here and nowhere else: the API, the console and
 * the bulletins all take their figures from this class. Definitions, and why these: docs/figures.md. A rate whose
 * denominator is zero is null: no rate is not a rate of zero. Rates are rounded to four decimals.
 *
 * @param ratings            adopted ratings, evaluators' and defaults (not-adopted ones never count, R3.4)
 * @param byLevel            adopted ratings per level 1..5
 * @param activeRatings      of those, given by evaluators
 * @param defaultRatings     of those, default ratings made by the system (R1.9)
 * @param satisfied          levels 4..5
 * @param good               levels 3..5 (R1.1)
 * @param bad                levels 1..2: the bad-review count (R4.1)
 * @param goodRate           好评率: good / ratings (R4.1a)
 * @param activeGoodRate     主动评价好评率: evaluators' good / evaluators' ratings (R4.1a)
 * @param satisfactionRate   服务满意率: levels 4..5 / ratings (R4.1)
 * @param badRate            差评率: bad / ratings (R4.1)
 * @param unratedRate        未评价率: default ratings / ratings (R4.1a)
 * @param completedCases     cases completed in the period
 * @param ratedCases         of those, rated by their evaluator
 * @param coverage           评价覆盖率: rated / completed cases (R4.1)
 * @param rectifications     bad reviews sent for rectification (withdrawn ones left out)
 * @param rectified          of those, closed
 * @param rectificationRate  整改率: rectified / rectifications (R4.1)
 * @param rectifiedOnTime    of the closed, closed on time
 * @param onTimeRate         按时整改率: on time / rectified (R4.1)
 * @param realNameBadReviews rectifications of real-name bad reviews
 * @param calledBack         of those, whose evaluator a callback reached
 * @param callbackRate       实名差评回访率: called back / real-name bad reviews (R4.1, JC Art.19)
 * @param appealsFiled       appeals filed in the period (R3.1)
 * @param appealsUpheld      of those, upheld (R3.4)
 * @param followUps          follow-up ratings of bad reviews' handling (追评) given in the period
 * @param followUpsSatisfied of those, at levels 4..5
 * @param followUpSatisfactionRate 整改满意率: satisfied / follow-ups
 */
public record Figures(long ratings, Map<Integer, Long> byLevel, long activeRatings, long defaultRatings, long satisfied,
        long good,
        long bad, Double goodRate, Double activeGoodRate, Double satisfactionRate, Double badRate, Double unratedRate,
        long completedCases, long ratedCases, Double coverage, long rectifications, long rectified,
        Double rectificationRate, long rectifiedOnTime, Double onTimeRate, long realNameBadReviews, long calledBack,
        Double callbackRate, long appealsFiled, long appealsUpheld, long followUps, long followUpsSatisfied,
        Double followUpSatisfactionRate) {

    /** The figures of one group's counters ({@link Measure} name → count). */
    public static Figures of(Map<String, Long> counters) {
        Map<Integer, Long> byLevel = new TreeMap<>();
        long active = 0;
        long defaults = 0;
        long good = 0;
        long activeGood = 0;
        long satisfied = 0;
        for (int level = RatingLevel.MIN; level <= RatingLevel.MAX; level++) {
            long a = counters.getOrDefault(Measure.EVALUATOR_RATING + level, 0L);
            long d = counters.getOrDefault(Measure.DEFAULT_RATING + level, 0L);
            byLevel.put(level, a + d);
            active += a;
            defaults += d;
            if (!RatingLevel.isBad(level)) {
                good += a + d;
                activeGood += a;
            }
            if (level >= 4) {
                satisfied += a + d;
            }
        }
        long ratings = active + defaults;
        long bad = ratings - good;
        long completed = counters.getOrDefault(Measure.CASES_COMPLETED, 0L);
        long rated = counters.getOrDefault(Measure.CASES_RATED, 0L);
        long rectifications = counters.getOrDefault(Measure.RECTIFICATIONS, 0L);
        long rectified = counters.getOrDefault(Measure.RECTIFIED, 0L);
        long onTime = counters.getOrDefault(Measure.RECTIFIED_ON_TIME, 0L);
        long realName = counters.getOrDefault(Measure.REAL_NAME, 0L);
        long calledBack = counters.getOrDefault(Measure.CALLED_BACK, 0L);
        long followUps = counters.getOrDefault(Measure.FOLLOW_UPS, 0L);
        long followUpsSatisfied = counters.getOrDefault(Measure.FOLLOW_UPS_SATISFIED, 0L);
        return new Figures(ratings, byLevel, active, defaults, satisfied, good, bad, rate(good, ratings),
                rate(activeGood, active), rate(satisfied, ratings), rate(bad, ratings), rate(defaults, ratings),
                completed, rated, rate(rated, completed), rectifications, rectified, rate(rectified, rectifications),
                onTime, rate(onTime, rectified), realName, calledBack, rate(calledBack, realName),
                counters.getOrDefault(Measure.APPEALS_FILED, 0L), counters.getOrDefault(Measure.APPEALS_UPHELD, 0L),
                followUps, followUpsSatisfied, rate(followUpsSatisfied, followUps));
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
