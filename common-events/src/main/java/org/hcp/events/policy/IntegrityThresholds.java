package org.hcp.events.policy;

import java.time.Duration;

/**
 * R6.3: when a pattern in the rating stream is flagged for the bureau's integrity review, as policy data. Each rule
 * looks at the evaluators' own ratings (never system defaults) within one local day; a rule left null is off.
 *
 * @param deviceBurst      刷好评 at a window: at least {@code count} level-5 ratings for one staff member from the
 *                         window's own rating device within {@code within}
 * @param repeatEvaluator  one evaluator pseudonym rating the same institution at least {@code count} times within
 *                         {@code within}
 * @param quickOwnDevice   ratings given on the window's own device at most {@code afterCompletion} after the case was
 *                         completed, at least {@code count} of them within {@code within} coming from at most
 *                         {@code evaluators} evaluator pseudonyms
 * @param serialBadReviews one evaluator pseudonym giving level 1 to at least {@code count} different institutions
 *                         within {@code within} (likely malicious bad reviews)
 */
public record IntegrityThresholds(Burst deviceBurst, Burst repeatEvaluator, QuickRatings quickOwnDevice,
        Burst serialBadReviews) {

    /** At least {@code count} (ratings, or institutions) within {@code within}. */
    public record Burst(int count, Duration within) {

        public Burst {
            check(count, within);
        }
    }

    /** At least {@code count} quick ratings within {@code within} from at most {@code evaluators} pseudonyms. */
    public record QuickRatings(int count, Duration within, Duration afterCompletion, int evaluators) {

        public QuickRatings {
            check(count, within);
            if (afterCompletion == null || afterCompletion.isNegative() || evaluators < 1) {
                throw new IllegalArgumentException("quickOwnDevice needs afterCompletion >= 0 and evaluators >= 1");
            }
        }
    }

    private static void check(int count, Duration within) {
        // A day is the longest window: the rules look at one local day at a time (docs/rules.md, R6.3).
        if (count < 2 || within == null || within.isNegative() || within.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("an integrity rule needs count >= 2 and 0 <= within <= 1 day");
        }
    }
}
