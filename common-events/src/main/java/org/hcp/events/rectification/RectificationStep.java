package org.hcp.events.rectification;

/** The steps of a rectification that run on a deadline (R2.2-R2.6). */
public enum RectificationStep {
    /** R2.2: first contact with the evaluator. */
    CALLBACK,
    /** R2.3: rectified or explained. */
    RECTIFICATION,
    /** R2.4 (JE): feedback on a complex case. */
    FEEDBACK,
    /** R2.6 (TA): the bureau's verification. */
    VERIFICATION
}
