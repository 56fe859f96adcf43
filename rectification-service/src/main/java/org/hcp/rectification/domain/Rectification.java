package org.hcp.rectification.domain;

import org.hcp.events.RatingLevel;
import org.hcp.events.RatingSubmitted;

/** The rules of rectification that exist so far; the ledger's decide/evolve core grows here. */
public final class Rectification {

    private Rectification() {
    }

    /** R2.1 with R1.1: a bad review (level 1 or 2) goes to the handling unit for rectification; a good one does not. */
    public static boolean isNeeded(RatingSubmitted rating) {
        return RatingLevel.isBad(rating.level());
    }
}
