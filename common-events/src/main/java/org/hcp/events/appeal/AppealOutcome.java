package org.hcp.events.appeal;

/** R3.4 / R3.5: what the bureau decided on an appeal. */
public enum AppealOutcome {
    /** The rating was mistaken or malicious: it is not adopted (RatingNotAdopted). */
    UPHELD,
    /** The rating stands and its rectification goes on. */
    REJECTED
}
