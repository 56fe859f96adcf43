package org.hcp.events.rectification;

/** R2.2: what a callback attempt came to. */
public enum CallbackResult {
    /** The evaluator was reached. */
    REACHED,
    /** Tried, not reached (no answer, wrong number): the attempt counts, the callback is still owed. */
    NOT_REACHED
}
