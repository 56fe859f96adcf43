package org.hcp.events.appeal;

/** R6.3: the detection rules of the integrity review; their thresholds are policy data (docs/rules.md, R6.3). */
public enum IntegrityRule {
    /** 刷好评 at a window: many level-5 ratings for one staff member from the window's own device in minutes. */
    DEVICE_BURST,
    /** One evaluator rating the same institution again and again. */
    REPEAT_EVALUATOR,
    /** Ratings given seconds after completion on the window's own device, by the same few evaluators. */
    QUICK_OWN_DEVICE,
    /** One evaluator giving level 1 across many institutions in a short time: likely malicious bad reviews. */
    SERIAL_BAD_REVIEWS
}
