package org.hcp.events.appeal;

/** R6.3: what the bureau decided on an integrity flag; like an appeal decision (R3.4). */
public enum IntegrityOutcome {
    /** The flagged ratings were fake or malicious: none of them is adopted (a RatingNotAdopted each). */
    NOT_ADOPTED,
    /** Nothing wrong was found: the ratings stand. */
    DISMISSED
}
