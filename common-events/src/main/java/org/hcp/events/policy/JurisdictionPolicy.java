package org.hcp.events.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The rules that differ between jurisdictions (docs/rules.md, "Jurisdiction policies shipped"; R5.6), as data. A version
 * applies to its region and every region below it from {@code effectiveFrom}; a field left null is inherited from
 * the enclosing region's policy, field by field, up to the national default ({@link PolicyBook}).
 *
 * @param regionCode                GB/T 2260 code, or {@link PolicyBook#NATIONAL} for the national default
 * @param effectiveFrom             first day (Asia/Shanghai) this version applies
 * @param name                      the jurisdiction's name, for people
 * @param source                    the policy text it comes from
 * @param zone                      time zone of its days and deadlines
 * @param levelLabels               R1.1: SATISFACTION (非常满意…) or QUALITY (很好…)
 * @param badReviewTags             R1.3: the tag catalogue a bad review picks from
 * @param supplementaryRatingPeriod R1.7: how long after completion an evaluator may still rate
 * @param defaultRating             R1.9: reminder and default rating; null in the national default (none)
 * @param callbackReply             R2.2: callback and first reply
 * @param rectificationClearCase    R2.3: clear and reasonable case
 * @param rectificationComplexCase  R2.3: complex case, ledger deadline at most
 * @param complexCaseFeedback       R2.4 (JE): feedback on a complex case
 * @param verificationAfterRectification R2.6 (TA)
 * @param appealWindow              R3.2: how long after the bad review an appeal may be filed
 * @param appealDecision            R3.2: how long the bureau has to decide
 * @param maliciousEvaluatorCreditRecord R3.4 (TA): an upheld malicious rating goes to the evaluator's credit file
 * @param integrity                 R6.3: the thresholds of the integrity review's detection rules
 * @param rankingWarning            R4.4: who is warned for ranking at the bottom repeatedly
 * @param showStaffOnRatingPage     whether the citizen's rating page names the staff member
 * @param followUpRatingPeriod      追评 (issue 29; Zhejiang's practice): how long after a bad review's feedback or
 *                                  closing its evaluator may rate how it was handled, once; 0 days: not offered
 * @param messaging                 the short messages sent to evaluators: which, quiet hours, a daily cap per phone
 * @param hotlineWorkOrders         each adopted bad review goes to the city's 12345 platform as a work order
 *                                  (docs/hotline.md; Shenzhen's practice); null or false: not
 * @param rankingMinimumRatings     R4.4 / R4.5: a unit with fewer adopted ratings in the period is listed as 样本不足
 *                                  (too few ratings to judge), not ranked and never warned
 * @param bulletin                  R4.3: who issues the region's bulletins and how they are numbered
 */
public record JurisdictionPolicy(
        String regionCode,
        LocalDate effectiveFrom,
        String name,
        String source,
        String zone,
        String levelLabels,
        List<BadReviewTag> badReviewTags,
        Term supplementaryRatingPeriod,
        DefaultRatingRule defaultRating,
        Term callbackReply,
        Term rectificationClearCase,
        Term rectificationComplexCase,
        Term complexCaseFeedback,
        Term verificationAfterRectification,
        Term appealWindow,
        Term appealDecision,
        Boolean maliciousEvaluatorCreditRecord,
        IntegrityThresholds integrity,
        RankingWarning rankingWarning,
        Boolean showStaffOnRatingPage,
        Term followUpRatingPeriod,
        MessagingRules messaging,
        Boolean hotlineWorkOrders,
        Integer rankingMinimumRatings,
        BulletinRules bulletin) {

    public JurisdictionPolicy {
        if (rankingMinimumRatings != null && (rankingMinimumRatings < 1 || rankingMinimumRatings > 10_000)) {
            throw new IllegalArgumentException("rankingMinimumRatings must be 1..10000");
        }
    }

    /** R1.3: is this code in the catalogue? */
    public boolean hasTag(String code) {
        return tag(code).isPresent();
    }

    /** A tag of the catalogue by its code, if the catalogue has it (a tag retired from it is shown by its code). */
    public java.util.Optional<BadReviewTag> tag(String code) {
        return badReviewTags == null ? java.util.Optional.empty()
                : badReviewTags.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** Whether the evaluator of a bad review may rate its handling (追评) at all. */
    public boolean offersFollowUpRating() {
        return followUpRatingPeriod != null && followUpRatingPeriod.amount() > 0;
    }

    /** This policy with every null field taken from {@code parent}: the child wins field by field. */
    JurisdictionPolicy over(JurisdictionPolicy parent) {
        return new JurisdictionPolicy(
                regionCode, effectiveFrom,
                pick(name, parent.name), pick(source, parent.source), pick(zone, parent.zone),
                pick(levelLabels, parent.levelLabels), pick(badReviewTags, parent.badReviewTags),
                pick(supplementaryRatingPeriod, parent.supplementaryRatingPeriod),
                pick(defaultRating, parent.defaultRating),
                pick(callbackReply, parent.callbackReply),
                pick(rectificationClearCase, parent.rectificationClearCase),
                pick(rectificationComplexCase, parent.rectificationComplexCase),
                pick(complexCaseFeedback, parent.complexCaseFeedback),
                pick(verificationAfterRectification, parent.verificationAfterRectification),
                pick(appealWindow, parent.appealWindow),
                pick(appealDecision, parent.appealDecision),
                pick(maliciousEvaluatorCreditRecord, parent.maliciousEvaluatorCreditRecord),
                pick(integrity, parent.integrity),
                pick(rankingWarning, parent.rankingWarning),
                pick(showStaffOnRatingPage, parent.showStaffOnRatingPage),
                pick(followUpRatingPeriod, parent.followUpRatingPeriod),
                pick(messaging, parent.messaging),
                pick(hotlineWorkOrders, parent.hotlineWorkOrders),
                pick(rankingMinimumRatings, parent.rankingMinimumRatings),
                pick(bulletin, parent.bulletin));
    }

    private static <T> T pick(T own, T inherited) {
        return own != null ? own : inherited;
    }
}
