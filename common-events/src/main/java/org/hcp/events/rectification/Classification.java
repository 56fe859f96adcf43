package org.hcp.events.rectification;

/** R2.3: how the handling unit classifies a bad review after looking into it. */
public enum Classification {
    /** Clear and reasonable: rectify at once, within the policy's days. */
    CLEAR,
    /** Complex: a ledger (台账) entry with a deadline the unit chooses, at most the policy's cap (6 months). */
    COMPLEX,
    /** No legal or policy basis: explained to the evaluator instead of rectified. */
    NO_BASIS
}
