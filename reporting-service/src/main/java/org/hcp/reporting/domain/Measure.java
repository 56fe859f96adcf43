package org.hcp.reporting.domain;

import org.hcp.events.RatingOrigin;

/**
 * The counters the aggregates keep, by name. Every figure (R4.1, R4.1a) is computed from these by {@link Figures}, and
 * only there.
 */
public final class Measure {

    /** Adopted ratings an evaluator gave, per level: {@code rating.evaluator.1} … {@code rating.evaluator.5}. */
    public static final String EVALUATOR_RATING = "rating.evaluator.";
    /** Adopted default ratings the system gave (R1.9), per level. */
    public static final String DEFAULT_RATING = "rating.default.";
    /** Adopted bad reviews carrying a tag (R4.6), per tag code: {@code tag.<code>}. */
    public static final String TAG = "tag.";
    /** Cases completed (CaseCompleted), counted on their completion day. */
    public static final String CASES_COMPLETED = "cases.completed";
    /** Of those, cases with at least one adopted rating by the evaluator. */
    public static final String CASES_RATED = "cases.rated";
    /** Rectifications of bad reviews (R2.1) not withdrawn, counted on the bad review's day. */
    public static final String RECTIFICATIONS = "rect.opened";
    /** Of those, closed (R2.3). */
    public static final String RECTIFIED = "rect.closed";
    /** Of those closed, closed on time. */
    public static final String RECTIFIED_ON_TIME = "rect.onTime";
    /** Rectifications of real-name bad reviews (R2.5). */
    public static final String REAL_NAME = "rect.realName";
    /** Of those, whose evaluator a callback reached. */
    public static final String CALLED_BACK = "rect.calledBack";
    /** Follow-up ratings of bad reviews' handling (追评), counted on the day given. */
    public static final String FOLLOW_UPS = "followUp.rated";
    /** Of those, at level 4 or 5. */
    public static final String FOLLOW_UPS_SATISFIED = "followUp.satisfied";
    /** Appeals filed (R3.1), counted on their filing day. */
    public static final String APPEALS_FILED = "appeals.filed";
    /** Of those, upheld (R3.4). */
    public static final String APPEALS_UPHELD = "appeals.upheld";

    private Measure() {
    }

    public static String rating(RatingOrigin origin, int level) {
        return (origin == RatingOrigin.DEFAULT_RATING ? DEFAULT_RATING : EVALUATOR_RATING) + level;
    }

    public static String tag(String code) {
        return TAG + code;
    }
}
