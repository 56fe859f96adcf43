package org.hcp.events;

/** Who made a rating. R1.9: system-made default ratings stay distinguishable from evaluators' own. */
public enum RatingOrigin {
    EVALUATOR,
    DEFAULT_RATING
}
